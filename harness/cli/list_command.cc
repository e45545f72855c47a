// `tgvc-bench list codecs|metrics [--verbose]`: what this binary can do, with versions and,
// verbosely, every parameter from the tables that configs are validated against.
#include <algorithm>

#include <fmt/format.h>

#include "codecs/codec.h"
#include "harness/cli/commands.h"
#include "harness/metrics/learned_metrics.h"
#include "harness/metrics/registry.h"

namespace tgvc {
namespace {

// A key only the decoder reads: entries that differ only in such keys share one encode, and
// their bitstream's cache entry is keyed without them (docs/cache.md, "Encode once").
const char* kDecoderOnlyNote = "decoder only: entries differing only here share one encode";

void print_params(const std::vector<ParamSpec>& specs) {
  for (const ParamSpec& p : specs) {
    fmt::print("    {:<16} {:<34} default {:<8} {}{}{}\n", p.key, describe_expected(p),
               p.default_value.empty() ? "(unset)" : p.default_value, p.help,
               p.unit.empty() ? "" : " [" + p.unit + "]",
               p.decoder_only ? std::string(" (") + kDecoderOnlyNote + ")" : "");
  }
}

// What `list` prints of a codec or a metric.
struct Item {
  std::string id, version, description;
  const std::vector<ParamSpec>* params;
  const MetricDescriptor* metric;  // nullptr for a codec
};

std::vector<Item> codec_items() {
  std::vector<Item> items;
  for (const Codec* c : all_codecs())
    items.push_back({c->id(), c->version(), c->description(), &c->param_specs(), nullptr});
  return items;
}

// The plain metrics, or the per-set ones, in registry order.
std::vector<Item> metric_items(bool per_set) {
  std::vector<Item> items;
  for (const MetricEntry& m : all_metrics()) {
    const MetricDescriptor& d = *m.descriptor;
    if ((d.kind == MetricKind::kPerSet) != per_set) continue;
    items.push_back({d.id, d.version, d.description, &d.options, &d});
  }
  return items;
}

// Markdown tables for docs/config.md, which a test keeps equal to this output.
void print_markdown(const std::vector<Item>& items) {
  for (const Item& item : items) {
    fmt::print("### `{}`\n\n{}\n\n", item.id, item.description);
    if (item.params->empty()) {
      fmt::print("No parameters.\n\n");
      continue;
    }
    fmt::print("| key | value | default | meaning |\n| --- | --- | --- | --- |\n");
    for (const ParamSpec& p : *item.params) {
      fmt::print("| `{}` | {} | {} | {}{}{} |\n", p.key, describe_expected(p),
                 p.default_value.empty() ? "unset" : "`" + p.default_value + "`", p.help,
                 p.unit.empty() ? "" : " (" + p.unit + ")", p.decoder_only ? "; *decoder only*" : "");
    }
    fmt::print("\n");
  }
}

// "psnr_rgb  dB  higher is better, main metric, when rgb = true".
void print_values(const MetricDescriptor& d) {
  fmt::print("    values ({}):\n", to_string(d.kind));
  for (const ValueSpec& v : d.values) {
    std::string notes = to_string(v.direction);
    if (v.headline) notes += ", headline";
    if (v.main && !v.headline) notes += ", main metric";
    if (!v.when_key.empty()) notes += ", when " + v.when_key + " = " + v.when_value;
    fmt::print("    {:<26} {:<8} {}\n", v.name, v.unit.empty() ? "-" : v.unit, notes);
  }
}

// The id column's width: the longest id of every list, so that codecs, metrics and per-set
// metrics line up (trajectory_error is 16 characters).
size_t id_width() {
  size_t width = 8;
  for (const Codec* c : all_codecs()) width = std::max(width, c->id().size());
  for (const MetricEntry& m : all_metrics()) width = std::max(width, m.descriptor->id.size());
  return width;
}

void print_items(const std::vector<Item>& items, bool verbose) {
  for (const Item& item : items) {
    fmt::print("{:<{}} version {:<40} {}\n", item.id, id_width(), item.version, item.description);
    if (verbose) print_params(*item.params);
    if (verbose && item.metric) print_values(*item.metric);
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
  cmd->add_flag("-v,--verbose", *verbose, "Also list every parameter and, for metrics, every value");
  cmd->add_flag("--markdown", *markdown, "Parameter tables in Markdown (as in docs/config.md)");
  cmd->callback([what, verbose, markdown, &exit_code] {
    if (*what == "codecs") {
      *markdown ? print_markdown(codec_items()) : print_items(codec_items(), *verbose);
    } else if (*markdown) {
      print_markdown(metric_items(false));
      print_markdown(metric_items(true));
    } else {
      print_items(metric_items(false), *verbose);
      fmt::print("per-set metrics (one value per codec and rate point, over every sequence):\n");
      print_items(metric_items(true), *verbose);
      // Loads LibTorch (about a second), so only when asked for details.
      if (*verbose) fmt::print("learned-metric backend: {}\n", learned_backend_status());
    }
    exit_code = 0;
  });
}

}  // namespace tgvc
