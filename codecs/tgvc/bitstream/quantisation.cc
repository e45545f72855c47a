#include "codecs/tgvc/bitstream/quantisation.h"

#include <algorithm>
#include <cmath>

#include "codecs/tgvc/bitstream/stream_limits.h"
#include "harness/core/error.h"

namespace tgvc {

int quant_step_sixteenths(double step, const std::string& where) {
  const double sixteenths = step * kTgvcQuantStepDenominator;
  if (!(sixteenths >= 1 && sixteenths <= kTgvcMaxQuantStepSixteenths) ||
      sixteenths != std::floor(sixteenths)) {
    throw InputError(where, "a multiple of 1/16 pixel in [1/16, 64]", std::to_string(step));
  }
  return static_cast<int>(sixteenths);
}

QuantAxis::QuantAxis(int step_sixteenths, int extent) : step_(step_sixteenths), extent_(extent) {
  cells_ = (extent * kTgvcQuantStepDenominator + step_ - 1) / step_;
  if (cells_ < 1) cells_ = 1;
  index_bits_ = 0;
  while ((1 << index_bits_) < cells_) ++index_bits_;
}

int QuantAxis::index(float v) const {
  // v * 16 is exact in double and the quotient of two such numbers never rounds across an
  // integer, so this floor is the exact floor(v / step).
  const double cell = std::floor(static_cast<double>(v) * kTgvcQuantStepDenominator / step_);
  if (!(cell > 0)) return 0;
  if (cell >= cells_ - 1) return cells_ - 1;
  return static_cast<int>(cell);
}

float QuantAxis::centre(int index) const {
  const int low = index * step_;
  const int high = std::min((index + 1) * step_, extent_ * kTgvcQuantStepDenominator);
  return static_cast<float>((low + high) / (2.0 * kTgvcQuantStepDenominator));
}

ClipTrajectories quantise(const ClipTrajectories& clip, double step, int width, int height) {
  const int sixteenths = quant_step_sixteenths(step, "quantise.step");
  if (width < 1 || height < 1) {
    throw InputError("quantise", "a frame of at least 1x1",
                     std::to_string(width) + "x" + std::to_string(height));
  }
  const QuantAxis axis_x(sixteenths, width);
  const QuantAxis axis_y(sixteenths, height);
  if (clip.frames < 0) throw InputError("quantise.frames", "a count >= 0", std::to_string(clip.frames));
  ClipTrajectories out;
  out.frames = clip.frames;
  out.background = clip.background;
  out.camera_path = clip.camera_path;
  out.tracks.reserve(clip.tracks.size());
  const size_t frames = static_cast<size_t>(clip.frames);
  for (size_t t = 0; t < clip.tracks.size(); ++t) {
    const CodedTrack& in = clip.tracks[t];
    if (in.x.size() != frames || in.y.size() != frames || in.visible.size() != frames) {
      throw InputError("quantise.tracks[" + std::to_string(t) + "]",
                       "x, y and visible with " + std::to_string(frames) + " entries each",
                       std::to_string(in.x.size()) + ", " + std::to_string(in.y.size()) + " and " +
                           std::to_string(in.visible.size()));
    }
    CodedTrack track;
    track.x.assign(frames, 0.0f);
    track.y.assign(frames, 0.0f);
    track.visible.assign(frames, 0);
    for (size_t f = 0; f < frames; ++f) {
      if (in.visible[f] == 0) continue;
      track.visible[f] = 1;
      track.x[f] = axis_x.centre(axis_x.index(in.x[f]));
      track.y[f] = axis_y.centre(axis_y.index(in.y[f]));
    }
    out.tracks.push_back(std::move(track));
  }
  return out;
}

}  // namespace tgvc
