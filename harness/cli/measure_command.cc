// `tgvc-bench measure REF DIST`: every requested metric between two videos, as JSON.
#include <cmath>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "harness/cli/commands.h"
#include "harness/core/colour.h"
#include "harness/core/error.h"
#include "harness/core/suggest.h"
#include "harness/io/image_sequence.h"
#include "harness/io/video_reader.h"
#include "harness/metrics/registry.h"

namespace tgvc {
namespace {

struct MeasureArgs {
  std::string reference;
  std::string distorted;
  std::vector<std::string> metrics;
  std::vector<std::string> options;  // metric.key=value
  int start = 0;
  int frames = -1;
  int width = 0;
  int height = 0;
  std::string format = "yuv420p";
  double fps = 30;
  bool per_frame = false;
  bool yuv_to_rgb = false;
};

// The geometry of a .yuv input, or the frame rate of an image sequence (the only field it reads).
std::optional<RawVideoFormat> raw_format(const MeasureArgs& a, const std::string& path) {
  RawVideoFormat raw;
  raw.fps = {static_cast<int>(std::lround(a.fps * 1000)), 1000};
  if (is_image_sequence(path)) return raw;
  if (a.width <= 0 || a.height <= 0) return std::nullopt;
  raw.width = a.width;
  raw.height = a.height;
  const bool ten_bit = a.format.find("p10") != std::string::npos;
  const ChromaFormat chroma = a.format.rfind("yuv444", 0) == 0   ? ChromaFormat::k444
                              : a.format.rfind("yuv422", 0) == 0 ? ChromaFormat::k422
                                                                 : ChromaFormat::k420;
  raw.format = {chroma, ten_bit ? 10 : 8, ColourFamily::kYuv};
  return raw;
}

// "msssim.convention=dcvc" -> options["msssim"]["convention"] = "dcvc".
std::map<std::string, std::map<std::string, std::string>> parse_options(
    const std::vector<std::string>& items) {
  std::map<std::string, std::map<std::string, std::string>> out;
  for (const std::string& item : items) {
    const size_t dot = item.find('.');
    const size_t eq = item.find('=');
    if (dot == std::string::npos || eq == std::string::npos || eq < dot) {
      throw InputError("--option", "METRIC.KEY=VALUE, e.g. msssim.convention=dcvc", "'" + item + "'");
    }
    out[item.substr(0, dot)][item.substr(dot + 1, eq - dot - 1)] = item.substr(eq + 1);
  }
  return out;
}

// The distorted video is a coded copy of the reference, so both are read in the reference's
// matrix and range, as the runner reads a decoded cell. The files can disagree only in what they
// assume: Y4M has no matrix tag (read as BT.709) while FFmpeg takes BT.601 for an untagged stream
// below 720 lines, which made identical samples measure 29-39 dB PSNR-RGB. Returns the note for
// the output, saying what was read and what is used.
std::string use_reference_colour(const Video& ref, Video& dist) {
  const auto name = [](const ColourSpec& c) {
    return std::string(to_string(c.matrix)) + " " + to_string(c.range) + " range";
  };
  std::string note = name(ref.info.colour) + " (the reference's)";
  if (dist.info.colour.matrix != ref.info.colour.matrix || dist.info.colour.range != ref.info.colour.range) {
    note += "; the distorted file read as " + name(dist.info.colour);
    dist.info.colour = ref.info.colour;
  }
  return note;
}

// A YUV distorted video of an RGB reference (a codec's output, such as `tgvc-bench decode`'s
// Y4M) as RGB of the reference's depth, with the reference's matrix and range: the conversion
// the runner applies to a decoded cell of an RGB source (codecs/source_colour.h). Only on request:
// otherwise comparing the two families is an error. Returns the note for the output.
std::string distorted_as_rgb(const Video& ref, Video& dist) {
  const PixelFormat from = dist.info.format;
  for (Frame& f : dist.frames) f = yuv_to_rgb(f, ref.info.colour, ref.info.format.bit_depth);
  dist.info.format = ref.info.format;
  return "YUV " + std::string(to_string(from.chroma)) + " " + std::to_string(from.bit_depth) +
         "-bit -> RGB " + std::to_string(ref.info.format.bit_depth) + "-bit (" +
         to_string(ref.info.colour.matrix) + " " + to_string(ref.info.colour.range) +
         " range, chroma by sample replication)";
}

nlohmann::json number(double v) {
  return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

int measure(const MeasureArgs& a) {
  std::vector<std::string> ids = a.metrics;
  const std::vector<std::string> known = metric_ids();
  if (ids.empty()) {  // per-set metrics only when named: over one pair they are a set of one
    for (const MetricEntry& m : all_metrics()) {
      if (m.plain) ids.push_back(m.descriptor->id);
    }
  }
  const auto options = parse_options(a.options);
  for (const auto& entry : options) {
    if (std::find(ids.begin(), ids.end(), entry.first) == ids.end()) {
      throw InputError("--option " + entry.first, "a metric given with --metrics (" + join(ids) + ")",
                       "'" + entry.first + "'");
    }
  }
  const FrameRange range{a.start, a.frames};
  const Video ref = read_video(a.reference, range, raw_format(a, a.reference));
  Video dist = read_video(a.distorted, range, raw_format(a, a.distorted));
  const std::string colour = use_reference_colour(ref, dist);
  std::string conversion;
  if (a.yuv_to_rgb && ref.info.format.family == ColourFamily::kRgb &&
      dist.info.format.family == ColourFamily::kYuv) {
    conversion = distorted_as_rgb(ref, dist);
  }
  check_comparable(ref, dist);
  nlohmann::json out = {{"reference", a.reference},  {"distorted", a.distorted},    {"width", ref.info.width},
                        {"height", ref.info.height}, {"frames", ref.frame_count()}, {"colour", colour}};
  if (!conversion.empty()) out["distorted_conversion"] = conversion;
  nlohmann::json values = nlohmann::json::object();
  for (const std::string& id : ids) {
    const MetricEntry* metric = find_metric(id);
    if (!metric) {
      const std::string near = closest_match(id, known);
      throw InputError("--metrics", (near.empty() ? "" : "'" + near + "'; ") + "one of " + join(known),
                       "'" + id + "'");
    }
    const auto it = options.find(id);
    const ParamSet params = ParamSet::resolve(
        metric->descriptor->options, it == options.end() ? std::map<std::string, std::string>{} : it->second,
        "--option " + id);
    const std::vector<MetricValue> computed =
        metric->plain ? metric->plain->compute(ref, dist, params)
                      : metric->per_set->finish({metric->per_set->contribute(ref, dist, params)}, params);
    for (const MetricValue& v : computed) {
      nlohmann::json j = {{"value", number(v.value)}, {"unit", v.unit}, {"convention", v.convention}};
      if (!v.available) j["n/a"] = v.reason;
      if (a.per_frame && !v.per_frame.empty()) {
        nlohmann::json frames = nlohmann::json::array();
        for (double f : v.per_frame) frames.push_back(number(f));
        j["per_frame"] = frames;
      }
      values[v.name] = j;
    }
  }
  out["metrics"] = values;
  fmt::print("{}\n", out.dump(2));
  return 0;
}

}  // namespace

void add_measure_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<MeasureArgs>();
  CLI::App* cmd = app.add_subcommand("measure", "Metrics between a reference and a distorted video, as JSON");
  cmd->add_option("reference", args->reference,
                  "Reference video (.y4m, .yuv, any FFmpeg container or image, a folder of numbered PNGs, a "
                  "pattern such as frame_%05d.png)")
      ->required();
  cmd->add_option("distorted", args->distorted, "Distorted video, same geometry and frame count")->required();
  cmd->add_option("-m,--metrics", args->metrics,
                  "Metric ids (default: every per-sequence metric; fvd only when named); see 'tgvc-bench "
                  "list metrics'")
      ->delimiter(',');
  cmd->add_option("--option", args->options, "Metric option METRIC.KEY=VALUE (repeatable)");
  cmd->add_option("--start", args->start, "First frame")->check(CLI::NonNegativeNumber);
  cmd->add_option("--frames", args->frames, "Frame count (default: all)")->check(CLI::PositiveNumber);
  cmd->add_option("--width", args->width, "Width of headerless .yuv input");
  cmd->add_option("--height", args->height, "Height of headerless .yuv input");
  cmd->add_option("--format", args->format, "Pixel format of .yuv input")
      ->check(CLI::IsMember({"yuv420p", "yuv420p10le", "yuv422p", "yuv422p10le", "yuv444p", "yuv444p10le"}));
  cmd->add_option("--fps", args->fps, "Frame rate of .yuv input and image sequences")
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--per-frame", args->per_frame, "Include per-frame values");
  cmd->add_flag(
      "--yuv-to-rgb", args->yuv_to_rgb,
      "With an RGB reference, convert a YUV distorted video (e.g. tgvc-bench decode's Y4M) to RGB with "
      "the reference's matrix and range, as the runner does");
  cmd->callback([args, &exit_code] { exit_code = measure(*args); });
}

}  // namespace tgvc
