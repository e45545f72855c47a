// The values metrics produce, as results hold them: a metric's per-sequence values and a cell's
// contribution to a per-set metric. The metric interfaces (harness/metrics) return these.
#pragma once

#include <limits>
#include <string>
#include <vector>

namespace tgvc {

// One named value a metric produces for a sequence, e.g. "psnr_y" or "msssim_rgb".
struct MetricValue {
  std::string name;
  double value = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> per_frame;  // empty when the value has no per-frame form
  std::string unit;               // "dB", "" for unitless, "px", ...
  std::string convention;         // short statement of how it was computed (docs/metrics.md)
  bool available = true;          // false: n/a, with `reason`
  std::string reason;
};

// What one cell (one sequence) contributes to a set.
struct SetContribution {
  std::string metric;   // id of the per-set metric
  std::string version;  // its version; contributions of other versions are refused by finish()
  std::string method;   // how the features were made (model, protocol, clip length); equal across a set
  bool available = true;
  std::string reason;             // why not, when !available (e.g. a missing model)
  int clips = 0;                  // rows of `reference` and of `distorted`
  int dims = 0;                   // columns
  std::vector<double> reference;  // clips x dims, row-major: features of the source's clips
  std::vector<double> distorted;  // the same clips of the decoded video
};

}  // namespace tgvc
