// The background's (camera's) motion between two decoded keyframes, estimated by the decoder
// from the keyframes themselves: block matching on a 4x reduced luma, refined at full size, and an
// affine model fitted robustly (blocks on moving objects are outliers). The warp generator moves
// the background of each in-between frame along it, linearly in time, instead of cross-fading two
// misaligned backgrounds.
#pragma once

#include <array>
#include <cmath>
#include <vector>

#include "harness/core/frame.h"

namespace tgvc {

// The camera A -> the frame at time t (0 < t < 1) of a sent camera path (camera_path.h).
struct CameraPathPoint {
  double t = 0;
  std::array<double, 6> m = {1, 0, 0, 0, 1, 0};  // as CameraMotion::m
};

struct CameraMotion {
  // A -> B: x' = m[0] x + m[1] y + m[2],  y' = m[3] x + m[4] y + m[5] (continuous coordinates).
  std::array<double, 6> m = {1, 0, 0, 0, 1, 0};
  bool identity = true;
  // Empty: scene points move on straight lines from A to B. Else the camera A -> frame at the
  // points' times (increasing in (0, 1)); between them, and the identity at 0 and m at 1, the
  // six parameters are interpolated linearly in time.
  std::vector<CameraPathPoint> path;

  // The six parameters of the camera A -> frame at time t in [0, 1].
  std::array<double, 6> at(double t) const;
  // The camera at one time, for many positions (to_keyframes): interpolated once per frame.
  struct AtTime {
    std::array<double, 6> c;
    bool still = false;      // the identity without a path: every position maps to itself
    double det = 1;          // c's linear part's determinant
    bool invertible = true;  // |det| > 1e-9; else A is read where the frame is
  };
  AtTime at_time(double t) const {
    AtTime out{at(t), identity && path.empty()};
    out.det = out.c[0] * out.c[4] - out.c[1] * out.c[3];
    out.invertible = std::fabs(out.det) > 1e-9;
    return out;
  }
  // For the output position (px, py) of the frame at time t in [0, 1] (0: A, 1: B): the scene
  // point's positions in A and in B, the point moving on a straight line from A to B (or along
  // the path).
  void to_keyframes(double t, double px, double py, double* ax, double* ay, double* bx, double* by) const {
    to_keyframes(at_time(t), px, py, ax, ay, bx, by);
  }
  // Inline: the composer calls it for every sample.
  void to_keyframes(const AtTime& camera, double px, double py, double* ax, double* ay, double* bx,
                    double* by) const {
    if (camera.still) {
      *ax = *bx = px;
      *ay = *by = py;
    } else if (camera.invertible) {
      to_keyframes_invertible(camera, px, py, ax, ay, bx, by);
    } else {
      *ax = px;
      *ay = py;
      apply(px, py, bx, by);
    }
  }
  // to_keyframes of a camera that is neither still nor singular, without a branch (for loops the
  // compiler vectorises). The scene point q of A that the camera at time t puts at p: M(t) q = p;
  // on the straight line M(t) = I + t (M - I).
  void to_keyframes_invertible(const AtTime& camera, double px, double py, double* ax, double* ay, double* bx,
                               double* by) const {
    const std::array<double, 6>& c = camera.c;
    const double rx = px - c[2], ry = py - c[5];
    const double qx = (c[4] * rx - c[1] * ry) / camera.det;
    const double qy = (c[0] * ry - c[3] * rx) / camera.det;
    *ax = qx;
    *ay = qy;
    apply(qx, qy, bx, by);
  }
  // B -> A, without the path (identity stays identity; a singular model gives the identity).
  CameraMotion inverse() const;
  // A -> B of one point.
  void apply(double x, double y, double* ox, double* oy) const {
    *ox = m[0] * x + m[1] * y + m[2];
    *oy = m[3] * x + m[4] * y + m[5];
  }
};

struct CameraMotionOptions {
  int coarse_search = 8;          // search range on the 4x reduced luma, reduced pixels (32 px)
  double min_inlier_share = 0.3;  // of the textured blocks; fewer: no camera motion (identity)
  double min_motion_px = 0.5;     // largest corner displacement below which the model is identity
  // Identity also when no motion explains (within fit_px) at least still_preference times as many
  // full-size blocks as the model does.
  double fit_px = 1.0;
  double still_preference = 0.8;
};

// Identity when the frames differ in size, are too small (< 64 x 64) or do not support a model.
CameraMotion estimate_camera_motion(const Frame& a, const Frame& b, const CameraMotionOptions& options = {});

}  // namespace tgvc
