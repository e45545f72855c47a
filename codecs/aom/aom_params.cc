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

const EnumNames<aom_rc_mode>& end_usage_names() {
  static const EnumNames<aom_rc_mode> names = {
      {AOM_Q, "q"}, {AOM_CQ, "cq"}, {AOM_VBR, "vbr"}, {AOM_CBR, "cbr"}};
  return names;
}

std::string text(bool value) {
  return value ? "true" : "false";
}

void check_control(aom_codec_ctx_t* encoder, aom_codec_err_t err, const char* key, const std::string& value) {
  if (err == AOM_CODEC_OK) return;
  const char* detail = aom_codec_error_detail(encoder);
  throw InputError(
      std::string("aom.") + key, "a value libaom accepts",
      "'" + value + "' (" + aom_codec_err_to_string(err) + (detail ? std::string(": ") + detail : "") + ")");
}

}  // namespace

const ParamTable<AomOptions>& aom_param_table() {
  using O = AomOptions;
  using Row = ParamRow<O>;
  static const EnumNames<AomUsage> kUsageNames = {{AomUsage::kGood, "good"},
                                                  {AomUsage::kRealtime, "realtime"}};
  static const ParamTable<O> table({
      Row("usage", &O::usage, kUsageNames).help("libaom usage: good quality or realtime"),
      Row("end-usage", &O::end_usage, end_usage_names())
          .help("rate control: constant quality (q), constrained quality (cq), vbr or cbr"),
      Row("cq-level", &O::cq_level)
          .range(0, 63)
          .help("quality for end-usage q and cq (63: coarsest); vbr and cbr ignore it"),
      Row("bitrate", &O::bitrate)
          .range(1, 1000000)
          .help("target bitrate; required by vbr, cbr and cq, refused by q")
          .unit("kbps"),
      Row("cpu-used", &O::cpu_used)
          .range(0, 10)
          .help("speed (0: slowest, best); libaom 3.6 takes 0..9 for good, 0..10 for realtime"),
      Row("keyint", &O::keyint)
          .range(0, 1000000)
          .help("maximum keyframe distance (kf-max-dist); the default is one long GOP; 0: all keyframes")
          .unit("frames"),
      Row("min-keyint", &O::min_keyint)
          .range(0, 1000000)
          .help("minimum keyframe distance (kf-min-dist)")
          .unit("frames"),
      Row("lag-in-frames", &O::lag_in_frames)
          .range(0, 48)
          .help("lookahead (unset: libaom's default for the usage, 35 for good and 0 for realtime in 3.6)")
          .unit("frames"),
      Row("threads", &O::threads)
          .range(1, 64)
          .help("encoder threads (output depends on it); 1 because the harness runs cells in parallel"),
      Row("row-mt", &O::row_mt).help("row-based multithreading (used when threads > 1)"),
      Row("tile-columns", &O::tile_columns).range(0, 6).help("log2 of the number of tile columns"),
      Row("tile-rows", &O::tile_rows).range(0, 6).help("log2 of the number of tile rows"),
      Row("enable-tpl", &O::enable_tpl).help("temporal dependency model (good usage)"),
  });
  return table;
}

const std::vector<ParamSpec>& aom_param_specs() {
  return aom_param_table().specs();
}

unsigned int aom_usage(const AomOptions& o) {
  return o.usage == AomUsage::kRealtime ? AOM_USAGE_REALTIME : AOM_USAGE_GOOD_QUALITY;
}

void configure_aom(const AomOptions& o, const VideoInfo& source, aom_codec_enc_cfg_t* cfg) {
  const bool high = source.format.bit_depth > 8;
  cfg->g_w = static_cast<unsigned int>(source.width);
  cfg->g_h = static_cast<unsigned int>(source.height);
  cfg->g_timebase.num = source.fps.den;  // one tick per frame
  cfg->g_timebase.den = source.fps.num;
  cfg->g_profile = profile_of(source.format.chroma);
  cfg->g_bit_depth = high ? AOM_BITS_10 : AOM_BITS_8;
  cfg->g_input_bit_depth = static_cast<unsigned int>(source.format.bit_depth);
  cfg->g_pass = AOM_RC_ONE_PASS;
  cfg->g_threads = static_cast<unsigned int>(o.threads);
  if (o.lag_in_frames) cfg->g_lag_in_frames = static_cast<unsigned int>(*o.lag_in_frames);

  cfg->rc_end_usage = o.end_usage;
  if (o.end_usage == AOM_Q && o.bitrate) {
    throw InputError("aom.bitrate", "no bitrate with end-usage q (cq-level sets the quality)",
                     std::to_string(*o.bitrate) + " kbps");
  }
  if (o.end_usage != AOM_Q) {
    if (!o.bitrate)
      throw InputError("aom.bitrate", "a bitrate for end-usage " + enum_name(end_usage_names(), o.end_usage),
                       "none");
    cfg->rc_target_bitrate = static_cast<unsigned int>(*o.bitrate);
  }

  if (o.min_keyint > o.keyint) {
    throw InputError("aom.min-keyint", "at most keyint (" + std::to_string(o.keyint) + ")",
                     std::to_string(o.min_keyint));
  }
  cfg->kf_mode = AOM_KF_AUTO;
  cfg->kf_max_dist = static_cast<unsigned int>(o.keyint);
  cfg->kf_min_dist = static_cast<unsigned int>(o.min_keyint);
}

void apply_aom_controls(const AomOptions& o, aom_codec_ctx_t* encoder) {
  check_control(encoder, aom_codec_control(encoder, AOME_SET_CPUUSED, o.cpu_used), "cpu-used",
                std::to_string(o.cpu_used));
  if (o.end_usage == AOM_Q || o.end_usage == AOM_CQ) {
    check_control(encoder, aom_codec_control(encoder, AOME_SET_CQ_LEVEL, o.cq_level), "cq-level",
                  std::to_string(o.cq_level));
  }
  check_control(encoder, aom_codec_control(encoder, AV1E_SET_ROW_MT, o.row_mt ? 1u : 0u), "row-mt",
                text(o.row_mt));
  check_control(encoder, aom_codec_control(encoder, AV1E_SET_TILE_COLUMNS, o.tile_columns), "tile-columns",
                std::to_string(o.tile_columns));
  check_control(encoder, aom_codec_control(encoder, AV1E_SET_TILE_ROWS, o.tile_rows), "tile-rows",
                std::to_string(o.tile_rows));
  check_control(encoder, aom_codec_control(encoder, AV1E_SET_ENABLE_TPL_MODEL, o.enable_tpl ? 1u : 0u),
                "enable-tpl", text(o.enable_tpl));
}

}  // namespace tgvc
