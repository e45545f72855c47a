// The config's `executor:` section (docs/config.md) -> ExecutorSpec, validated at file:line:column.
#pragma once

#include <string>

#include <yaml-cpp/yaml.h>

#include "harness/config/experiment.h"

namespace tgvc {

// A missing section is the local executor with Slurm's defaults.
ExecutorSpec parse_executor(const YAML::Node& node, const std::string& file);

// "local" | "slurm".
const char* to_string(ExecutorKind kind);

}  // namespace tgvc
