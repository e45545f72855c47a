#include "codecs/aom/aom_params.h"

#include <aom/aomcx.h>

#include <string>

#include "harness/core/error.h"

namespace tgvc {
namespace {

unsigned int profile_of(ChromaFormat chroma) {
  switch (chroma) {
    case ChromaFormat::k420:
      return 0;  // Main
    case ChromaFormat::k444:
      return 1;  // High
    case ChromaFormat::k422:
      return 2;  // Professional
  }
  return 0;
}

aom_rc_mode end_usage_of(const std::string& name) {
  if (name == "cq") return AOM_CQ;
  if (name == "vbr") return AOM_VBR;
  if (name == "cbr") return AOM_CBR;
  return AOM_Q;
}

void check_control(aom_codec_ctx_t* encoder, aom_codec_err_t err, const char* key, const std::string& value) {
  if (err == AOM_CODEC_OK) return;
  const char* detail = aom_codec_error_detail(encoder);
  throw InputError(
      std::string("aom.") + key, "a value libaom accepts",
      "'" + value + "' (" + aom_codec_err_to_string(err) + (detail ? std::string(": ") + detail : "") + ")");
}

}  // namespace

const std::vector<ParamSpec>& aom_param_specs() {
  // clang-format off
  static const std::vector<ParamSpec> specs = {
      {"usage", ParamType::kString, "good", 0, -1, {"good", "realtime"},
       "libaom usage: good quality or realtime", ""},
      {"end-usage", ParamType::kString, "q", 0, -1, {"q", "cq", "vbr", "cbr"},
       "rate control: constant quality (q), constrained quality (cq), vbr or cbr", ""},
      {"cq-level", ParamType::kInt, "32", 0, 63, {},
       "quality for end-usage q and cq (63: coarsest); vbr and cbr ignore it", ""},
      {"bitrate", ParamType::kInt, "", 1, 1000000, {},
       "target bitrate; required by vbr, cbr and cq, refused by q", "kbps"},
      {"cpu-used", ParamType::kInt, "6", 0, 10, {},
       "speed (0: slowest, best); libaom 3.6 takes 0..9 for good, 0..10 for realtime", ""},
      {"keyint", ParamType::kInt, "9999", 0, 1000000, {},
       "maximum keyframe distance (kf-max-dist); the default is one long GOP; 0: all keyframes", "frames"},
      {"min-keyint", ParamType::kInt, "0", 0, 1000000, {},
       "minimum keyframe distance (kf-min-dist)", "frames"},
      {"lag-in-frames", ParamType::kInt, "", 0, 48, {},
       "lookahead (unset: libaom's default for the usage, 35 for good and 0 for realtime in 3.6)", "frames"},
      {"threads", ParamType::kInt, "1", 1, 64, {},
       "encoder threads (output depends on it); 1 because the harness runs cells in parallel", ""},
      {"row-mt", ParamType::kBool, "true", 0, -1, {},
       "row-based multithreading (used when threads > 1)", ""},
      {"tile-columns", ParamType::kInt, "0", 0, 6, {},
       "log2 of the number of tile columns", ""},
      {"tile-rows", ParamType::kInt, "0", 0, 6, {},
       "log2 of the number of tile rows", ""},
      {"enable-tpl", ParamType::kBool, "true", 0, -1, {},
       "temporal dependency model (good usage)", ""},
  };
  // clang-format on
  return specs;
}

unsigned int aom_usage(const ParamSet& params) {
  return params.get_string("usage") == "realtime" ? AOM_USAGE_REALTIME : AOM_USAGE_GOOD_QUALITY;
}

void configure_aom(const ParamSet& params, const VideoInfo& source, aom_codec_enc_cfg_t* cfg) {
  const bool high = source.format.bit_depth > 8;
  cfg->g_w = static_cast<unsigned int>(source.width);
  cfg->g_h = static_cast<unsigned int>(source.height);
  cfg->g_timebase.num = source.fps.den;  // one tick per frame
  cfg->g_timebase.den = source.fps.num;
  cfg->g_profile = profile_of(source.format.chroma);
  cfg->g_bit_depth = high ? AOM_BITS_10 : AOM_BITS_8;
  cfg->g_input_bit_depth = static_cast<unsigned int>(source.format.bit_depth);
  cfg->g_pass = AOM_RC_ONE_PASS;
  cfg->g_threads = static_cast<unsigned int>(params.get_int("threads"));
  if (params.has("lag-in-frames"))
    cfg->g_lag_in_frames = static_cast<unsigned int>(params.get_int("lag-in-frames"));

  const std::string& end_usage = params.get_string("end-usage");
  cfg->rc_end_usage = end_usage_of(end_usage);
  if (end_usage == "q" && params.has("bitrate")) {
    throw InputError("aom.bitrate", "no bitrate with end-usage q (cq-level sets the quality)",
                     std::to_string(params.get_int("bitrate")) + " kbps");
  }
  if (end_usage != "q") {
    if (!params.has("bitrate"))
      throw InputError("aom.bitrate", "a bitrate for end-usage " + end_usage, "none");
    cfg->rc_target_bitrate = static_cast<unsigned int>(params.get_int("bitrate"));
  }

  const int64_t keyint = params.get_int("keyint");
  const int64_t min_keyint = params.get_int("min-keyint");
  if (min_keyint > keyint) {
    throw InputError("aom.min-keyint", "at most keyint (" + std::to_string(keyint) + ")",
                     std::to_string(min_keyint));
  }
  cfg->kf_mode = AOM_KF_AUTO;
  cfg->kf_max_dist = static_cast<unsigned int>(keyint);
  cfg->kf_min_dist = static_cast<unsigned int>(min_keyint);
}

void apply_aom_controls(const ParamSet& params, aom_codec_ctx_t* encoder) {
  const auto int_value = [&](const char* key) { return static_cast<int>(params.get_int(key)); };
  check_control(encoder, aom_codec_control(encoder, AOME_SET_CPUUSED, int_value("cpu-used")), "cpu-used",
                params.get_string("cpu-used"));
  const std::string& end_usage = params.get_string("end-usage");
  if (end_usage == "q" || end_usage == "cq") {
    check_control(encoder, aom_codec_control(encoder, AOME_SET_CQ_LEVEL, int_value("cq-level")), "cq-level",
                  params.get_string("cq-level"));
  }
  check_control(encoder, aom_codec_control(encoder, AV1E_SET_ROW_MT, params.get_bool("row-mt") ? 1u : 0u),
                "row-mt", params.get_string("row-mt"));
  check_control(encoder, aom_codec_control(encoder, AV1E_SET_TILE_COLUMNS, int_value("tile-columns")),
                "tile-columns", params.get_string("tile-columns"));
  check_control(encoder, aom_codec_control(encoder, AV1E_SET_TILE_ROWS, int_value("tile-rows")), "tile-rows",
                params.get_string("tile-rows"));
  check_control(
      encoder, aom_codec_control(encoder, AV1E_SET_ENABLE_TPL_MODEL, params.get_bool("enable-tpl") ? 1u : 0u),
      "enable-tpl", params.get_string("enable-tpl"));
}

}  // namespace tgvc
