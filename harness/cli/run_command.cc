#include <fmt/format.h>

#include "harness/cli/commands.h"
#include "harness/config/experiment.h"
#include "harness/run/run_experiment.h"

namespace tgvc {

void add_run_command(CLI::App& app, int& exit_code) {
  struct Args {
    std::string config;
    int jobs = 0;
    std::string out;
    bool quiet = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("run", "Run the experiment a YAML config describes");
  cmd->add_option("config", args->config, "Experiment config (YAML)")->required();
  cmd->add_option("-j,--jobs", args->jobs, "Cells run in parallel (default: the config's 'jobs')")
      ->check(CLI::Range(1, 256));
  cmd->add_option("-o,--out", args->out, "Run directory (default: the config's 'output')");
  cmd->add_flag("-q,--quiet", args->quiet, "No progress lines");
  cmd->callback([args, &exit_code] {
    const Experiment experiment = load_experiment(args->config);
    RunOptions options;
    options.jobs = args->jobs;
    options.output = args->out;
    options.quiet = args->quiet;
    options.tool_version = TGVC_VERSION;
    options.git_commit = git_commit();
    options.command_line = "tgvc-bench run " + args->config;
    const RunOutcome s = run_experiment(experiment, options);
    fmt::print("{} cells ({} reused from an earlier run), {} failed; results in {}/results.csv\n", s.cells,
               s.reused, s.failed, s.output_dir);
    if (!args->quiet && s.cells > s.reused) {
      // With one job the wall time splits exactly; with more, idle workers count as harness time.
      const int jobs = args->jobs > 0 ? args->jobs : experiment.jobs;
      const double busy = (s.load_s + s.codec_s + s.metrics_s) / jobs;
      fmt::print(
          "time: wall {:.2f} s; per job: codecs {:.2f} s, metrics {:.2f} s, loading sources {:.2f} s, "
          "harness {:.2f} s ({:.2f}%)\n",
          s.wall_s, s.codec_s / jobs, s.metrics_s / jobs, s.load_s / jobs, s.wall_s - busy,
          100 * (s.wall_s - busy) / s.wall_s);
    }
    exit_code = s.failed > 0 ? 1 : 0;
  });
}

}  // namespace tgvc
