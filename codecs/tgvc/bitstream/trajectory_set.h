// The trajectories T-GVC transmits for one clip (DESIGN 4.6-4.7): a few representative tracks,
// each a position and a visibility flag per clip frame.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace tgvc {

// One representative track. All three vectors have one entry per clip frame. Positions are
// continuous pixel coordinates: (0,0) is the top-left corner of the top-left pixel, pixel
// centres are at +0.5. Positions of invisible frames carry no information.
struct CodedTrack {
  std::vector<float> x;
  std::vector<float> y;
  std::vector<uint8_t> visible;  // nonzero: visible in that frame

  bool operator==(const CodedTrack& o) const { return x == o.x && y == o.y && visible == o.visible; }
  bool operator!=(const CodedTrack& o) const { return !(*this == o); }
};

// How the warp generator shows the background of a clip (the BGND chunk; docs/tgvc.md,
// "Camera-aware background"). The values are the bitstream's mode codes.
enum class BackgroundMode : uint8_t {
  kBlend = 0,       // the temporal blend (a clip with tracks still uses the camera)
  kCamera = 1,      // the camera-aware background, the camera on a straight line from A to B
  kCameraPath = 2,  // the same, the camera following the path the encoder sent (camera_path)
  // kCamera plus the regions that moved between the keyframes beyond the camera, found by the
  // decoder (keyframe_motion.h) and moved on straight lines
  kCameraMotion = 3,
};
constexpr int kBackgroundModeCount = 4;

// The mode's name as tools print it: "blend", "camera", "camera path", "camera and motion".
inline const char* background_mode_name(BackgroundMode mode) {
  switch (mode) {
    case BackgroundMode::kCamera:
      return "camera";
    case BackgroundMode::kCameraPath:
      return "camera path";
    case BackgroundMode::kCameraMotion:
      return "camera and motion";
    case BackgroundMode::kBlend:
      break;
  }
  return "blend";
}

// One point of a sent camera path: at clip frame `frame` (0 < frame < last) the camera differs
// from the straight line A -> B by an affine correction, given by the displacement it adds at
// three corners of the frame, (0, 0), (width, 0) and (0, height), in 1/8 pixel:
// {dx0, dy0, dx1, dy1, dx2, dy2}.
struct CameraPathKnot {
  int frame = 0;
  std::array<int32_t, 6> eighths{};

  bool operator==(const CameraPathKnot& o) const { return frame == o.frame && eighths == o.eighths; }
  bool operator!=(const CameraPathKnot& o) const { return !(*this == o); }
};

// The tracks of one clip: clip frames 0..frames-1 run from one keyframe to the next, both
// keyframes included.
struct ClipTrajectories {
  int frames = 0;
  std::vector<CodedTrack> tracks;
  // The encoder's choice for a clip without tracks: the warp generator moves the background along
  // the camera estimated from the keyframes (and shows the steady background) instead of blending
  // them. Carried in the BGND chunk with the path's knots (increasing frames; only in kCameraPath).
  BackgroundMode background = BackgroundMode::kBlend;
  std::vector<CameraPathKnot> camera_path = {};

  bool operator==(const ClipTrajectories& o) const {
    return frames == o.frames && tracks == o.tracks && background == o.background &&
           camera_path == o.camera_path;
  }
  bool operator!=(const ClipTrajectories& o) const { return !(*this == o); }
};

}  // namespace tgvc
