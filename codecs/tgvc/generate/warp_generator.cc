#include "codecs/tgvc/generate/warp_generator.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "harness/core/error.h"

namespace tgvc {
namespace {

// Bilinear read of a plane at sample coordinates (u, v) (sample centres at integers), clamped
// to the edge.
double bilinear(const Plane& plane, double u, double v) {
  u = std::clamp(u, 0.0, static_cast<double>(plane.width - 1));
  v = std::clamp(v, 0.0, static_cast<double>(plane.height - 1));
  const int x0 = static_cast<int>(u), y0 = static_cast<int>(v);
  const int x1 = std::min(x0 + 1, plane.width - 1), y1 = std::min(y0 + 1, plane.height - 1);
  const double fx = u - x0, fy = v - y0;
  const uint16_t* r0 = plane.row(y0);
  const uint16_t* r1 = plane.row(y1);
  return (r0[x0] * (1 - fx) + r0[x1] * fx) * (1 - fy) + (r1[x0] * (1 - fx) + r1[x1] * fx) * fy;
}

// The blend generator's integer formula, used where a clip has no trajectory at all so that the
// warp generator then gives exactly the blend decoder's frames.
Frame blend_frame(const Frame& a, const Frame& b, int j, int last) {
  Frame f = a;
  for (int p = 0; p < 3; ++p) {
    std::vector<uint16_t>& s = f.planes[p].samples;
    const std::vector<uint16_t>& sb = b.planes[p].samples;
    for (size_t i = 0; i < s.size(); ++i) s[i] = static_cast<uint16_t>(((last - j) * s[i] + j * sb[i] + last / 2) / last);
  }
  return f;
}

struct ClipFields {
  MotionField back_a;  // frame j -> A, hidden: the track is hidden in A
  MotionField back_b;  // frame j -> B
  MotionField forward_a;  // A -> frame j
  MotionField forward_b;  // B -> frame j
};

ClipFields clip_fields(const std::vector<TrackPath>& paths, int j, int last, int width, int height,
                       const MotionFieldOptions& field) {
  std::vector<FieldPoint> back_a, back_b, forward_a, forward_b;
  for (const TrackPath& t : paths) {
    if (t.visible[j]) {
      back_a.push_back({t.x[j], t.y[j], t.x[0] - t.x[j], t.y[0] - t.y[j], t.visible[0] ? 0.0 : 1.0});
      back_b.push_back({t.x[j], t.y[j], t.x[last] - t.x[j], t.y[last] - t.y[j], t.visible[last] ? 0.0 : 1.0});
    }
    if (t.visible[0]) forward_a.push_back({t.x[0], t.y[0], t.x[j] - t.x[0], t.y[j] - t.y[0], 0});
    if (t.visible[last]) forward_b.push_back({t.x[last], t.y[last], t.x[j] - t.x[last], t.y[j] - t.y[last], 0});
  }
  return {MotionField(back_a, width, height, field), MotionField(back_b, width, height, field),
          MotionField(forward_a, width, height, field), MotionField(forward_b, width, height, field)};
}

// How much a keyframe is trusted for the output position (px, py) when read at (sx, sy):
// consistency of its own forward motion, visibility of the tracks there, inside the frame.
double keyframe_trust(const MotionField& forward, double hidden, double px, double py, double sx, double sy, int width,
                      int height, double inv_consistency) {
  if (sx < 0 || sy < 0 || sx > width || sy > height) return 0;
  double trust = 1 - std::clamp(hidden, 0.0, 1.0);
  if (!forward.empty()) {
    const FieldValue f = forward.at(sx, sy);
    const double ex = (sx + f.dx - px) * inv_consistency, ey = (sy + f.dy - py) * inv_consistency;
    trust /= 1 + ex * ex + ey * ey;
  }
  return trust;
}

}  // namespace

std::vector<TrackPath> keep_consistent_paths(const Frame& a, const Frame& b, std::vector<TrackPath> paths,
                                             const WarpOptions& options) {
  const double limit = options.max_end_mismatch * a.max_value();
  std::vector<TrackPath> kept;
  for (TrackPath& t : paths) {
    const size_t last = t.x.size() - 1;
    if (t.visible[0] && t.visible[last]) {
      double sum = 0;
      for (int dy = -4; dy <= 4; ++dy) {
        for (int dx = -4; dx <= 4; ++dx) {
          sum += std::fabs(bilinear(a.planes[0], t.x[0] - 0.5 + dx, t.y[0] - 0.5 + dy) -
                           bilinear(b.planes[0], t.x[last] - 0.5 + dx, t.y[last] - 0.5 + dy));
        }
      }
      if (sum / 81 > limit) continue;
    }
    kept.push_back(std::move(t));
  }
  return kept;
}

Frame warp_clip_frame(const Frame& a, const Frame& b, const std::vector<TrackPath>& paths, int j, int last,
                      const WarpOptions& options) {
  const int width = a.width(), height = a.height();
  MotionFieldOptions field;
  field.sigma = std::max(1.0, options.sigma_fraction * std::min(width, height));
  field.background_weight = options.background_weight;
  field.cell = options.field_cell;
  const ClipFields fields = clip_fields(paths, j, last, width, height, field);
  if (fields.back_a.empty() && fields.back_b.empty() && fields.forward_a.empty() && fields.forward_b.empty()) {
    return blend_frame(a, b, j, last);
  }
  const double t = static_cast<double>(j) / last;
  const double inv_consistency = 1 / std::max(options.consistency_px, 1e-3);
  // Where nothing can be trusted the temporal blend decides.
  constexpr double kFloor = 1e-3;
  Frame out = a;
  const double max_value = a.max_value();
  for (int p = 0; p < 3; ++p) {
    const Plane& pa = a.planes[p];
    const Plane& pb = b.planes[p];
    Plane& po = out.planes[p];
    const double sx = static_cast<double>(width) / pa.width, sy = static_cast<double>(height) / pa.height;
    for (int y = 0; y < po.height; ++y) {
      uint16_t* row = po.row(y);
      const double py = (y + 0.5) * sy;
      for (int x = 0; x < po.width; ++x) {
        const double px = (x + 0.5) * sx;
        const FieldValue da = fields.back_a.at(px, py);
        const FieldValue db = fields.back_b.at(px, py);
        const double ax = px + da.dx, ay = py + da.dy, bx = px + db.dx, by = py + db.dy;
        const double wa = (1 - t) * (kFloor + keyframe_trust(fields.forward_a, da.hidden, px, py, ax, ay, width,
                                                              height, inv_consistency));
        const double wb = t * (kFloor + keyframe_trust(fields.forward_b, db.hidden, px, py, bx, by, width, height,
                                                       inv_consistency));
        const double va = bilinear(pa, ax / sx - 0.5, ay / sy - 0.5);
        const double vb = bilinear(pb, bx / sx - 0.5, by / sy - 0.5);
        const double v = (wa * va + wb * vb) / (wa + wb);
        row[x] = static_cast<uint16_t>(std::clamp(std::lround(v), 0L, static_cast<long>(max_value)));
      }
    }
  }
  return out;
}

Video warp_between_keyframes(const Video& keyframes, const std::vector<int>& indices,
                             const std::vector<ClipTrajectories>& clips, int frame_count,
                             const WarpOptions& options) {
  const std::string where = "warp generator";
  if (indices.empty() || keyframes.frame_count() != static_cast<int>(indices.size())) {
    throw InputError(where + " keyframes", std::to_string(indices.size()) + " decoded keyframes (one per index)",
                     std::to_string(keyframes.frame_count()));
  }
  if (clips.size() + 1 != indices.size()) {
    throw InputError(where + " clips", std::to_string(indices.size() - 1) + " clips", std::to_string(clips.size()));
  }
  if (indices.front() != 0 || indices.back() != frame_count - 1) {
    throw InputError(where + " keyframe indices", "first 0 and last " + std::to_string(frame_count - 1),
                     std::to_string(indices.front()) + " .. " + std::to_string(indices.back()));
  }
  Video out;
  out.info = keyframes.info;
  out.frames.reserve(static_cast<size_t>(frame_count));
  for (size_t k = 0; k + 1 < indices.size(); ++k) {
    const int last = indices[k + 1] - indices[k];
    if (last <= 0 || clips[k].frames != last + 1) {
      throw InputError(where + " clip " + std::to_string(k), std::to_string(last + 1) + " frames (increasing keyframes)",
                       std::to_string(clips[k].frames));
    }
    const Frame& a = keyframes.frames[k];
    const Frame& b = keyframes.frames[k + 1];
    const std::vector<TrackPath> paths = keep_consistent_paths(a, b, fit_track_paths(clips[k], options.paths), options);
    for (const TrackPath& path : paths) {
      if (static_cast<int>(path.x.size()) != last + 1) {
        throw InputError(where + " clip " + std::to_string(k) + " track", std::to_string(last + 1) + " positions",
                         std::to_string(path.x.size()));
      }
    }
    out.frames.push_back(a);
    for (int j = 1; j < last; ++j) out.frames.push_back(warp_clip_frame(a, b, paths, j, last, options));
  }
  out.frames.push_back(keyframes.frames.back());
  return out;
}

}  // namespace tgvc
