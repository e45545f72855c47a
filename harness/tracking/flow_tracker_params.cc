#include "harness/tracking/flow_tracker_params.h"

#include <fmt/format.h>

#include "harness/core/error.h"

namespace tgvc {
namespace {

// One setting: its table entry and its member (an int or a double one, the other null).
struct Field {
  const char* key;
  int FlowTrackerParams::*int_member;
  double FlowTrackerParams::*real_member;
  double min, max;
  const char* help;
  const char* unit;

  ParamType type() const { return int_member != nullptr ? ParamType::kInt : ParamType::kReal; }
  double get(const FlowTrackerParams& p) const {
    return int_member != nullptr ? p.*int_member : p.*real_member;
  }
  void set(FlowTrackerParams& p, double v) const {
    if (int_member != nullptr) {
      p.*int_member = static_cast<int>(v);
    } else {
      p.*real_member = v;
    }
  }
};

using P = FlowTrackerParams;

const std::vector<Field>& fields() {
  static const std::vector<Field> table = {
      {"window", &P::window, nullptr, 5, 31, "Lucas-Kanade window side (odd)", "px"},
      {"pyramid-levels", &P::pyramid_levels, nullptr, 0, 6, "pyramid levels above full resolution", ""},
      {"max-iterations", &P::max_iterations, nullptr, 1, 100, "Lucas-Kanade iterations per level", ""},
      {"epsilon", nullptr, &P::epsilon, 1e-6, 1, "Lucas-Kanade stops below this update", "px"},
      {"min-eigen", nullptr, &P::min_eigen, 0, 1,
       "windows flatter than this are lost (OpenCV minEigThreshold)", ""},
      {"fb-threshold", nullptr, &P::fb_threshold_px, 0, 1e6,
       "forward-backward error allowed for a still point", "px"},
      {"fb-motion-share", nullptr, &P::fb_motion_share, 0, 10, "plus this share of the step length", ""},
      {"guided-levels", &P::guided_levels, nullptr, 0, 6,
       "pyramid levels of the first try from the constant-velocity guess", ""},
  };
  return table;
}

}  // namespace

std::vector<ParamSpec> flow_tracker_param_specs(const std::string& prefix) {
  const FlowTrackerParams defaults;
  std::vector<ParamSpec> specs;
  for (const Field& f : fields()) {
    ParamSpec spec;
    spec.key = prefix + f.key;
    spec.type = f.type();
    spec.default_value = f.type() == ParamType::kInt ? fmt::format("{}", static_cast<int>(f.get(defaults)))
                                                     : fmt::format("{}", f.get(defaults));
    spec.min = f.min;
    spec.max = f.max;
    spec.help = f.help;
    spec.unit = f.unit;
    specs.push_back(spec);
  }
  return specs;
}

FlowTrackerParams flow_tracker_params(const ParamSet& values, const std::string& prefix) {
  FlowTrackerParams params;
  for (const Field& f : fields()) {
    const std::string key = prefix + f.key;
    if (!values.has(key)) continue;
    f.set(params,
          f.type() == ParamType::kInt ? static_cast<double>(values.get_int(key)) : values.get_real(key));
  }
  check_flow_tracker_params(params);
  return params;
}

void check_flow_tracker_params(const FlowTrackerParams& params) {
  for (const Field& f : fields()) {
    const double value = f.get(params);
    if (!(value >= f.min && value <= f.max)) {
      throw InputError(std::string("flow tracker ") + f.key, fmt::format("a value in [{}, {}]", f.min, f.max),
                       fmt::format("{}", value));
    }
  }
  if (params.window % 2 == 0) {
    throw InputError("flow tracker window", "an odd size", std::to_string(params.window));
  }
}

}  // namespace tgvc
