#include "reports/main_metrics.h"

#include <algorithm>

namespace tgvc {

const std::vector<std::string>& main_metric_table() {
  static const std::vector<std::string> table = {"psnr_y", "psnr_rgb", "msssim_rgb", "lpips*", "clip*"};
  return table;
}

int main_metric_rank(const std::string& name, bool headline) {
  const std::vector<std::string>& table = main_metric_table();
  for (size_t i = 0; i < table.size(); ++i) {
    const std::string& entry = table[i];
    const bool prefix = !entry.empty() && entry.back() == '*';
    const bool match = prefix ? name.compare(0, entry.size() - 1, entry, 0, entry.size() - 1) == 0 &&
                                    name.size() >= entry.size() - 1
                              : name == entry;
    if (match) return static_cast<int>(i);
  }
  return headline ? static_cast<int>(table.size()) : -1;
}

std::vector<std::string> order_main_metrics(const std::vector<std::string>& names,
                                            const std::vector<std::string>& headlines) {
  const auto rank = [&](const std::string& name) {
    return main_metric_rank(name, std::find(headlines.begin(), headlines.end(), name) != headlines.end());
  };
  std::vector<std::string> main;
  for (const std::string& n : names) {
    if (rank(n) >= 0) main.push_back(n);
  }
  const int headline_rank = static_cast<int>(main_metric_table().size());
  std::stable_sort(main.begin(), main.end(), [&](const std::string& a, const std::string& b) {
    const int ra = rank(a), rb = rank(b);
    if (ra != rb) return ra < rb;
    return ra < headline_rank && a < b;
  });
  return main;
}

}  // namespace tgvc
