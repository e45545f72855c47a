// Which metric values a report shows first (its "main metrics") and in which order. The runner
// uses the same order to pick the metric whose median frame each cell saves as its still.
#pragma once

#include <string>
#include <vector>

namespace tgvc {

// Rank among the main metrics, lower first; -1: not a main metric. The values whose descriptor
// marks them main (ValueSpec::main: psnr_y, psnr_rgb, msssim_rgb, lpips_*, clipsim) come first, in
// registry order and then in their descriptor's order. Then the headlines (`headline`: the
// metric that produced the value declared it its headline, which the runner records in
// CellResult::headline_values), which all share the rank after those; among themselves they keep
// run order. So trajectory_error's headline is a main metric under whatever name it has.
int main_metric_rank(const std::string& name, bool headline);

// The main metrics among `names` (distinct, in run order) in report order: by rank, headlines in
// run order.
std::vector<std::string> order_main_metrics(const std::vector<std::string>& names,
                                            const std::vector<std::string>& headlines);

}  // namespace tgvc
