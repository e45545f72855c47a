#include "reports/still_frame.h"

#include <algorithm>
#include <cmath>
#include <utility>

#include "harness/core/file_names.h"
#include "harness/core/median.h"
#include "reports/main_metrics.h"

namespace tgvc {
namespace {

bool has_finite_frame(const MetricValue& v) {
  if (!v.available) return false;
  return std::any_of(v.per_frame.begin(), v.per_frame.end(), [](double x) { return std::isfinite(x); });
}

bool listed(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

int median_frame_index(const std::vector<double>& per_frame, double* median) {
  std::vector<double> finite;
  for (double v : per_frame) {
    if (std::isfinite(v)) finite.push_back(v);
  }
  if (finite.empty()) return -1;
  const double m = median_of(std::move(finite));
  if (median != nullptr) *median = m;
  int best = -1;
  double best_distance = 0;
  for (size_t i = 0; i < per_frame.size(); ++i) {
    if (!std::isfinite(per_frame[i])) continue;
    const double distance = std::fabs(per_frame[i] - m);
    if (best < 0 || distance < best_distance) {  // strict: the lower index keeps a tie
      best = static_cast<int>(i);
      best_distance = distance;
    }
  }
  return best;
}

StillChoice choose_still_frame(const std::vector<MetricValue>& values,
                               const std::vector<std::string>& headlines,
                               const std::vector<std::string>& requested) {
  std::vector<const MetricValue*> order;
  for (const std::string& name : requested) {
    for (const MetricValue& v : values) {
      if (v.name == name) order.push_back(&v);
    }
  }
  std::vector<std::string> names;
  for (const MetricValue& v : values) {
    if (!listed(names, v.name)) names.push_back(v.name);
  }
  for (const std::string& name : order_main_metrics(names, headlines)) {
    for (const MetricValue& v : values) {
      if (v.name == name) order.push_back(&v);
    }
  }
  for (const MetricValue& v : values) order.push_back(&v);
  StillChoice choice;
  for (const MetricValue* v : order) {
    if (!has_finite_frame(*v)) continue;
    choice.frame = median_frame_index(v->per_frame, &choice.median);
    choice.metric = v->name;
    return choice;
  }
  return choice;
}

std::string still_source_file(const std::string& dataset, const std::string& sequence, int frame) {
  return "sources/" + file_safe(dataset) + "__" + file_safe(sequence) + "__frame" + std::to_string(frame) +
         ".png";
}

}  // namespace tgvc
