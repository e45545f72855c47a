// `tgvc-bench list codecs|metrics [--verbose]`: what this binary can do, with versions and,
// verbosely, every parameter from the tables that configs are validated against.
#include <algorithm>

#include <fmt/format.h>

#include "codecs/codec.h"
#include "harness/cli/commands.h"
#include "harness/metrics/learned_metrics.h"
#include "harness/metrics/metric.h"
#include "harness/metrics/per_set_metric.h"

namespace tgvc {
namespace {

void print_params(const std::vector<ParamSpec>& specs) {
  for (const ParamSpec& p : specs) {
    fmt::print("    {:<16} {:<34} default {:<8} {}{}\n", p.key, describe_expected(p),
               p.default_value.empty() ? "(unset)" : p.default_value, p.help,
               p.unit.empty() ? "" : " [" + p.unit + "]");
  }
}

// Markdown tables for docs/config.md, which a test keeps equal to this output.
template <typename Item>
void print_markdown(const std::vector<const Item*>& items) {
  for (const Item* item : items) {
    fmt::print("### `{}`\n\n{}\n\n", item->id(), item->description());
    if (item->param_specs().empty()) {
      fmt::print("No parameters.\n\n");
      continue;
    }
    fmt::print("| key | value | default | meaning |\n| --- | --- | --- | --- |\n");
    for (const ParamSpec& p : item->param_specs()) {
      fmt::print("| `{}` | {} | {} | {}{} |\n", p.key, describe_expected(p),
                 p.default_value.empty() ? "unset" : "`" + p.default_value + "`", p.help,
                 p.unit.empty() ? "" : " (" + p.unit + ")");
    }
    fmt::print("\n");
  }
}

// The id column's width: the longest id of every list, so that codecs, metrics and per-set
// metrics line up (trajectory_error is 16 characters).
size_t id_width() {
  size_t width = 8;
  for (const Codec* c : all_codecs()) width = std::max(width, c->id().size());
  for (const Metric* m : all_metrics()) width = std::max(width, m->id().size());
  for (const PerSetMetric* m : all_per_set_metrics()) width = std::max(width, m->id().size());
  return width;
}

template <typename Item>
void print_items(const std::vector<const Item*>& items, bool verbose) {
  for (const Item* item : items) {
    fmt::print("{:<{}} version {:<40} {}\n", item->id(), id_width(), item->version(), item->description());
    if (verbose) print_params(item->param_specs());
  }
}

}  // namespace

void add_list_command(CLI::App& app, int& exit_code) {
  auto what = std::make_shared<std::string>();
  auto verbose = std::make_shared<bool>(false);
  auto markdown = std::make_shared<bool>(false);
  CLI::App* cmd = app.add_subcommand("list", "List the codecs or metrics built into this binary");
  cmd->add_option("what", *what, "codecs or metrics")
      ->required()
      ->check(CLI::IsMember({"codecs", "metrics"}));
  cmd->add_flag("-v,--verbose", *verbose, "Also list every parameter");
  cmd->add_flag("--markdown", *markdown, "Parameter tables in Markdown (as in docs/config.md)");
  cmd->callback([what, verbose, markdown, &exit_code] {
    if (*what == "codecs") {
      *markdown ? print_markdown(all_codecs()) : print_items(all_codecs(), *verbose);
    } else if (*markdown) {
      print_markdown(all_metrics());
      print_markdown(all_per_set_metrics());
    } else {
      print_items(all_metrics(), *verbose);
      fmt::print("per-set metrics (one value per codec and rate point, over every sequence):\n");
      print_items(all_per_set_metrics(), *verbose);
      // Loads LibTorch (about a second), so only when asked for details.
      if (*verbose) fmt::print("learned-metric backend: {}\n", learned_backend_status());
    }
    exit_code = 0;
  });
}

}  // namespace tgvc
