// A codec entry's `params` and `sweep` -> its validated rate points.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "codecs/codec.h"
#include "harness/config/experiment.h"

namespace tgvc {

// Most rate points one codec entry may expand to (far beyond any sweep a run finishes, and small
// enough that a mistyped product is refused before it is built).
inline constexpr size_t kMaxRatePoints = 10000;

// `sweep: {key: [values...]}` with `sweep_mode: product` (default; every combination, the first
// key varying slowest) or `zip` (lists of equal length taken element by element). Each point is
// checked against the codec's parameter table; more than kMaxRatePoints points is an InputError.
std::vector<RatePoint> expand_rate_points(const YAML::Node& codec_node, const Codec& codec,
                                          const std::map<std::string, std::string>& fixed,
                                          const std::string& file, const std::string& context);

}  // namespace tgvc
