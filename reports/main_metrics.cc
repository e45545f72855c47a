#include "reports/main_metrics.h"

#include <algorithm>

#include "harness/metrics/registry.h"

namespace tgvc {
namespace {

// The values every descriptor marks main, in registry order.
const std::vector<std::string>& marked_main() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (const MetricEntry& m : all_metrics()) {
      for (const ValueSpec& spec : m.descriptor->values) {
        if (spec.main) out.push_back(spec.name);
      }
    }
    return out;
  }();
  return names;
}

}  // namespace

int main_metric_rank(const std::string& name, bool headline) {
  const std::vector<std::string>& main = marked_main();
  const auto it = std::find(main.begin(), main.end(), name);
  if (it != main.end()) return static_cast<int>(it - main.begin());
  return headline ? static_cast<int>(main.size()) : -1;
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
  std::stable_sort(main.begin(), main.end(),
                   [&](const std::string& a, const std::string& b) { return rank(a) < rank(b); });
  return main;
}

}  // namespace tgvc
