// The trajectories T-GVC transmits for one clip (DESIGN 4.6-4.7): a few representative tracks,
// each a position and a visibility flag per clip frame.
#pragma once

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

// The tracks of one clip: clip frames 0..frames-1 run from one keyframe to the next, both
// keyframes included.
struct ClipTrajectories {
  int frames = 0;
  std::vector<CodedTrack> tracks;
  // The encoder's choice for a clip without tracks (docs/tgvc.md, "Camera-aware background"): the
  // warp generator moves the background along the camera estimated from the keyframes (and shows
  // the steady background) instead of blending them. Carried in the BGND chunk.
  bool camera_background = false;

  bool operator==(const ClipTrajectories& o) const {
    return frames == o.frames && tracks == o.tracks && camera_background == o.camera_background;
  }
  bool operator!=(const ClipTrajectories& o) const { return !(*this == o); }
};

}  // namespace tgvc
