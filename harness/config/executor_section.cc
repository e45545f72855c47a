#include "harness/config/executor_section.h"

#include <regex>

#include "harness/config/yaml_fields.h"
#include "harness/core/error.h"

namespace tgvc {
namespace {

// Slurm's --time forms: M, M:S, H:M:S, D-H, D-H:M, D-H:M:S.
bool is_slurm_time(const std::string& text) {
  static const std::regex time(
      R"(^(\d+|\d+:\d{1,2}|\d+:\d{1,2}:\d{1,2}|\d+-\d+|\d+-\d+:\d{1,2}|\d+-\d+:\d{1,2}:\d{1,2})$)");
  return std::regex_match(text, time);
}

// Slurm's --mem: a number with an optional K, M, G or T suffix.
bool is_slurm_memory(const std::string& text) {
  static const std::regex memory(R"(^\d+[KMGT]?$)");
  return std::regex_match(text, memory);
}

void check_field(const YAML::Node& node, const std::string& key, const std::string& value, bool ok,
                 const std::string& expected, const std::string& file) {
  if (value.empty() || ok) return;
  throw InputError(position_of(node[key], file).str() + ": executor." + key, expected, "'" + value + "'");
}

}  // namespace

const char* to_string(ExecutorKind kind) {
  return kind == ExecutorKind::kSlurm ? "slurm" : "local";
}

ExecutorSpec parse_executor(const YAML::Node& node, const std::string& file) {
  ExecutorSpec spec;
  if (!node) return spec;
  require_map(node, file, "executor");
  require_known_keys(node,
                     {"kind", "partition", "account", "time_limit", "cpus_per_task", "mem_per_task",
                      "gpus_per_task", "cells_per_task", "sbatch_args"},
                     file, "executor");
  spec.pos = position_of(node, file);
  const std::string kind = optional_string(node, "kind", "local", file, "executor");
  if (kind != "local" && kind != "slurm") {
    throw InputError(position_of(node["kind"], file).str() + ": executor.kind", "local or slurm",
                     "'" + kind + "'");
  }
  spec.kind = kind == "slurm" ? ExecutorKind::kSlurm : ExecutorKind::kLocal;
  spec.partition = optional_string(node, "partition", "", file, "executor");
  spec.account = optional_string(node, "account", "", file, "executor");
  spec.time_limit = optional_string(node, "time_limit", "", file, "executor");
  check_field(node, "time_limit", spec.time_limit, is_slurm_time(spec.time_limit),
              "a Slurm time limit: minutes, M:S, H:M:S, D-H, D-H:M or D-H:M:S", file);
  spec.cpus_per_task = optional_int(node, "cpus_per_task", 1, 1, 1024, file, "executor");
  spec.mem_per_task = optional_string(node, "mem_per_task", "", file, "executor");
  check_field(node, "mem_per_task", spec.mem_per_task, is_slurm_memory(spec.mem_per_task),
              "a Slurm memory size: a number with an optional K, M, G or T suffix (e.g. 4G)", file);
  spec.gpus_per_task = optional_int(node, "gpus_per_task", 1, 1, 64, file, "executor");
  spec.cells_per_task = optional_int(node, "cells_per_task", 1, 1, 1000000, file, "executor");
  if (const YAML::Node args = node["sbatch_args"]) {
    require_sequence(args, file, "executor.sbatch_args");
    for (const YAML::Node& arg : args) {
      if (!arg.IsScalar() || arg.Scalar().empty()) {
        throw InputError(position_of(arg, file).str() + ": executor.sbatch_args",
                         "a non-empty sbatch argument", "something else");
      }
      spec.sbatch_args.push_back(arg.Scalar());
    }
  }
  return spec;
}

}  // namespace tgvc
