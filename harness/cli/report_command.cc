// `tgvc-bench report RUN_DIR`: rebuilds report.html from the run's results alone.
#include <filesystem>
#include <memory>
#include <optional>

#include <fmt/format.h>

#include "harness/cli/commands.h"
#include "harness/core/error.h"
#include "harness/results/run_results.h"
#include "reports/html_report.h"

namespace tgvc {

void add_report_command(CLI::App& app, int& exit_code) {
  struct Args {
    std::string run_dir;
    std::string out;
    std::string anchor;
    std::string bd_method = "pchip";
    std::string paper;
    std::vector<std::string> metrics;
    std::string rate_axis = "bpp";
    bool no_frames = false;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand("report", "Rebuild a run's self-contained report.html from its results");
  cmd->add_option("run_dir", args->run_dir, "Run directory (holds results.json)")->required();
  cmd->add_option("-o,--out", args->out, "Output file (default: RUN_DIR/report.html)");
  cmd->add_option("--anchor", args->anchor, "Codec the BD table compares against (default: the first codec)");
  cmd->add_option("--bd-method", args->bd_method, "cubic | pchip | akima")->capture_default_str();
  cmd->add_option("--paper", args->paper,
                  "The paper's R-D points to draw beside ours (third_party/paper/tgvc_rd_points.csv)");
  cmd->add_option("--metrics", args->metrics,
                  "Metrics to plot, in order (default: every metric with a value)")
      ->delimiter(',');
  cmd->add_option("--rate-axis", args->rate_axis, "bpp | kbps")->capture_default_str();
  cmd->add_flag("--no-frames", args->no_frames, "Leave out the strip of decoded frames");
  cmd->callback([args, &exit_code] {
    HtmlReportOptions options;
    options.anchor = args->anchor;
    const std::optional<BdMethod> method = parse_bd_method(args->bd_method);
    if (!method) throw InputError("--bd-method", "cubic, pchip or akima", args->bd_method);
    options.bd_method = *method;
    options.paper_points_csv = args->paper;
    options.metrics = args->metrics;
    options.rate_axis = parse_rate_axis(args->rate_axis, "--rate-axis");
    options.embed_frames = !args->no_frames;
    const RunResults run = load_run_results(args->run_dir);
    const std::string out =
        args->out.empty() ? (std::filesystem::path(args->run_dir) / "report.html").string() : args->out;
    write_html_report(run, options, out);
    fmt::print("report: {} ({} cells)\n", out, run.cells.size());
    exit_code = 0;
  });
}

}  // namespace tgvc
