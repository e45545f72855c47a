// `tgvc-bench inspect FILE.tgvc [--json]`: what a .tgvc file holds (docs/bitstream.md), read
// with the codec's own parser, so a file it shows is a file the decoder accepts.
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "codecs/tgvc/bitstream/tgvc_stream.h"
#include "harness/cli/commands.h"
#include "harness/core/atomic_file.h"

namespace tgvc {
namespace {

// The stream keeps the representative tracks of each kept motion instance, not the instances.
constexpr const char* kInstancesNote =
    "not stored: the stream carries the representative tracks of each kept motion instance; "
    "'tgvc-bench encode' prints the instance counts";

struct ClipSummary {
  int first = 0;
  int last = 0;
  size_t tracks = 0;
  size_t visible_points = 0;  // track-frames flagged visible
  uint64_t bytes = 0;         // its TRAJ payload
  BackgroundMode background = BackgroundMode::kBlend;
  std::vector<CameraPathKnot> camera_path;
};

// "camera path: frame 6 (dx, dy at (0,0), (w,0), (0,h)) ..." in pixels.
std::string path_text(const std::vector<CameraPathKnot>& knots) {
  std::string out;
  for (const CameraPathKnot& k : knots) {
    out += fmt::format(" {}:({:g},{:g} {:g},{:g} {:g},{:g})", k.frame, k.eighths[0] / 8.0, k.eighths[1] / 8.0,
                       k.eighths[2] / 8.0, k.eighths[3] / 8.0, k.eighths[4] / 8.0, k.eighths[5] / 8.0);
  }
  return out;
}

std::vector<ClipSummary> summarise_clips(const TgvcStream& stream, const TgvcSizes& sizes) {
  std::vector<ClipSummary> clips;
  for (size_t c = 0; c < stream.clips.size(); ++c) {
    ClipSummary s;
    s.first = stream.keyframes[c];
    s.last = stream.keyframes[c + 1];
    s.tracks = stream.clips[c].tracks.size();
    for (const CodedTrack& track : stream.clips[c].tracks) {
      for (uint8_t v : track.visible) s.visible_points += v != 0;
    }
    s.bytes = sizes.clip_trajectory_bytes[c];
    s.background = stream.clips[c].background;
    s.camera_path = stream.clips[c].camera_path;
    clips.push_back(s);
  }
  return clips;
}

std::string pixel_format_text(const VideoInfo& info) {
  return fmt::format("{}-bit {} {}, {} {}", info.format.bit_depth,
                     info.format.family == ColourFamily::kRgb ? "RGB" : "YUV", to_string(info.format.chroma),
                     to_string(info.colour.matrix), to_string(info.colour.range));
}

void print_text(const std::string& path, uint64_t file_bytes, const TgvcStream& s, const TgvcSizes& sizes,
                const std::vector<ClipSummary>& clips) {
  fmt::print("{}: T-GVC stream, {} bytes\n", path, file_bytes);
  fmt::print("video: {}x{}, {}, {}/{} fps, {} frames\n", s.info.width, s.info.height,
             pixel_format_text(s.info), s.info.fps.num, s.info.fps.den, s.frame_count);
  fmt::print("components: header {} B, keyframes {} B, trajectories {} B, camera path {} B\n",
             sizes.header_bytes, sizes.keyframe_bytes, sizes.trajectory_bytes, sizes.camera_path_bytes);
  const auto [coded_width, coded_height] = coded_keyframe_size(s);
  const bool reduced = coded_width != s.info.width || coded_height != s.info.height;
  fmt::print("keyframes: {} coded by {} ({}) at {}x{}{}, {}\n", s.keyframes.size(), s.keyframe_codec,
             s.keyframe_codec_version, coded_width, coded_height,
             reduced ? " (reduced; the decoder enlarges them)" : "",
             s.keyframe_payloads.size() == s.keyframes.size() ? "one payload each" : "one payload for all");
  for (size_t k = 0; k < s.keyframes.size(); ++k) {
    const bool own_payload = s.keyframe_payloads.size() == s.keyframes.size();
    fmt::print("  frame {:>5}{}\n", s.keyframes[k],
               own_payload ? fmt::format("  {} B", s.keyframe_payloads[k].size()) : "");
  }
  fmt::print("trajectory quantisation step: {} px\n", s.quant_step);
  fmt::print("clips: {}\n", clips.size());
  if (!clips.empty())
    fmt::print("  {:>5}  {:>11}  {:>6}  {:>14}  {:>8}  {}\n", "clip", "frames", "tracks", "visible points",
               "bytes", "background");
  for (size_t c = 0; c < clips.size(); ++c) {
    const ClipSummary& clip = clips[c];
    fmt::print("  {:>5}  {:>11}  {:>6}  {:>14}  {:>8}  {}\n", c, fmt::format("{}-{}", clip.first, clip.last),
               clip.tracks, clip.visible_points, clip.bytes, background_mode_name(clip.background));
    if (!clip.camera_path.empty())
      fmt::print("         camera path, frame:(dx,dy at (0,0) (w,0) (0,h)) px:{}\n",
                 path_text(clip.camera_path));
  }
  fmt::print("motion instances: {}\n", kInstancesNote);
}

void print_json(const std::string& path, uint64_t file_bytes, const TgvcStream& s, const TgvcSizes& sizes,
                const std::vector<ClipSummary>& clips) {
  nlohmann::json keyframes = nlohmann::json::array();
  for (size_t k = 0; k < s.keyframes.size(); ++k) {
    nlohmann::json entry = {{"frame", s.keyframes[k]}};
    if (s.keyframe_payloads.size() == s.keyframes.size()) entry["bytes"] = s.keyframe_payloads[k].size();
    keyframes.push_back(entry);
  }
  nlohmann::json clip_list = nlohmann::json::array();
  for (const ClipSummary& clip : clips) {
    nlohmann::json knots = nlohmann::json::array();
    for (const CameraPathKnot& k : clip.camera_path) {
      nlohmann::json px = nlohmann::json::array();
      for (int32_t v : k.eighths) px.push_back(v / 8.0);
      knots.push_back({{"frame", k.frame}, {"corner_shift_px", px}});
    }
    clip_list.push_back({{"first_frame", clip.first},
                         {"last_frame", clip.last},
                         {"tracks", clip.tracks},
                         {"visible_points", clip.visible_points},
                         {"bytes", clip.bytes},
                         {"camera_background", clip.background != BackgroundMode::kBlend},
                         {"background", background_mode_name(clip.background)},
                         {"camera_path", knots}});
  }
  const nlohmann::json out = {
      {"file", path},
      {"bytes", file_bytes},
      {"width", s.info.width},
      {"height", s.info.height},
      {"bit_depth", s.info.format.bit_depth},
      {"colour_family", s.info.format.family == ColourFamily::kRgb ? "rgb" : "yuv"},
      {"chroma", to_string(s.info.format.chroma)},
      {"matrix", to_string(s.info.colour.matrix)},
      {"range", to_string(s.info.colour.range)},
      {"fps", {{"num", s.info.fps.num}, {"den", s.info.fps.den}}},
      {"frames", s.frame_count},
      {"components",
       {{"header", sizes.header_bytes},
        {"keyframes", sizes.keyframe_bytes},
        {"trajectories", sizes.trajectory_bytes},
        {"camera_path", sizes.camera_path_bytes}}},
      {"keyframe_codec", s.keyframe_codec},
      {"keyframe_codec_version", s.keyframe_codec_version},
      {"keyframe_width", coded_keyframe_size(s).first},
      {"keyframe_height", coded_keyframe_size(s).second},
      {"keyframe_payloads", s.keyframe_payloads.size()},
      {"keyframes", keyframes},
      {"quant_step", s.quant_step},
      {"clips", clip_list},
      {"motion_instances", nullptr},
      {"motion_instances_note", kInstancesNote},
  };
  fmt::print("{}\n", out.dump(2));
}

}  // namespace

void add_inspect_command(CLI::App& app, int& exit_code) {
  auto path = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand(
      "inspect", "Show what a .tgvc file holds: header, keyframes, clips, tracks, rate components");
  cmd->add_option("file", *path, "The .tgvc file")->required();
  cmd->add_flag("--json", *json, "Machine-readable output");
  cmd->callback([path, json, &exit_code] {
    const std::string text = read_file(*path);
    const std::vector<uint8_t> bytes(text.begin(), text.end());
    TgvcSizes sizes;
    const TgvcStream stream = read_tgvc(bytes, *path, &sizes);
    const std::vector<ClipSummary> clips = summarise_clips(stream, sizes);
    (*json ? print_json : print_text)(*path, bytes.size(), stream, sizes, clips);
    exit_code = 0;
  });
}

}  // namespace tgvc
