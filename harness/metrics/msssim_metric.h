// SSIM and MS-SSIM, pytorch-msssim convention by default, DCVC (MATLAB-style) on request.
#pragma once

#include "harness/core/param_table.h"
#include "harness/metrics/metric.h"
#include "harness/metrics/ssim_kernels.h"

namespace tgvc {

enum class SsimColour { kRgb, kLuma };

// The options of ssim and msssim.
struct SsimOptions {
  SsimConvention convention = SsimConvention::kVainf;
  SsimColour colour = SsimColour::kRgb;
};

const ParamTable<SsimOptions>& ssim_option_table();

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
