// PSNR of Y, U, V, RGB and YUV 6:1:1, per frame and pooled two ways (docs/metrics.md).
#pragma once

#include "harness/metrics/metric.h"

namespace tgvc {

class PsnrMetric final : public Metric {
 public:
  const MetricDescriptor& descriptor() const override;
  std::unique_ptr<FrameAccumulator> start_frames(const VideoInfo& ref, const VideoInfo& dist,
                                                 const ParamSet& options) const override;
  std::vector<MetricValue> compute(const Video& ref, const Video& dist,
                                   const ParamSet& options) const override;
};

}  // namespace tgvc
