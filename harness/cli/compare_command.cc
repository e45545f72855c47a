// `tgvc-bench compare BASE CURRENT`: the per-commit regression gate (docs/compare.md).
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "harness/cli/commands.h"
#include "harness/config/compare_tolerances.h"
#include "harness/core/atomic_file.h"
#include "harness/core/error.h"
#include "harness/results/run_results.h"
#include "reports/compare_format.h"
#include "reports/compare_html.h"
#include "reports/compare_markdown.h"
#include "reports/compare_runs.h"

namespace tgvc {

void add_compare_command(CLI::App& app, int& exit_code) {
  struct Args {
    std::string base;
    std::string current;
    std::string tolerances;
    std::string out;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "compare", "Compare two runs cell by cell; exit 1 when a value regresses beyond its tolerance");
  cmd->add_option("base", args->base, "Run directory of the baseline (holds results.json)")->required();
  cmd->add_option("current", args->current, "Run directory to check against it")->required();
  cmd->add_option("-t,--tolerances", args->tolerances,
                  "Tolerances file (YAML, docs/compare.md); default: any worsening is a regression");
  cmd->add_option("-o,--out", args->out, "Where compare.md and compare.html go (default: CURRENT/compare)");
  cmd->callback([args, &exit_code] {
    const Tolerances tolerances = args->tolerances.empty() ? Tolerances{} : load_tolerances(args->tolerances);
    const RunResults base = load_run_results(args->base);
    const RunResults current = load_run_results(args->current);
    const Comparison comparison = compare_runs(base, current, tolerances);
    const std::filesystem::path out = args->out.empty() ? std::filesystem::path(args->current) / "compare"
                                                        : std::filesystem::path(args->out);
    std::error_code ec;
    std::filesystem::create_directories(out, ec);
    if (ec) throw InputError(out.string(), "a directory that can be created", ec.message());
    const std::string markdown = (out / "compare.md").string();
    const std::string html = (out / "compare.html").string();
    write_file_atomically(markdown, compare_markdown(comparison));
    write_file_atomically(html, compare_html(comparison));
    fmt::print("{}diff: {} and {}\n", compare_console_summary(comparison), markdown, html);
    exit_code = comparison.regressed() ? 1 : 0;
  });
}

}  // namespace tgvc
