// `tgvc-bench cache stats|list|prune`: what a shared cell cache (cell_cache.h) holds, entry by
// entry with the bitstream each cell decoded, and removing entries by age and by whether any run
// directory still refers to them.
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

// One cell entry of `cache list`.
struct CachedCellEntry {
  std::string key;        // the cell's key: its directory under cells/
  std::string cell_id;    // as the run that stored it named the cell
  std::string bitstream;  // the key of the bitstream it decoded (encoder inputs); empty: unknown
  // Its codec's decoder-only parameters (ParamSpec::decoder_only) as "key=value", in the table's
  // order: what tells apart the cells that decoded one bitstream.
  std::vector<std::string> decoder_params;
};

// One bitstream entry of `cache list`, keyed by the encoder's inputs alone.
struct CachedBitstreamEntry {
  std::string key;
  uint64_t bytes = 0;              // the file: header line and bitstream
  std::vector<std::string> cells;  // keys of the cell entries that decoded it
};

struct CacheListing {
  std::vector<CachedCellEntry> cells;  // in key order
  std::vector<CachedBitstreamEntry> bitstreams;
};

// Throws InputError when `dir` is not a cache directory; an unreadable entry is listed by its key.
CacheListing list_cache(const std::string& dir);

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
