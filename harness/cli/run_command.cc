#include <fmt/format.h>

#include "harness/cli/commands.h"
#include "harness/cli/slurm_wait.h"
#include "harness/config/executor_section.h"
#include "harness/config/experiment.h"
#include "harness/core/error.h"
#include "harness/run/run_accounting.h"
#include "harness/run/run_experiment.h"
#include "harness/run/slurm_executor.h"

namespace tgvc {
namespace {

struct RunArgs {
  std::string config;
  int jobs = 0;
  std::string out;
  bool quiet = false;
  std::string cache;     // empty: the config's cache
  std::string executor;  // empty: the config's executor.kind
  bool wait = false;
  bool dry_run = false;
};

// Thread-seconds over all workers: the harness's share is of the work done, so idle workers
// waiting for the last cell count apart, not as harness (harness/run/run_accounting.h).
std::string time_line(const RunOutcome& s) {
  RunTimes t;
  t.wall_s = s.wall_s;
  t.serial_s = s.serial_s;
  t.pool_wall_s = s.pool_wall_s;
  t.cells_s = s.cells_s;
  t.load_s = s.load_s;
  t.codec_s = s.codec_s;
  t.metrics_s = s.metrics_s;
  t.jobs = s.jobs;
  const TimeAccount a = account_time(t);
  return fmt::format(
      "time: wall {:.2f} s; thread-seconds over {} jobs: codecs {:.2f}, metrics {:.2f}, loading sources "
      "{:.2f}, harness {:.2f} ({:.2f}% of the work; serial steps {:.2f}), idle workers {:.2f}",
      s.wall_s, s.jobs, s.codec_s, s.metrics_s, s.load_s, a.harness_s, 100 * a.share, s.serial_s, a.idle_s);
}

// A local run into the directory of a live Slurm submission would write the results its jobs are
// writing. Where Slurm cannot be asked (a copied run directory, no client here), say so and run.
void refuse_while_slurm_jobs_run(const std::string& run_dir) {
  std::vector<std::string> live;
  try {
    live = live_submission(run_dir);
  } catch (const Error& e) {
    fmt::print(stderr, "warning: could not ask Slurm whether the last submission to {} still runs ({})\n",
               run_dir, e.what());
  }
  if (!live.empty()) throw submission_still_running(run_dir, live);
}

void run_local(const Experiment& experiment, const RunArgs& args, int& exit_code) {
  refuse_while_slurm_jobs_run(args.out.empty() ? experiment.output : args.out);
  RunOptions options;
  options.jobs = args.jobs;
  options.output = args.out;
  options.quiet = args.quiet;
  options.cache = args.cache;
  options.tool_version = TGVC_VERSION;
  options.git_commit = git_commit();
  options.command_line = "tgvc-bench run " + args.config;
  const RunOutcome s = run_experiment(experiment, options);
  fmt::print("{} cells ({} reused from an earlier run{}), {} failed; results in {}/results.csv\n", s.cells,
             s.reused, s.from_cache > 0 ? fmt::format(", {} read from the cache", s.from_cache) : "",
             s.failed, s.output_dir);
  if (s.shared_encodes > 0) {
    fmt::print("bitstreams: {} encoded, {} cells decoded a bitstream encoded by another cell or run\n",
               s.encodes, s.shared_encodes);
  }
  if (!args.quiet && s.cells > s.reused) fmt::print("{}\n", time_line(s));
  exit_code = s.failed > 0 ? 1 : 0;
}

void run_slurm(const Experiment& experiment, const RunArgs& args, int& exit_code) {
  SlurmRunOptions options;
  options.output = args.out;
  options.tool_version = TGVC_VERSION;
  options.git_commit = git_commit();
  options.command_line = "tgvc-bench run " + args.config + " --executor slurm";
  options.dry_run = args.dry_run;
  const SlurmSubmitted s = submit_to_slurm(experiment, options);
  if (args.dry_run) {
    for (const std::string& script : s.scripts) fmt::print("{}\n", script);
    fmt::print("# {} cells, {} done before, {} to submit; run directory {}\n", s.cells, s.reused, s.submitted,
               s.output_dir);
    return;
  }
  fmt::print("{} cells ({} done before), {} submitted: array job {}, finalize job {}; run directory {}\n",
             s.cells, s.reused, s.submitted,
             s.array_job_ids.empty() ? "none" : fmt::format("{}", fmt::join(s.array_job_ids, ",")),
             s.finalize_job_id, s.output_dir);
  if (args.wait) exit_code = wait_for_slurm_run(s.output_dir, s.finalize_job_id, args.quiet);
}

}  // namespace

void add_run_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<RunArgs>();
  CLI::App* cmd = app.add_subcommand("run", "Run the experiment a YAML config describes");
  cmd->add_option("config", args->config, "Experiment config (YAML)")->required();
  cmd->add_option("-j,--jobs", args->jobs, "Cells run in parallel (default: the config's 'jobs')")
      ->check(CLI::Range(1, 256));
  cmd->add_option("-o,--out", args->out, "Run directory (default: the config's 'output')");
  cmd->add_flag("-q,--quiet", args->quiet, "No progress lines");
  cmd->add_option("--cache", args->cache,
                  "Shared cell cache directory: cells and bitstreams computed once across runs (default: the "
                  "config's 'cache'; local executor)");
  cmd->add_option("--executor", args->executor,
                  "local (threads of this process) or slurm (a job array); "
                  "default: the config's executor.kind")
      ->check(CLI::IsMember({"local", "slurm"}));
  cmd->add_flag("--wait", args->wait, "slurm: follow the jobs until the results are written");
  cmd->add_flag("--dry-run", args->dry_run, "slurm: print the sbatch scripts, submit nothing");
  cmd->callback([args, &exit_code] {
    const Experiment experiment = load_experiment(args->config);
    const std::string executor =
        args->executor.empty() ? to_string(experiment.executor.kind) : args->executor;
    if (executor != "slurm" && (args->wait || args->dry_run)) {
      throw InputError(args->wait ? "--wait" : "--dry-run", "--executor slurm (or executor.kind: slurm)",
                       executor);
    }
    if (executor == "slurm" && !args->cache.empty()) {
      throw InputError("--cache", "the local executor (Slurm tasks use the config's 'cache' for bitstreams)",
                       "--executor slurm");
    }
    if (executor == "slurm") {
      run_slurm(experiment, *args, exit_code);
    } else {
      run_local(experiment, *args, exit_code);
    }
  });
}

}  // namespace tgvc
