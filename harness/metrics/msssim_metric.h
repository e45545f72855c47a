// SSIM and MS-SSIM, pytorch-msssim convention by default, DCVC (MATLAB-style) on request.
#pragma once

#include "harness/metrics/metric.h"

namespace tgvc {

class SsimMetric final : public Metric {
 public:
  const MetricDescriptor& descriptor() const override;
  std::unique_ptr<FrameAccumulator> start_frames(const VideoInfo& ref, const VideoInfo& dist,
                                                 const ParamSet& options) const override;
  std::vector<MetricValue> compute(const Video& ref, const Video& dist,
                                   const ParamSet& options) const override;
};

class MsssimMetric final : public Metric {
 public:
  const MetricDescriptor& descriptor() const override;
  std::unique_ptr<FrameAccumulator> start_frames(const VideoInfo& ref, const VideoInfo& dist,
                                                 const ParamSet& options) const override;
  std::vector<MetricValue> compute(const Video& ref, const Video& dist,
                                   const ParamSet& options) const override;
};

}  // namespace tgvc
