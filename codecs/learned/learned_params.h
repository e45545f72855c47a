// The learned codec's settings and their parameter table.
#pragma once

#include <optional>
#include <string>

#include "harness/core/param_table.h"

namespace tgvc {

enum class LearnedDevice { kCpu, kCuda };

struct LearnedParams {
  // A manifest model (`tgvc-bench models list`), a family whose manifest models are
  // "<model>-q<quality>", or the path of an export file.
  std::string model;
  std::optional<int> quality;  // with a family: which of its models; else checked against the export's
  LearnedDevice device = LearnedDevice::kCpu;
};

const EnumNames<LearnedDevice>& learned_device_names();
const ParamTable<LearnedParams>& learned_param_table();

}  // namespace tgvc
