#include "codecs/tgvc/generate/track_paths.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace tgvc {
namespace {

// Least-squares polynomial of `degree` through (t, v) by the normal equations on t scaled to
// [-1, 1] (well conditioned for degree <= 3); returns coefficients, lowest first.
std::vector<double> fit_polynomial(const std::vector<double>& t, const std::vector<double>& v, int degree) {
  const int n = degree + 1;
  std::vector<std::vector<double>> a(n, std::vector<double>(n + 1, 0.0));
  for (size_t k = 0; k < t.size(); ++k) {
    std::array<double, 8> powers{};
    powers[0] = 1;
    for (int i = 1; i < 2 * n; ++i) powers[i] = powers[i - 1] * t[k];
    for (int r = 0; r < n; ++r) {
      for (int c = 0; c < n; ++c) a[r][c] += powers[r + c];
      a[r][n] += powers[r] * v[k];
    }
  }
  // Gaussian elimination with partial pivoting.
  for (int col = 0; col < n; ++col) {
    int pivot = col;
    for (int r = col + 1; r < n; ++r) {
      if (std::fabs(a[r][col]) > std::fabs(a[pivot][col])) pivot = r;
    }
    std::swap(a[col], a[pivot]);
    if (std::fabs(a[col][col]) < 1e-12) return {};
    for (int r = 0; r < n; ++r) {
      if (r == col) continue;
      const double f = a[r][col] / a[col][col];
      for (int c = col; c <= n; ++c) a[r][c] -= f * a[col][c];
    }
  }
  std::vector<double> coef(n);
  for (int i = 0; i < n; ++i) coef[i] = a[i][n] / a[i][i];
  return coef;
}

double evaluate(const std::vector<double>& coef, double t) {
  double v = 0;
  for (size_t i = coef.size(); i-- > 0;) v = v * t + coef[i];
  return v;
}

// Coded positions where visible; hidden frames interpolated linearly between the nearest visible
// frames and held constant before the first and after the last.
std::vector<double> fill_hidden(const std::vector<float>& coded, const std::vector<int>& visible_frames,
                                int frames) {
  std::vector<double> out(frames);
  size_t next = 0;
  for (int f = 0; f < frames; ++f) {
    while (next < visible_frames.size() && visible_frames[next] < f) ++next;
    if (next < visible_frames.size() && visible_frames[next] == f) {
      out[f] = coded[f];
    } else if (next == 0) {
      out[f] = coded[visible_frames.front()];
    } else if (next == visible_frames.size()) {
      out[f] = coded[visible_frames.back()];
    } else {
      const int a = visible_frames[next - 1], b = visible_frames[next];
      out[f] = coded[a] + (coded[b] - coded[a]) * static_cast<double>(f - a) / (b - a);
    }
  }
  return out;
}

// The fitted polynomial inside the visible span, continued linearly (with the fit's slope at the
// span's ends) outside it, where a cubic would run away.
std::vector<double> smooth_axis(const std::vector<float>& coded, const std::vector<int>& visible_frames,
                                int frames, int max_degree) {
  const int count = static_cast<int>(visible_frames.size());
  // Enough samples per coefficient that the fit averages the grid's rounding away.
  int degree = std::min(max_degree, count >= 12 ? 3 : count >= 6 ? 2 : count >= 2 ? 1 : 0);
  if (degree <= 0) return fill_hidden(coded, visible_frames, frames);
  const double first = visible_frames.front(), last = visible_frames.back();
  const double centre = 0.5 * (first + last), half = std::max(0.5 * (last - first), 1.0);
  std::vector<double> t, v;
  for (int f : visible_frames) {
    t.push_back((f - centre) / half);
    v.push_back(coded[f]);
  }
  const std::vector<double> coef = fit_polynomial(t, v, degree);
  if (coef.empty()) return fill_hidden(coded, visible_frames, frames);
  // Outside the span, the straight line's slope: a cubic's slope at its ends is the noisiest part.
  const std::vector<double> line = fit_polynomial(t, v, 1);
  const double slope = line.empty() ? 0 : line[1] / half;
  std::vector<double> out(frames);
  for (int f = 0; f < frames; ++f) {
    if (f < first) {
      out[f] = evaluate(coef, -1) + slope * (f - first);
    } else if (f > last) {
      out[f] = evaluate(coef, 1) + slope * (f - last);
    } else {
      out[f] = evaluate(coef, (f - centre) / half);
    }
  }
  return out;
}

}  // namespace

std::vector<TrackPath> fit_track_paths(const ClipTrajectories& clip, const TrackPathOptions& options) {
  std::vector<TrackPath> paths;
  for (const CodedTrack& track : clip.tracks) {
    const int frames = static_cast<int>(std::min({track.x.size(), track.y.size(), track.visible.size()}));
    std::vector<int> visible_frames;
    for (int f = 0; f < frames; ++f) {
      if (track.visible[f] && std::isfinite(track.x[f]) && std::isfinite(track.y[f]))
        visible_frames.push_back(f);
    }
    if (visible_frames.empty()) continue;
    TrackPath path;
    path.x = smooth_axis(track.x, visible_frames, frames, options.max_degree);
    path.y = smooth_axis(track.y, visible_frames, frames, options.max_degree);
    path.visible.assign(frames, 0);
    for (int f : visible_frames) path.visible[f] = 1;
    paths.push_back(std::move(path));
  }
  return paths;
}

}  // namespace tgvc
