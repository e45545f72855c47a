// `tgvc-bench encode IN -o OUT.tgvc` and `tgvc-bench decode IN.tgvc -o REC.y4m`: the tgvc codec
// on single files, outside any experiment.
#include <chrono>
#include <map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "codecs/codec.h"
#include "codecs/source_colour.h"
#include "codecs/tgvc/generate/diffusion_options.h"
#include "codecs/tgvc/generate/generators.h"
#include "codecs/tgvc/tgvc_encoder.h"
#include "codecs/tgvc/tgvc_params.h"
#include "harness/cli/commands.h"
#include "harness/core/atomic_file.h"
#include "harness/core/error.h"
#include "harness/io/video_reader.h"
#include "harness/io/y4m_writer.h"
#include "harness/metrics/rate.h"

namespace tgvc {
namespace {

struct EncodeArgs {
  std::string input;
  std::string output;
  std::vector<std::string> params;  // key=value
  int start = 0;
  int frames = -1;
};

std::map<std::string, std::string> parse_params(const std::vector<std::string>& items) {
  std::map<std::string, std::string> out;
  for (const std::string& item : items) {
    const size_t eq = item.find('=');
    if (eq == std::string::npos || eq == 0)
      throw InputError("--param", "KEY=VALUE, e.g. keyframe-quality=40", "'" + item + "'");
    out[item.substr(0, eq)] = item.substr(eq + 1);
  }
  return out;
}

int encode(const EncodeArgs& a) {
  const ParamSet set = ParamSet::resolve(tgvc_param_specs(), parse_params(a.params), "--param");
  Video source = read_video(a.input, {a.start, a.frames});
  if (source.info.format.family == ColourFamily::kRgb) {  // coded as the runner codes it
    ColourConversion conversion;
    source = rgb_source_as_yuv(*find_codec("tgvc"), source, &conversion);
    fmt::print("{}: {}; decode writes the YUV (measure it against {} with --yuv-to-rgb)\n", a.input,
               describe(conversion), a.input);
  }
  const auto start = std::chrono::steady_clock::now();
  TgvcEncodeStats stats;
  const TgvcEncoded coded = tgvc_encode(source, tgvc_params_from(set), &stats);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  write_file_atomically(
      a.output, std::string_view(reinterpret_cast<const char*>(coded.bytes.data()), coded.bytes.size()));
  const Rate rate = compute_rate(coded.bytes.size(), source.info.width, source.info.height,
                                 source.frame_count(), source.info.fps.value());
  fmt::print(
      "{}: {} frames {}x{}, {} keyframes (quality {}), {} motion instances sent of {}, {} trajectories\n",
      a.output, source.frame_count(), source.info.width, source.info.height, stats.keyframes,
      stats.keyframe_quality, stats.motion.kept, stats.motion.clusters, stats.motion.representatives);
  fmt::print(
      "{} bytes (header {}, keyframes {}, trajectories {}, camera path {}), {:.5f} bpp, {:.2f} kbps; "
      "encoded in {:.2f} s\n",
      coded.bytes.size(), coded.sizes.header_bytes, coded.sizes.keyframe_bytes, coded.sizes.trajectory_bytes,
      coded.sizes.camera_path_bytes, rate.bpp, rate.kbps, seconds);
  if (!stats.target.tried.empty()) {
    fmt::print("target-bpp {}: keyframe-quality {} after {} keyframe encodes ({}){}\n",
               set.get_string("target-bpp"), stats.target.quality, stats.target.tried.size(),
               fmt::join(stats.target.tried, ", "),
               stats.target.met ? "" : "; not reachable: this is the lowest-rate quality");
  }
  if (stats.keyframe_width != source.info.width || stats.keyframe_height != source.info.height) {
    fmt::print("keyframes coded at {}x{} (keyframe-scale {}), enlarged to {}x{} by the decoder\n",
               stats.keyframe_width, stats.keyframe_height, set.get_string("keyframe-scale"),
               source.info.width, source.info.height);
  }
  fmt::print(
      "stages: embedding {:.2f} s, tracking {:.2f} s, clustering {:.2f} s, importance {:.2f} s, keyframe "
      "coding "
      "{:.2f} s, trajectory coding {:.2f} s, background choice {:.2f} s\n",
      stats.embedding_s, stats.motion.tracking_s, stats.motion.clustering_s, stats.motion.importance_s,
      stats.keyframe_coding_s, stats.trajectory_coding_s, stats.background_choice_s);
  fmt::print(
      "clips without trajectories decoded with the camera-aware background: {} ({} with a camera path, {} "
      "with the keyframes' motion)\n",
      stats.camera_background_clips, stats.camera_path_clips, stats.camera_motion_clips);
  for (const TgvcEncodeStats::ClipChoice& c : stats.clip_choices) {
    fmt::print(
        "  clip {}-{}: {} (over the blend: straight camera {:+.2f} dB, with motion {}, camera path {})\n",
        c.first, c.last, background_mode_name(c.choice.mode), c.choice.camera_gain_db,
        c.choice.moved_regions > 0
            ? fmt::format("{:+.2f} dB ({} regions)", c.choice.motion_gain_db, c.choice.moved_regions)
            : std::string("not measured (no region moved)"),
        c.choice.path_measured ? fmt::format("{:+.2f} dB", c.choice.path_gain_db)
                               : std::string("not measured (no knot beat the straight line)"));
  }
  return 0;
}

int decode(const std::string& input, const std::string& output, const std::string& generator,
           const std::map<std::string, std::string>& diffusion_given) {
  std::map<std::string, std::string> given;  // the options that were set (CLI11 leaves the others empty)
  for (const auto& [key, value] : diffusion_given) {
    if (!value.empty()) given[key] = value;
  }
  if (generator != "diffusion" && !given.empty()) {
    throw InputError("--" + given.begin()->first,
                     "--generator diffusion (the option is the diffusion generator's)",
                     "--generator " + generator);
  }
  const DiffusionOptions diffusion = diffusion_options_from(given, "decode");
  const std::string text = read_file(input);
  const std::vector<uint8_t> bytes(text.begin(), text.end());
  const auto start = std::chrono::steady_clock::now();
  const Video video = tgvc_decode(bytes, input, generator, diffusion);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  write_y4m(output, video);
  fmt::print("{}: {} frames {}x{} ({} generator), decoded in {:.2f} s\n", output, video.frame_count(),
             video.info.width, video.info.height, generator, seconds);
  return 0;
}

}  // namespace

void add_tgvc_commands(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<EncodeArgs>();
  CLI::App* enc = app.add_subcommand("encode", "Encode a video with T-GVC into a .tgvc file");
  enc->add_option("input", args->input, "Video (.y4m or any container FFmpeg reads), coded at its own size")
      ->required();
  enc->add_option("-o,--output", args->output, "The .tgvc file to write")->required();
  enc->add_option("-p,--param", args->params,
                  "tgvc parameter KEY=VALUE (repeatable; see 'tgvc-bench list codecs -v')");
  enc->add_option("--start", args->start, "First frame")->check(CLI::NonNegativeNumber);
  enc->add_option("--frames", args->frames, "Frame count (default: all)")->check(CLI::PositiveNumber);
  enc->callback([args, &exit_code] { exit_code = encode(*args); });

  auto in = std::make_shared<std::string>();
  auto out = std::make_shared<std::string>();
  auto generator = std::make_shared<std::string>(default_generator());
  CLI::App* dec = app.add_subcommand("decode", "Decode a .tgvc file into a Y4M video");
  dec->add_option("input", *in, "The .tgvc file")->required();
  dec->add_option("-o,--output", *out, "The .y4m file to write")->required();
  dec->add_option(
         "--generator", *generator,
         "Frames between keyframes: warp (trajectory-guided), diffusion (trajectory-guided latent diffusion, "
         "docs/diffusion.md) or blend (no guidance)")
      ->check(CLI::IsMember(generator_names()));
  // The diffusion generator's settings, named and described as the codec params are.
  auto diffusion = std::make_shared<std::map<std::string, std::string>>();
  for (const std::string& key : diffusion_option_keys()) {
    const ParamSpec* spec = find_param(tgvc_param_specs(), key);
    const std::string fallback =
        spec && !spec->default_value.empty() ? " (default " + spec->default_value + ")" : "";
    dec->add_option("--" + key, (*diffusion)[key], (spec ? spec->help : key) + fallback);
  }
  dec->callback(
      [in, out, generator, diffusion, &exit_code] { exit_code = decode(*in, *out, *generator, *diffusion); });
}

}  // namespace tgvc
