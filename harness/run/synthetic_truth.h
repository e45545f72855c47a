// The synthetic generator's ground truth as a metric's MotionTruth, for the frames a run
// measured. The generator is built on first use, so metrics that need no truth cost nothing.
#pragma once

#include <memory>
#include <mutex>

#include "datasets/synthetic/synthetic_sequence.h"
#include "harness/metrics/metric.h"

namespace tgvc {

class SyntheticTruth final : public MotionTruth {
 public:
  // `first_frame`: the sequence frame that is frame 0 of the measured video.
  SyntheticTruth(SyntheticSpec spec, int first_frame) : spec_(std::move(spec)), first_frame_(first_frame) {}

  bool track(double x, double y, int from, int to, double* out_x, double* out_y) const override {
    std::call_once(built_, [this] { sequence_ = std::make_unique<SyntheticSequence>(spec_); });
    const TrackPoint p = sequence_->track(x, y, from + first_frame_, to + first_frame_);
    *out_x = p.x;
    *out_y = p.y;
    return p.visible;
  }

 private:
  SyntheticSpec spec_;
  int first_frame_;
  mutable std::once_flag built_;
  mutable std::unique_ptr<SyntheticSequence> sequence_;
};

}  // namespace tgvc
