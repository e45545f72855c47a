#include "codecs/x265/x265_params.h"

#include <string>

#include "harness/core/error.h"
#include "harness/core/suggest.h"

namespace tgvc {
namespace {

const std::vector<std::string> kPresets = {"ultrafast", "superfast", "veryfast", "faster",   "fast",
                                           "medium",    "slow",      "slower",   "veryslow", "placebo"};
const std::vector<std::string> kTunes = {"psnr", "ssim", "grain", "zerolatency", "fastdecode", "animation"};
const std::vector<std::string> kRateKeys = {"qp", "crf", "bitrate"};
constexpr double kDefaultCrf = 28;

int csp_of(ChromaFormat chroma) {
  switch (chroma) {
    case ChromaFormat::k420:
      return X265_CSP_I420;
    case ChromaFormat::k422:
      return X265_CSP_I422;
    case ChromaFormat::k444:
      return X265_CSP_I444;
  }
  return X265_CSP_I420;
}

void configure_rate_control(const ParamSet& params, x265_param* param) {
  std::vector<std::string> given;
  for (const std::string& key : kRateKeys) {
    if (params.has(key)) given.push_back(key);
  }
  if (given.size() > 1) {
    std::vector<std::string> where;
    for (const std::string& key : given) where.push_back("x265." + key);
    throw InputError(join(where), "exactly one rate control: qp, crf or bitrate",
                     join(given) + " given together");
  }
  if (params.has("qp")) {
    param->rc.rateControlMode = X265_RC_CQP;
    param->rc.qp = static_cast<int>(params.get_int("qp"));
  } else if (params.has("bitrate")) {
    param->rc.rateControlMode = X265_RC_ABR;
    param->rc.bitrate = static_cast<int>(params.get_int("bitrate"));
  } else {
    param->rc.rateControlMode = X265_RC_CRF;
    param->rc.rfConstant = params.has("crf") ? params.get_real("crf") : kDefaultCrf;
  }
}

void configure_gop(const ParamSet& params, x265_param* param) {
  param->keyframeMax = static_cast<int>(params.get_int("keyint"));
  param->keyframeMin = static_cast<int>(params.get_int("min-keyint"));
  const bool low_delay = params.get_bool("low-delay");
  if (low_delay && params.has("bframes") && params.get_int("bframes") > 0) {
    throw InputError("x265.bframes", "no B-frames when low-delay is true",
                     std::to_string(params.get_int("bframes")));
  }
  if (params.has("bframes")) param->bframes = static_cast<int>(params.get_int("bframes"));
  if (low_delay) {
    // Output order equals input order: no B-frames, and no frames held back for slice-type
    // decisions (as x265's zerolatency tune does).
    param->bframes = 0;
    param->bBPyramid = 0;
    param->lookaheadDepth = 0;
    param->rc.cuTree = 0;
  }
}

void configure_threads(const x265_api& api, const ParamSet& params, x265_param* param) {
  param->frameNumThreads = static_cast<int>(params.get_int("frame-threads"));
  const int64_t threads = params.get_int("threads");
  const std::string pools = threads == 0 ? "+" : std::to_string(threads);
  if (api.param_parse(param, "pools", pools.c_str()) != 0) {
    throw Error("libx265 refused pools=" + pools);
  }
}

}  // namespace

const std::vector<ParamSpec>& x265_param_specs() {
  // clang-format off
  static const std::vector<ParamSpec> specs = {
      {"preset", ParamType::kString, "medium", 0, -1, kPresets,
       "x265 speed/efficiency preset", ""},
      {"tune", ParamType::kString, "", 0, -1, kTunes,
       "x265 tune applied with the preset (unset: none)", ""},
      {"qp", ParamType::kInt, "", 0, 51, {},
       "constant QP (P-frames; x265 offsets I and B by its ip/pb factors); excludes crf and bitrate", ""},
      {"crf", ParamType::kReal, "", 0, 51, {},
       "constant rate factor; without qp, crf or bitrate the rate control is crf 28", ""},
      {"bitrate", ParamType::kInt, "", 1, 1000000, {},
       "average bitrate (single-pass ABR); excludes qp and crf", "kbps"},
      {"keyint", ParamType::kInt, "250", -1, 1000000, {},
       "maximum keyframe interval; -1: infinite (only frame 0 is intra); 0 or 1: all intra", "frames"},
      {"min-keyint", ParamType::kInt, "0", 0, 1000000, {},
       "minimum keyframe interval for scene cuts; 0: x265 chooses", "frames"},
      {"bframes", ParamType::kInt, "", 0, 16, {},
       "maximum consecutive B-frames (unset: the preset's)", "frames"},
      {"low-delay", ParamType::kBool, "false", 0, -1, {},
       "no B-frames and no lookahead: frames are coded in display order", ""},
      {"frame-threads", ParamType::kInt, "1", 0, 16, {},
       "concurrently coded frames (0: x265 chooses); above 1, crf/bitrate output may vary run to run", ""},
      {"threads", ParamType::kInt, "1", 0, 256, {},
       "x265's worker pool (--pools; 0: all cores); 1 as the harness runs cells in parallel", ""},
  };
  // clang-format on
  return specs;
}

void configure_x265(const x265_api& api, const ParamSet& params, const VideoInfo& source, x265_param* param) {
  const std::string& preset = params.get_string("preset");
  const char* tune = params.has("tune") ? params.get_string("tune").c_str() : nullptr;
  if (api.param_default_preset(param, preset.c_str(), tune) < 0) {
    throw InputError("x265.preset", "a preset and tune libx265 knows",
                     preset + (tune ? std::string(" / ") + tune : std::string()));
  }
  param->logLevel = X265_LOG_NONE;
  param->sourceWidth = source.width;
  param->sourceHeight = source.height;
  param->sourceBitDepth = source.format.bit_depth;
  param->internalCsp = csp_of(source.format.chroma);
  param->fpsNum = static_cast<uint32_t>(source.fps.num);
  param->fpsDenom = static_cast<uint32_t>(source.fps.den);
  // Parameter sets are written once by x265_encoder_headers; the info SEI (the encoder's
  // settings as text, over 2 KB) is not part of a minimal stream and would dominate ULB sizes.
  param->bRepeatHeaders = 0;
  param->bEmitInfoSEI = 0;
  param->bEnableAccessUnitDelimiters = 0;

  configure_rate_control(params, param);
  configure_gop(params, param);
  configure_threads(api, params, param);

  const int ctu = static_cast<int>(param->maxCUSize);
  if (source.width < ctu || source.height < ctu) {
    throw InputError("x265 source",
                     "at least one CTU (" + std::to_string(ctu) + "x" + std::to_string(ctu) +
                         " with preset " + preset + ")",
                     std::to_string(source.width) + "x" + std::to_string(source.height));
  }
}

}  // namespace tgvc
