// `tgvc-bench cache stats DIR`, `cache list DIR` and `cache prune DIR`: the shared cell cache.
#include <fmt/format.h>

#include "harness/cli/commands.h"
#include "harness/run/cache_maintenance.h"

namespace tgvc {
namespace {

std::string megabytes(uint64_t bytes) {
  return fmt::format("{:.1f} MB", static_cast<double>(bytes) / 1e6);
}

}  // namespace

void add_cache_command(CLI::App& app, int& exit_code) {
  CLI::App* cmd = app.add_subcommand("cache", "Inspect or prune a shared cell cache (run --cache DIR)");
  cmd->require_subcommand(1);

  auto stats_dir = std::make_shared<std::string>();
  CLI::App* stats = cmd->add_subcommand("stats", "Entries, bytes and recorded hits of a cache directory");
  stats->add_option("dir", *stats_dir, "Cache directory")->required();
  stats->callback([stats_dir, &exit_code] {
    const CacheStats s = cache_stats(*stats_dir);
    fmt::print("cells: {} entries, {}, {} hits\n", s.cells, megabytes(s.cell_bytes), s.cell_hits);
    fmt::print("bitstreams: {} entries, {}, {} hits\n", s.bitstreams, megabytes(s.bitstream_bytes),
               s.bitstream_hits);
    fmt::print("being computed: {}; temporaries: {}\n", s.claims_held, s.temporaries);
    exit_code = 0;
  });

  auto list_dir = std::make_shared<std::string>();
  auto verbose = std::make_shared<bool>(false);
  CLI::App* list = cmd->add_subcommand(
      "list", "Every bitstream with the cells that decoded it, and every cell with its bitstream");
  list->add_option("dir", *list_dir, "Cache directory")->required();
  list->add_flag("-v,--verbose", *verbose,
                 "Whole keys, and each cell's decoder-only parameters (what tells apart the cells that "
                 "share one bitstream)");
  list->callback([list_dir, verbose, &exit_code] {
    const CacheListing l = list_cache(*list_dir);
    // 12 hex digits tell entries apart in a listing; --verbose gives the whole key.
    const auto key = [&](const std::string& k) { return *verbose ? k : k.substr(0, 12); };
    fmt::print("bitstreams: {}\n", l.bitstreams.size());
    for (const CachedBitstreamEntry& b : l.bitstreams) {
      fmt::print("  {}  {} bytes, decoded by {} cell{}\n", key(b.key), b.bytes, b.cells.size(),
                 b.cells.size() == 1 ? "" : "s");
    }
    fmt::print("cells: {}\n", l.cells.size());
    for (const CachedCellEntry& c : l.cells) {
      fmt::print("  {}  {}  bitstream {}\n", key(c.key), c.cell_id.empty() ? "(unreadable)" : c.cell_id,
                 c.bitstream.empty() ? "(unknown)" : key(c.bitstream));
      if (*verbose && !c.decoder_params.empty())
        fmt::print("      decoder only: {}\n", fmt::join(c.decoder_params, ", "));
    }
    exit_code = 0;
  });

  struct PruneArgs {
    std::string dir;
    std::string older_than;
    std::vector<std::string> unreferenced;
    bool dry_run = false;
  };
  auto args = std::make_shared<PruneArgs>();
  CLI::App* prune = cmd->add_subcommand(
      "prune", "Remove entries unused for a while and/or that no given run directory refers to");
  prune->add_option("dir", args->dir, "Cache directory")->required();
  prune->add_option("--older-than", args->older_than,
                    "Entries not written or read for this long: 30d, 12h, 45m, 90s");
  prune
      ->add_option("--unreferenced", args->unreferenced,
                   "Entries that no cell of these run directories refers to (with --older-than: only "
                   "those also old)")
      ->expected(1, -1);
  prune->add_flag("--dry-run", args->dry_run, "Count what would go; remove nothing");
  prune->callback([args, &exit_code] {
    PruneOptions options;
    if (!args->older_than.empty()) options.older_than_s = parse_age(args->older_than, "--older-than");
    if (!args->unreferenced.empty()) options.referenced_by = args->unreferenced;
    options.dry_run = args->dry_run;
    const PruneReport r = prune_cache(args->dir, options);
    fmt::print("{} {} cells and {} bitstreams ({}); {} stale temporaries and free locks removed\n",
               args->dry_run ? "would remove" : "removed", r.cells, r.bitstreams, megabytes(r.bytes),
               r.temporaries);
    exit_code = 0;
  });
}

}  // namespace tgvc
