// The commands around a Slurm run: run-cell and finalize (what the jobs run), status and cancel.
#include <cstdlib>

#include <fmt/format.h>

#include "harness/cli/commands.h"
#include "harness/core/error.h"
#include "harness/run/cell_task.h"
#include "harness/run/run_status.h"
#include "harness/run/slurm_client.h"
#include "harness/run/slurm_executor.h"
#include "harness/run/slurm_submission.h"

namespace tgvc {
namespace {

void add_run_cell(CLI::App& app, int& exit_code) {
  struct Args {
    std::string run_dir;
    std::vector<size_t> indices;
    int jobs = 1;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd =
      app.add_subcommand("run-cell", "Run cells of a submitted run (what a Slurm array task runs)");
  cmd->add_option("run_dir", args->run_dir, "Run directory written by run --executor slurm")->required();
  cmd->add_option("index", args->indices, "Cells to run: indices of the run's plan")->required();
  cmd->add_option("-j,--jobs", args->jobs, "Cells run in parallel")->check(CLI::Range(1, 256));
  cmd->callback([args, &exit_code] {
    const SlurmSubmission submission = read_submission(args->run_dir);
    const Experiment e = load_submitted_experiment(args->run_dir, submission);
    const CellTaskOutcome o = run_cell_task(e, args->run_dir, args->indices, args->jobs);
    fmt::print("{} cells run ({} already done), {} failed\n", o.run, o.reused, o.failed);
    // A failed cell is a result like any other: the task itself succeeded.
    exit_code = 0;
  });
}

void add_finalize(CLI::App& app, int& exit_code) {
  auto run_dir = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "finalize",
      "Per-set metrics, results files and report of a submitted run (what its finalize job runs)");
  cmd->add_option("run_dir", *run_dir, "Run directory written by run --executor slurm")->required();
  cmd->callback([run_dir, &exit_code] {
    const char* job = std::getenv("SLURM_JOB_ID");
    const int failed = finalize_submitted_run(*run_dir, job ? job : "");
    fmt::print("results in {}/results.csv; {} cells failed or missing\n", *run_dir, failed);
    exit_code = 0;
  });
}

void add_status(CLI::App& app, int& exit_code) {
  auto run_dir = std::make_shared<std::string>();
  CLI::App* cmd =
      app.add_subcommand("status", "Cells of a submitted run: done, failed, running, pending, missing");
  cmd->add_option("run_dir", *run_dir, "Run directory written by run --executor slurm")->required();
  cmd->callback([run_dir, &exit_code] {
    RunStatusTracker tracker(*run_dir);
    const RunStatus s = tracker.update();
    fmt::print("{}\n", describe(s));
    for (const FailedCell& f : s.failures) fmt::print("failed {} at {}: {}\n", f.cell_id, f.stage, f.error);
    for (const std::string& id : s.missing_cells) fmt::print("missing {}\n", id);
    const std::vector<std::string> ids = tracker.submission().job_ids();
    fmt::print("jobs {}: {}\n", join_job_ids(ids),
               s.jobs_queued ? "queued or running"
                             : "finished (run the same command again to resubmit failed "
                               "and missing cells)");
    exit_code = s.failed + s.missing > 0 ? 1 : 0;
  });
}

void add_cancel(CLI::App& app, int& exit_code) {
  auto run_dir = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand("cancel", "Cancel the Slurm jobs of a submitted run");
  cmd->add_option("run_dir", *run_dir, "Run directory written by run --executor slurm")->required();
  cmd->callback([run_dir, &exit_code] {
    const std::vector<std::string> ids = read_submission(*run_dir).job_ids();
    slurm_cancel(ids);
    fmt::print("cancelled jobs {}\n", join_job_ids(ids));
    exit_code = 0;
  });
}

}  // namespace

void add_slurm_commands(CLI::App& app, int& exit_code) {
  add_run_cell(app, exit_code);
  add_finalize(app, exit_code);
  add_status(app, exit_code);
  add_cancel(app, exit_code);
}

}  // namespace tgvc
