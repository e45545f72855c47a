#include "codecs/tgvc/generate/background_choice.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "codecs/tgvc/generate/colour_consistency.h"

namespace tgvc {

FloatImage camera_share(const Frame& key, const Frame& other, const CameraMotion& key_to_other,
                        const BackgroundChoiceOptions& options) {
  if (key_to_other.identity) return {};
  const int w = key.width(), h = key.height();
  std::vector<double> moved(static_cast<size_t>(w) * h), still(moved.size());
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      double mx = 0, my = 0;
      key_to_other.apply(x + 0.5, y + 0.5, &mx, &my);
      const size_t i = static_cast<size_t>(y) * w + x;
      moved[i] = colour_difference(key, other, x, y, mx, my);
      still[i] = colour_difference(key, other, x, y, x + 0.5, y + 0.5);
    }
  }
  moved = box_mean(moved, w, h, options.window);
  still = box_mean(still, w, h, options.window);
  FloatImage share(w, h, 1);
  const double scale = std::max(options.scale, 1e-3);
  for (size_t i = 0; i < share.values.size(); ++i) {
    if (!std::isfinite(moved[i]) || !std::isfinite(still[i])) continue;
    share.values[i] = static_cast<float>(std::clamp(0.5 + 0.5 * (still[i] - moved[i]) / scale, 0.0, 1.0));
  }
  return share;
}

FloatImage keyframe_agreement(const Frame& key, const Frame& other, const CameraMotion& key_to_other,
                              const BackgroundChoiceOptions& options) {
  const int w = key.width(), h = key.height();
  std::vector<double> moved(static_cast<size_t>(w) * h);
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      double mx = 0, my = 0;
      key_to_other.apply(x + 0.5, y + 0.5, &mx, &my);
      moved[static_cast<size_t>(y) * w + x] = colour_difference(key, other, x, y, mx, my);
    }
  }
  moved = box_mean(moved, w, h, options.window);
  FloatImage agreement(w, h, 0);
  const double span = std::max(options.agree_above - options.agree_below, 1e-3);
  for (size_t i = 0; i < agreement.values.size(); ++i) {
    if (!std::isfinite(moved[i])) continue;
    agreement.values[i] = static_cast<float>(std::clamp((options.agree_above - moved[i]) / span, 0.0, 1.0));
  }
  return agreement;
}

}  // namespace tgvc
