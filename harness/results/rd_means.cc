#include "harness/results/rd_means.h"

#include <algorithm>

namespace tgvc {

std::vector<MeanPoint> mean_points(const std::vector<BdCurve>& curves) {
  std::vector<MeanPoint> sums;
  for (const BdCurve& curve : curves) {
    if (curve.rate_points.size() != curve.points.size()) continue;
    for (size_t i = 0; i < curve.points.size(); ++i) {
      auto it = std::find_if(sums.begin(), sums.end(),
                             [&](const MeanPoint& m) { return m.rate_point == curve.rate_points[i]; });
      if (it == sums.end()) {
        sums.push_back({curve.rate_points[i], 0.0, 0.0, 0});
        it = sums.end() - 1;
      }
      it->rate += curve.points[i].rate;
      it->value += curve.points[i].quality;
      ++it->count;
    }
  }
  for (MeanPoint& m : sums) {
    m.rate /= static_cast<double>(m.count);
    m.value /= static_cast<double>(m.count);
  }
  return sums;
}

std::vector<DatasetMeans> dataset_means(const std::vector<BdCurve>& curves) {
  std::vector<std::string> datasets;
  for (const BdCurve& curve : curves) {
    if (std::find(datasets.begin(), datasets.end(), curve.dataset) == datasets.end())
      datasets.push_back(curve.dataset);
  }
  std::vector<DatasetMeans> out;
  for (const std::string& dataset : datasets) {
    std::vector<BdCurve> of_dataset;
    for (const BdCurve& curve : curves) {
      if (curve.dataset == dataset) of_dataset.push_back(curve);
    }
    std::vector<MeanPoint> points = mean_points(of_dataset);
    if (!points.empty()) out.push_back({dataset, std::move(points)});
  }
  return out;
}

}  // namespace tgvc
