// `tgvc-bench measure REF DIST`: every requested metric between two videos, as JSON.
#include <cmath>
#include <map>
#include <mutex>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "harness/cli/commands.h"
#include "harness/cli/paired_reader.h"
#include "harness/core/colour.h"
#include "harness/core/error.h"
#include "harness/core/parallel_for.h"
#include "harness/core/suggest.h"
#include "harness/io/frame_reader.h"
#include "harness/io/image_sequence.h"
#include "harness/io/read_checks.h"
#include "harness/io/video_reader.h"
#include "harness/metrics/frame_metrics.h"
#include "harness/metrics/metric.h"
#include "harness/metrics/metric_input.h"
#include "harness/metrics/per_set_metric.h"

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
  int threads = default_thread_count();
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
std::string use_reference_colour(const VideoInfo& ref, VideoInfo& dist) {
  const auto name = [](const ColourSpec& c) {
    return std::string(to_string(c.matrix)) + " " + to_string(c.range) + " range";
  };
  std::string note = name(ref.colour) + " (the reference's)";
  if (dist.colour.matrix != ref.colour.matrix || dist.colour.range != ref.colour.range) {
    note += "; the distorted file read as " + name(dist.colour);
    dist.colour = ref.colour;
  }
  return note;
}

// A YUV distorted video of an RGB reference (a codec's output, such as `tgvc-bench decode`'s
// Y4M) as RGB of the reference's depth, with the reference's matrix and range: the conversion
// the runner applies to a decoded cell of an RGB source (codecs/source_colour.h). Only on request:
// otherwise comparing the two families is an error. Returns the note for the output; the frames are
// converted as they are read (converts_to_rgb).
std::string distorted_as_rgb(const VideoInfo& ref, VideoInfo& dist) {
  const PixelFormat from = dist.format;
  dist.format = ref.format;
  return "YUV " + std::string(to_string(from.chroma)) + " " + std::to_string(from.bit_depth) +
         "-bit -> RGB " + std::to_string(ref.format.bit_depth) + "-bit (" + to_string(ref.colour.matrix) +
         " " + to_string(ref.colour.range) + " range, chroma by sample replication)";
}

// One requested metric with its resolved options.
struct Request {
  std::string id;
  const Metric* metric = nullptr;
  const PerSetMetric* per_set = nullptr;
  ParamSet params;
};

nlohmann::json number(double v) {
  return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr);
}

// The metrics --metrics names (default: every per-sequence metric) with their --option values.
std::vector<Request> resolve_requests(const MeasureArgs& a) {
  std::vector<std::string> ids = a.metrics;
  std::vector<std::string> known;
  for (const Metric* m : all_metrics()) known.push_back(m->id());
  if (ids.empty()) ids = known;  // per-set metrics only when named: over one pair they are a set of one
  for (const PerSetMetric* m : all_per_set_metrics()) known.push_back(m->id());
  const auto options = parse_options(a.options);
  for (const auto& entry : options) {
    if (std::find(ids.begin(), ids.end(), entry.first) == ids.end()) {
      throw InputError("--option " + entry.first, "a metric given with --metrics (" + join(ids) + ")",
                       "'" + entry.first + "'");
    }
  }
  std::vector<Request> requests;
  for (const std::string& id : ids) {
    Request r{id, find_metric(id), find_per_set_metric(id), {}};
    if (!r.metric && !r.per_set) {
      const std::string near = closest_match(id, known);
      throw InputError("--metrics", (near.empty() ? "" : "'" + near + "'; ") + "one of " + join(known),
                       "'" + id + "'");
    }
    const auto it = options.find(id);
    r.params = ParamSet::resolve(r.metric ? r.metric->param_specs() : r.per_set->param_specs(),
                                 it == options.end() ? std::map<std::string, std::string>{} : it->second,
                                 "--option " + id);
    requests.push_back(std::move(r));
  }
  return requests;
}

int measure(const MeasureArgs& a) {
  const std::vector<Request> requests = resolve_requests(a);
  const FrameRange range{a.start, a.frames};
  const std::unique_ptr<FrameReader> ref_reader = open_video(a.reference, range, raw_format(a, a.reference));
  const std::unique_ptr<FrameReader> dist_reader = open_video(a.distorted, range, raw_format(a, a.distorted));
  const VideoInfo& ref_info = ref_reader->info();
  VideoInfo dist_info = dist_reader->info();
  const std::string colour = use_reference_colour(ref_info, dist_info);
  std::string conversion;
  if (a.yuv_to_rgb && ref_info.format.family == ColourFamily::kRgb &&
      dist_info.format.family == ColourFamily::kYuv) {
    conversion = distorted_as_rgb(ref_info, dist_info);
  }
  check_frame_inputs(ref_info, dist_info);

  // Per-frame metrics measure frames as they come; the others get the whole clips afterwards.
  std::vector<FrameMetricRequest> per_frame;
  std::vector<const Request*> whole;
  for (const Request& r : requests) {
    if (r.metric && r.metric->start_frames(ref_info, dist_info, r.params)) {
      per_frame.push_back({r.metric, r.params});
    } else {
      whole.push_back(&r);
    }
  }
  FrameMetrics frame_metrics(ref_info, dist_info, per_frame);
  Video ref{ref_info, {}};
  Video dist{dist_info, {}};
  // Each worker reads a pair (one at a time, in order) and measures it while the others read theirs.
  PairedReader pairs(*ref_reader, *dist_reader);
  std::mutex held_mutex;
  const int threads = std::max(a.threads, 1);
  parallel_for(threads, threads, [&](int /*worker*/) {
    Frame ref_frame, dist_frame, converted;
    try {
      for (int index = pairs.next(&ref_frame, &dist_frame); index >= 0;
           index = pairs.next(&ref_frame, &dist_frame)) {
        if (!conversion.empty()) {
          yuv_to_rgb_into(dist_frame, ref_info.colour, ref_info.format.bit_depth, &converted);
        }
        const Frame& measured = conversion.empty() ? dist_frame : converted;
        frame_metrics.add(index, ref_frame, measured);
        if (!whole.empty()) {  // kept in frame order for the metrics that need whole clips
          std::lock_guard<std::mutex> lock(held_mutex);
          check_sample_budget(a.reference, index, ref.info);
          if (ref.frames.size() <= static_cast<size_t>(index)) {
            ref.frames.resize(index + 1);
            dist.frames.resize(index + 1);
          }
          ref.frames[index] = ref_frame;
          dist.frames[index] = measured;
        }
      }
    } catch (...) {
      pairs.stop();
      throw;
    }
  });
  std::map<std::string, std::vector<MetricValue>> computed;
  std::vector<std::vector<MetricValue>> streamed = frame_metrics.finish();
  for (size_t i = 0; i < per_frame.size(); ++i) computed[per_frame[i].metric->id()] = std::move(streamed[i]);
  if (!whole.empty()) check_comparable(ref, dist);
  for (const Request* r : whole) {
    computed[r->id] = r->metric
                          ? r->metric->compute(ref, dist, r->params)
                          : r->per_set->finish({r->per_set->contribute(ref, dist, r->params)}, r->params);
  }

  nlohmann::json out = {{"reference", a.reference},     {"distorted", a.distorted},
                        {"width", ref_info.width},      {"height", ref_info.height},
                        {"frames", pairs.pairs_read()}, {"colour", colour}};
  if (!conversion.empty()) out["distorted_conversion"] = conversion;
  nlohmann::json values = nlohmann::json::object();
  for (const Request& r : requests) {
    for (const MetricValue& v : computed[r.id]) {
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
  cmd->add_option("--threads", args->threads,
                  "Workers that read frame pairs in turn and measure them in parallel (default: the "
                  "machine's cores, or 1 "
                  "when it does not say); the values do not depend on it")
      ->check(CLI::PositiveNumber);
  cmd->add_flag(
      "--yuv-to-rgb", args->yuv_to_rgb,
      "With an RGB reference, convert a YUV distorted video (e.g. tgvc-bench decode's Y4M) to RGB with "
      "the reference's matrix and range, as the runner does");
  cmd->callback([args, &exit_code] { exit_code = measure(*args); });
}

}  // namespace tgvc
