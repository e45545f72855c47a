// A codec entry's `params` and `sweep` -> its validated rate points.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "codecs/codec.h"
#include "harness/config/experiment.h"

namespace tgvc {

// Most rate points one codec entry may expand to (far beyond any sweep a run finishes, and small
// enough that a mistyped product is refused before it is built).
inline constexpr size_t kMaxRatePoints = 10000;

// A YAML value and the file it was read from (a codec entry merges its preset's file with the
// config), for errors at file:line:column. Never assign one: YAML::Node's assignment rebinds the
// node it refers to inside its document; copy-construct or emplace instead.
struct LocatedNode {
  YAML::Node node;
  std::string file;
};

struct SweepAxis {
  std::string key;
  std::vector<std::string> values;
  LocatedNode at;  // the axis's value (its list)
};

// What a codec entry fixes and sweeps, its preset's values merged in (harness/config/codec_entries.cc).
struct CodecEntryValues {
  std::map<std::string, std::string> fixed;  // list and mapping values as their canonical text
  std::map<std::string, LocatedNode> fixed_at;
  std::vector<SweepAxis> axes;
  std::string mode = "product";
  std::optional<LocatedNode> mode_at;   // where `sweep_mode` was given
  std::optional<LocatedNode> sweep_at;  // the `sweep` mapping the axes came from
};

// The axes of `sweep: {key: [values...]}` (a scalar is a list of one), in their order.
std::vector<SweepAxis> parse_sweep_axes(const YAML::Node& sweep, const std::string& file,
                                        const std::string& context);

// `sweep_mode: product` (default; every combination, the first key varying slowest) or `zip`
// (lists of equal length taken element by element). Each point is checked against the codec's
// parameter table; more than kMaxRatePoints points is an InputError.
std::vector<RatePoint> expand_rate_points(const CodecEntryValues& entry, const Codec& codec,
                                          const std::string& context);

}  // namespace tgvc
