#include "harness/run/slurm_script.h"

#include <filesystem>

#include <fmt/format.h>

namespace tgvc {
namespace {

bool is_cuda_device(const std::string& key, const std::string& value) {
  const bool device_key =
      key == "device" || (key.size() > 7 && key.compare(key.size() - 7, 7, "-device") == 0);
  return device_key && value.rfind("cuda", 0) == 0;
}

// The #SBATCH lines every job of the run shares; `name` and `log` differ per job.
std::string sbatch_header(const Experiment& e, const std::string& name, const std::string& log, bool gpu) {
  const ExecutorSpec& x = e.executor;
  std::string h = "#!/bin/bash\n";
  h += "#SBATCH --job-name=" + name + "\n";
  h += "#SBATCH --output=" + log + "\n";
  if (!x.partition.empty()) h += "#SBATCH --partition=" + x.partition + "\n";
  if (!x.account.empty()) h += "#SBATCH --account=" + x.account + "\n";
  if (!x.time_limit.empty()) h += "#SBATCH --time=" + x.time_limit + "\n";
  h += fmt::format("#SBATCH --cpus-per-task={}\n", x.cpus_per_task);
  if (!x.mem_per_task.empty()) h += "#SBATCH --mem=" + x.mem_per_task + "\n";
  if (gpu) h += fmt::format("#SBATCH --gpus-per-task={}\n", x.gpus_per_task);
  for (const std::string& arg : x.sbatch_args) h += "#SBATCH " + arg + "\n";
  return h;
}

}  // namespace

std::string shell_quoted(const std::string& text) {
  std::string q = "'";
  for (char c : text) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

bool cell_needs_gpu(const Experiment& e, const Cell& cell) {
  const CodecSpec& codec = e.codecs[cell.codec];
  for (const auto& [key, value] : codec.rate_points[cell.rate_point].params) {
    if (is_cuda_device(key, value)) return true;
  }
  for (const MetricSpec& metric : e.metrics) {
    for (const auto& [key, value] : metric.options) {
      if (is_cuda_device(key, value)) return true;
    }
  }
  return false;
}

std::vector<std::vector<size_t>> chunk_cells(const std::vector<size_t>& cells, int max_tasks,
                                             int per_task_wanted) {
  const size_t limit = static_cast<size_t>(std::max(1, max_tasks));
  const size_t per_task =
      std::max((cells.size() + limit - 1) / limit, static_cast<size_t>(std::max(1, per_task_wanted)));
  std::vector<std::vector<size_t>> tasks;
  for (size_t at = 0; at < cells.size(); at += per_task) {
    tasks.emplace_back(cells.begin() + static_cast<long>(at),
                       cells.begin() + static_cast<long>(std::min(cells.size(), at + per_task)));
  }
  return tasks;
}

std::string cells_script(const Experiment& e, const std::string& tgvc_bench, const std::string& run_dir,
                         const std::vector<std::vector<size_t>>& tasks, bool gpu) {
  const std::string logs = (std::filesystem::path(run_dir) / "slurm" / "logs").string();
  std::string s = sbatch_header(e, "tgvc-" + e.name + (gpu ? "-gpu" : ""), logs + "/%A_%a.out", gpu);
  s += fmt::format("#SBATCH --array=0-{}\n", tasks.size() - 1);
  s += "# Array task t runs the cells (indices of the run's plan) on line t of CELLS.\n";
  s += "set -eu\nCELLS=(\n";
  for (const std::vector<size_t>& task : tasks) s += "  '" + fmt::format("{}", fmt::join(task, " ")) + "'\n";
  s += ")\n";
  s += fmt::format("exec {} run-cell {} --jobs {} ${{CELLS[$SLURM_ARRAY_TASK_ID]}}\n",
                   shell_quoted(tgvc_bench), shell_quoted(run_dir), e.executor.cpus_per_task);
  return s;
}

std::string finalize_script(const Experiment& e, const std::string& tgvc_bench, const std::string& run_dir) {
  const std::string logs = (std::filesystem::path(run_dir) / "slurm" / "logs").string();
  std::string s = sbatch_header(e, "tgvc-" + e.name + "-finalize", logs + "/finalize-%j.out", false);
  s += "# Per-set metrics, results files and report.html once every array task has ended.\n";
  s += "set -eu\n";
  s += fmt::format("exec {} finalize {}\n", shell_quoted(tgvc_bench), shell_quoted(run_dir));
  return s;
}

}  // namespace tgvc
