#include "harness/tracking/flow_tracker_params.h"

#include "harness/core/error.h"

namespace tgvc {

const ParamTable<FlowTrackerParams>& flow_tracker_param_table() {
  using P = FlowTrackerParams;
  using Row = ParamRow<P>;
  static const ParamTable<P> table({
      Row("window", &P::window).range(5, 31).help("Lucas-Kanade window side (odd)").unit("px"),
      Row("pyramid-levels", &P::pyramid_levels).range(0, 6).help("pyramid levels above full resolution"),
      Row("max-iterations", &P::max_iterations).range(1, 100).help("Lucas-Kanade iterations per level"),
      Row("epsilon", &P::epsilon).range(1e-6, 1).help("Lucas-Kanade stops below this update").unit("px"),
      Row("min-eigen", &P::min_eigen)
          .range(0, 1)
          .help("windows flatter than this are lost (OpenCV minEigThreshold)"),
      Row("fb-threshold", &P::fb_threshold_px)
          .range(0, 1e6)
          .help("forward-backward error allowed for a still point")
          .unit("px"),
      Row("fb-motion-share", &P::fb_motion_share).range(0, 10).help("plus this share of the step length"),
      Row("guided-levels", &P::guided_levels)
          .range(0, 6)
          .help("pyramid levels of the first try from the constant-velocity guess"),
  });
  return table;
}

std::vector<ParamSpec> flow_tracker_param_specs(const std::string& prefix) {
  return flow_tracker_param_table().prefixed(prefix).specs();
}

FlowTrackerParams flow_tracker_params(const ParamSet& values, const std::string& prefix) {
  const FlowTrackerParams params = flow_tracker_param_table().prefixed(prefix).parse(values);
  check_flow_tracker_params(params);
  return params;
}

void check_flow_tracker_params(const FlowTrackerParams& params) {
  flow_tracker_param_table().check(params, "flow tracker");
  if (params.window % 2 == 0) {
    throw InputError("flow tracker window", "an odd size", std::to_string(params.window));
  }
}

}  // namespace tgvc
