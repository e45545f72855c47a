// Motion between the two decoded keyframes where they disagree beyond the camera: the decoder's
// own motion-compensated interpolation for clips that carry no trajectory. People walking past a
// still camera are neither in the camera model nor in any track; without this they cross-fade
// (blend) or freeze (steady background). Blocks of keyframe A whose camera-moved place in B does
// not match are searched for in B (SAD on a 2x reduced luma, then refined at full size), kept
// when the match is clearly better than the camera's, comes back to the block when searched from
// B (forward/backward consistency) and moves by a few pixels at least; neighbouring kept blocks
// that move alike form one moved region with one translation. The warp generator lays each
// region as a layer moving on the straight line from A to B (clip_model.h). Integer arithmetic
// throughout: the encoder and the decoder find the same regions on every machine.
#pragma once

#include <utility>
#include <vector>

#include "codecs/tgvc/generate/camera_motion.h"
#include "harness/core/frame.h"

namespace tgvc {

struct KeyframeMotionOptions {
  int factor = 2;  // luma reduction of the search (box average)
  int block = 8;   // block size on the reduced luma (16 px at full size)
  int range = 32;  // search range around the camera's prediction, reduced samples (64 px)
  // Cost of a candidate: its SAD plus this many eighths of an 8-bit unit per changed sample and
  // reduced sample of distance from the camera's prediction: flat patches match many places, the
  // nearest wins; small enough that a textured object found far away still wins.
  int motion_penalty_eighths = 4;
  // A sample has changed when its luma differs from the other keyframe's at the camera-moved
  // place by more than this (8-bit units; coding noise at ULB rates is a few units). Matches
  // compare only the changed samples of a block: a small object moves, the background around it
  // does not. A block is searched when at least this share of its samples changed.
  int change_threshold = 16;
  double min_changed_share = 0.2;
  // ... and kept when its best match's SAD is at most this share of the camera's SAD,
  double max_match_share = 0.5;
  // ... at most this mean absolute difference (8-bit units),
  int max_match_difference = 30;
  // ... the search from B returns within this many reduced samples of the block, or finds no
  // place in A better by consistency_margin 8-bit units per changed sample,
  int consistency = 1;
  int consistency_margin = 1;
  // ... and it moves at least this many reduced samples away from the camera's prediction.
  int min_shift = 2;
  // Neighbouring kept blocks whose displacements differ by at most this (full-size pixels, per
  // axis) belong to one region; a region needs at least min_blocks blocks.
  int link_px = 4;
  int min_blocks = 1;
};

// One region of A that moved between the keyframes: one translation A -> B (full-size pixels),
// its blocks' centres in A and where they are in B.
struct MovedRegion {
  int dx = 0;
  int dy = 0;
  std::vector<std::pair<double, double>> points_a;
  std::vector<std::pair<double, double>> points_b;
};

// Regions in scan order of their first block. None when the frames differ in size or are
// smaller than a search block plus its range.
std::vector<MovedRegion> find_moved_regions(const Frame& a, const Frame& b, const CameraMotion& camera,
                                            const KeyframeMotionOptions& options = {});

}  // namespace tgvc
