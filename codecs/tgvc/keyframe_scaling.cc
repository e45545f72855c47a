#include "codecs/tgvc/keyframe_scaling.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace tgvc {
namespace {

// One output sample of an axis: the inputs it reads from `first` on, with integer weights that
// sum to the axis' denominator.
struct Tap {
  int first = 0;
  std::vector<int64_t> weights;
};

struct AxisWeights {
  std::vector<Tap> taps;
  int64_t denominator = 1;
};

// Shrinking: output j covers input [j in / out, (j + 1) in / out); in units of 1 / out, input i
// covers [i out, (i + 1) out) and the overlap lengths are the weights (sum: in).
AxisWeights area_weights(int in, int out) {
  AxisWeights axis;
  axis.denominator = in;
  for (int j = 0; j < out; ++j) {
    const int64_t start = static_cast<int64_t>(j) * in, end = start + in;
    Tap tap;
    tap.first = static_cast<int>(start / out);
    for (int64_t i = tap.first; i < in && i * out < end; ++i) {
      tap.weights.push_back(std::min(end, (i + 1) * out) - std::max(start, i * out));
    }
    axis.taps.push_back(std::move(tap));
  }
  return axis;
}

// Growing (or equal): output j reads input (2j + 1) in / (2 out) - 1/2, i.e. p / (2 out) with
// p = (2j + 1) in - out, clamped to [0, in - 1]; weights in units of 1 / (2 out).
AxisWeights linear_weights(int in, int out) {
  AxisWeights axis;
  axis.denominator = 2 * static_cast<int64_t>(out);
  const int64_t d = axis.denominator;
  for (int j = 0; j < out; ++j) {
    const int64_t p = std::clamp<int64_t>((2 * static_cast<int64_t>(j) + 1) * in - out, 0, d * (in - 1));
    Tap tap;
    tap.first = static_cast<int>(p / d);
    const int64_t frac = p - tap.first * d;
    tap.weights = {d - frac};
    if (frac > 0) tap.weights.push_back(frac);
    axis.taps.push_back(std::move(tap));
  }
  return axis;
}

Plane resize_plane(const Plane& in, int width, int height) {
  const AxisWeights horizontal =
      width < in.width ? area_weights(in.width, width) : linear_weights(in.width, width);
  const AxisWeights vertical =
      height < in.height ? area_weights(in.height, height) : linear_weights(in.height, height);
  // Horizontal pass into exact sums (denominator horizontal.denominator), then vertical; the
  // largest sum, 65535 x (2 x 16384)^2, fits 64 bits.
  std::vector<int64_t> rows(static_cast<size_t>(width) * in.height);
  for (int y = 0; y < in.height; ++y) {
    const uint16_t* src = in.row(y);
    for (int x = 0; x < width; ++x) {
      const Tap& tap = horizontal.taps[x];
      int64_t sum = 0;
      for (size_t k = 0; k < tap.weights.size(); ++k) sum += tap.weights[k] * src[tap.first + k];
      rows[static_cast<size_t>(y) * width + x] = sum;
    }
  }
  Plane out;
  out.width = width;
  out.height = height;
  out.samples.resize(static_cast<size_t>(width) * height);
  const int64_t denominator = horizontal.denominator * vertical.denominator;
  for (int y = 0; y < height; ++y) {
    const Tap& tap = vertical.taps[y];
    for (int x = 0; x < width; ++x) {
      int64_t sum = 0;
      for (size_t k = 0; k < tap.weights.size(); ++k)
        sum += tap.weights[k] * rows[(tap.first + k) * static_cast<size_t>(width) + x];
      out.at(x, y) = static_cast<uint16_t>((sum + denominator / 2) / denominator);
    }
  }
  return out;
}

}  // namespace

std::pair<int, int> scaled_keyframe_size(int width, int height, double scale) {
  const auto side = [scale](int size) {
    return std::max(1, static_cast<int>(std::floor(size * scale + 0.5)));
  };
  return {side(width), side(height)};
}

Video resize_keyframes(const Video& keyframes, int width, int height) {
  Video out;
  out.info = keyframes.info;
  out.info.width = width;
  out.info.height = height;
  const ChromaFormat chroma = keyframes.info.format.chroma;
  for (const Frame& frame : keyframes.frames) {
    Frame resized;
    resized.format = frame.format;
    resized.planes[0] = resize_plane(frame.planes[0], width, height);
    for (int p = 1; p < 3; ++p)
      resized.planes[p] =
          resize_plane(frame.planes[p], chroma_width(width, chroma), chroma_height(height, chroma));
    out.frames.push_back(std::move(resized));
  }
  return out;
}

}  // namespace tgvc
