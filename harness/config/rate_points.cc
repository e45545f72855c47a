#include "harness/config/rate_points.h"

#include "harness/config/yaml_fields.h"
#include "harness/core/error.h"

namespace tgvc {
namespace {

RatePoint make_point(const std::map<std::string, std::string>& fixed, const std::vector<SweepAxis>& axes,
                     const std::vector<size_t>& index) {
  RatePoint point;
  point.params = fixed;
  for (size_t a = 0; a < axes.size(); ++a) {
    const std::string& value = axes[a].values[index[a]];
    point.params[axes[a].key] = value;
    point.label += (point.label.empty() ? "" : ",") + axes[a].key + "=" + value;
  }
  if (point.label.empty()) point.label = "default";
  return point;
}

// Checks one key and value against the codec's table, pointing at the value's own position.
void check_key(const Codec& codec, const std::string& key, const std::string& value, const YAML::Node& at,
               const std::string& file, const std::string& where) {
  const std::string location = position_of(at, file).str() + ": " + where;
  const std::map<std::string, std::string> one = {{key, value}};
  ParamSet::resolve(codec.param_specs(), one, location);
}

}  // namespace

std::vector<SweepAxis> parse_sweep_axes(const YAML::Node& sweep, const std::string& file,
                                        const std::string& context) {
  std::vector<SweepAxis> axes;
  if (!sweep) return axes;
  require_map(sweep, file, context + ".sweep");
  for (const auto& entry : sweep) {
    SweepAxis axis{key_text(entry.first, file, context + ".sweep"), {}, LocatedNode{entry.second, file}};
    const std::string where = context + ".sweep." + axis.key;
    if (entry.second.IsScalar()) {
      axis.values.push_back(entry.second.Scalar());
    } else {
      require_sequence(entry.second, file, where);
      for (const auto& v : entry.second) {
        if (!v.IsScalar())
          throw InputError(position_of(v, file).str() + ": " + where, "a list of scalars", "a nested value");
        axis.values.push_back(v.Scalar());
      }
    }
    if (axis.values.empty())
      throw InputError(position_of(entry.second, file).str() + ": " + where, "at least one value",
                       "an empty list");
    axes.push_back(std::move(axis));
  }
  return axes;
}

std::vector<RatePoint> expand_rate_points(const CodecEntryValues& entry, const Codec& codec,
                                          const std::string& context) {
  const std::vector<SweepAxis>& axes = entry.axes;
  const std::string& mode = entry.mode;
  const auto sweep_pos = [&] {
    return entry.sweep_at ? position_of(entry.sweep_at->node, entry.sweep_at->file) : SourcePos{};
  };
  if (mode != "product" && mode != "zip") {
    const SourcePos at = entry.mode_at ? position_of(entry.mode_at->node, entry.mode_at->file) : SourcePos{};
    throw InputError(at.str() + ": " + context + ".sweep_mode", "product or zip", "'" + mode + "'");
  }
  // Keys and values first, then the count: a product of a few long lists is unbounded.
  for (const auto& [key, value] : entry.fixed) {
    const LocatedNode& at = entry.fixed_at.at(key);
    check_key(codec, key, value, at.node, at.file, context + ".params");
  }
  for (const SweepAxis& axis : axes) {
    for (const std::string& value : axis.values) {
      check_key(codec, axis.key, value, axis.at.node, axis.at.file, context + ".sweep");
    }
  }
  if (mode == "product") {
    size_t count = 1;
    for (const SweepAxis& axis : axes) {
      if (axis.values.size() > kMaxRatePoints / count) {
        throw InputError(sweep_pos().str() + ": " + context + ".sweep",
                         "at most " + std::to_string(kMaxRatePoints) + " rate points per codec",
                         "more (the product of the lists' lengths)");
      }
      count *= axis.values.size();
    }
  }
  std::vector<RatePoint> points;
  std::vector<size_t> index(axes.size(), 0);
  if (mode == "zip") {
    for (const SweepAxis& axis : axes) {
      if (axis.values.size() != axes.front().values.size()) {
        throw InputError(sweep_pos().str() + ": " + context + ".sweep",
                         "lists of equal length for sweep_mode zip",
                         "'" + axis.key + "' with " + std::to_string(axis.values.size()) + " values");
      }
    }
    const size_t n = axes.empty() ? 1 : axes.front().values.size();
    for (size_t i = 0; i < n; ++i) {
      std::fill(index.begin(), index.end(), i);
      points.push_back(make_point(entry.fixed, axes, index));
    }
  } else {
    while (true) {
      points.push_back(make_point(entry.fixed, axes, index));
      int a = static_cast<int>(axes.size()) - 1;
      while (a >= 0 && ++index[a] == axes[a].values.size()) index[a--] = 0;
      if (a < 0) break;
    }
  }
  return points;
}

}  // namespace tgvc
