// `tgvc-bench cache stats|prune`: what a shared cell cache (cell_cache.h) holds, and removing
// entries by age and by whether any run directory still refers to them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace tgvc {

struct CacheStats {
  int cells = 0;  // finished cell entries
  int bitstreams = 0;
  uint64_t cell_bytes = 0;  // file sizes, summed
  uint64_t bitstream_bytes = 0;
  int cell_hits = 0;  // reads recorded in hits.log
  int bitstream_hits = 0;
  int claims_held = 0;  // cells and bitstreams being computed now
  int temporaries = 0;  // entries being written, or left by a writer that died
};

// Throws InputError when `dir` is not a cache directory.
CacheStats cache_stats(const std::string& dir);

struct PruneOptions {
  // Remove entries not written or read for longer than this many seconds.
  std::optional<double> older_than_s;
  // Remove cell entries that no cells/*.json of these run directories refers to (by its
  // inputs_hash), and bitstreams that no kept cell entry names. With older_than_s too, an entry
  // goes only when it is both old and unreferenced.
  std::optional<std::vector<std::string>> referenced_by;
  bool dry_run = false;  // count what would go, remove nothing
};

struct PruneReport {
  int cells = 0;
  int bitstreams = 0;
  uint64_t bytes = 0;
  int temporaries = 0;  // writers' leftovers older than an hour, and lock files nobody holds
};

// Throws InputError when `dir` is not a cache directory or a run directory cannot be read.
PruneReport prune_cache(const std::string& dir, const PruneOptions& options);

// "30d", "12h", "45m", "90s" or a plain number of seconds; throws InputError naming `where`.
double parse_age(const std::string& text, const std::string& where);

}  // namespace tgvc
