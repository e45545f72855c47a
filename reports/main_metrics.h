// Which metric values a report shows first (its "main metrics") and in which order. The runner
// uses the same order to pick the metric whose median frame each cell saves as its still.
#pragma once

#include <string>
#include <vector>

namespace tgvc {

// The names that are always main metrics, in report order: exact value names, or prefixes ending
// in '*' (psnr_y, psnr_rgb, msssim_rgb, lpips*, clip*).
const std::vector<std::string>& main_metric_table();

// Rank among the main metrics, lower first; -1: not a main metric. A value is main when the table
// has it, or when `headline` (the metric that produced it declared it its headline: the first
// value it returns, which the runner records in CellResult::headline_values); such headlines rank
// after the table's names, among themselves in run order. So trajectory_error's headline is a main
// metric under whatever name the metric gives it.
int main_metric_rank(const std::string& name, bool headline);

// The main metrics among `names` (distinct, in run order) in report order: by rank, the table's
// prefixes' matches by name (lpips_alex before lpips_vgg), headlines in run order.
std::vector<std::string> order_main_metrics(const std::vector<std::string>& names,
                                            const std::vector<std::string>& headlines);

}  // namespace tgvc
