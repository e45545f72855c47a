#include "codecs/x265/x265_params.h"

#include <string>

#include "harness/core/error.h"
#include "harness/core/suggest.h"

namespace tgvc {
namespace {

const std::vector<std::string> kPresets = {"ultrafast", "superfast", "veryfast", "faster",   "fast",
                                           "medium",    "slow",      "slower",   "veryslow", "placebo"};
const std::vector<std::string> kTunes = {"psnr", "ssim", "grain", "zerolatency", "fastdecode", "animation"};
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

void configure_rate_control(const X265Options& o, x265_param* param) {
  std::vector<std::string> given;
  if (o.qp) given.push_back("qp");
  if (o.crf) given.push_back("crf");
  if (o.bitrate) given.push_back("bitrate");
  if (given.size() > 1) {
    std::vector<std::string> where;
    for (const std::string& key : given) where.push_back("x265." + key);
    throw InputError(join(where), "exactly one rate control: qp, crf or bitrate",
                     join(given) + " given together");
  }
  if (o.qp) {
    param->rc.rateControlMode = X265_RC_CQP;
    param->rc.qp = *o.qp;
  } else if (o.bitrate) {
    param->rc.rateControlMode = X265_RC_ABR;
    param->rc.bitrate = *o.bitrate;
  } else {
    param->rc.rateControlMode = X265_RC_CRF;
    param->rc.rfConstant = o.crf.value_or(kDefaultCrf);
  }
}

void configure_gop(const X265Options& o, x265_param* param) {
  param->keyframeMax = o.keyint;
  param->keyframeMin = o.min_keyint;
  if (o.low_delay && o.bframes.value_or(0) > 0) {
    throw InputError("x265.bframes", "no B-frames when low-delay is true", std::to_string(*o.bframes));
  }
  if (o.bframes) param->bframes = *o.bframes;
  if (o.low_delay) {
    // Output order equals input order: no B-frames, and no frames held back for slice-type
    // decisions (as x265's zerolatency tune does).
    param->bframes = 0;
    param->bBPyramid = 0;
    param->lookaheadDepth = 0;
    param->rc.cuTree = 0;
  }
}

void configure_threads(const x265_api& api, const X265Options& o, x265_param* param) {
  param->frameNumThreads = o.frame_threads;
  const std::string pools = o.threads == 0 ? "+" : std::to_string(o.threads);
  if (api.param_parse(param, "pools", pools.c_str()) != 0) {
    throw Error("libx265 refused pools=" + pools);
  }
}

}  // namespace

const ParamTable<X265Options>& x265_param_table() {
  using O = X265Options;
  using Row = ParamRow<O>;
  static const ParamTable<O> table({
      Row("preset", &O::preset).choices(kPresets).help("x265 speed/efficiency preset"),
      Row("tune", &O::tune).choices(kTunes).help("x265 tune applied with the preset (unset: none)"),
      Row("qp", &O::qp)
          .range(0, 51)
          .help(
              "constant QP (P-frames; x265 offsets I and B by its ip/pb factors); excludes crf and bitrate"),
      Row("crf", &O::crf)
          .range(0, 51)
          .help("constant rate factor; without qp, crf or bitrate the rate control is crf 28"),
      Row("bitrate", &O::bitrate)
          .range(1, 1000000)
          .help("average bitrate (single-pass ABR); excludes qp and crf")
          .unit("kbps"),
      Row("keyint", &O::keyint)
          .range(-1, 1000000)
          .help("maximum keyframe interval; -1: infinite (only frame 0 is intra); 0 or 1: all intra")
          .unit("frames"),
      Row("min-keyint", &O::min_keyint)
          .range(0, 1000000)
          .help("minimum keyframe interval for scene cuts; 0: x265 chooses")
          .unit("frames"),
      Row("bframes", &O::bframes)
          .range(0, 16)
          .help("maximum consecutive B-frames (unset: the preset's)")
          .unit("frames"),
      Row("low-delay", &O::low_delay).help("no B-frames and no lookahead: frames are coded in display order"),
      Row("frame-threads", &O::frame_threads)
          .range(0, 16)
          .help(
              "concurrently coded frames (0: x265 chooses); above 1, crf/bitrate output may vary run to run"),
      Row("threads", &O::threads)
          .range(0, 256)
          .help("x265's worker pool (--pools; 0: all cores); 1 as the harness runs cells in parallel"),
  });
  return table;
}

const std::vector<ParamSpec>& x265_param_specs() {
  return x265_param_table().specs();
}

void configure_x265(const x265_api& api, const ParamSet& params, const VideoInfo& source, x265_param* param) {
  const X265Options o = x265_param_table().parse(params);
  const std::string& preset = o.preset;
  const char* tune = o.tune.empty() ? nullptr : o.tune.c_str();
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

  configure_rate_control(o, param);
  configure_gop(o, param);
  configure_threads(api, o, param);

  const int ctu = static_cast<int>(param->maxCUSize);
  if (source.width < ctu || source.height < ctu) {
    throw InputError("x265 source",
                     "at least one CTU (" + std::to_string(ctu) + "x" + std::to_string(ctu) +
                         " with preset " + preset + ")",
                     std::to_string(source.width) + "x" + std::to_string(source.height));
  }
}

}  // namespace tgvc
