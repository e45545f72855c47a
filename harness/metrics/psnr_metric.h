// PSNR of Y, U, V, RGB and YUV 6:1:1, per frame and pooled two ways (docs/metrics.md).
#pragma once

#include "harness/core/param_table.h"
#include "harness/metrics/metric.h"

namespace tgvc {

struct PsnrOptions {
  bool rgb = true;         // also psnr_rgb and psnr_rgb_msepool
  bool extra_yuv = false;  // also psnr_yuv411 and psnr_yuv_hm
};

const ParamTable<PsnrOptions>& psnr_option_table();

class PsnrMetric final : public Metric {
 public:
  const MetricDescriptor& descriptor() const override;
  std::unique_ptr<FrameAccumulator> start_frames(const VideoInfo& ref, const VideoInfo& dist,
                                                 const ParamSet& options) const override;
  std::vector<MetricValue> compute(const Video& ref, const Video& dist,
                                   const ParamSet& options) const override;
};

}  // namespace tgvc
