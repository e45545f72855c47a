#include "harness/run/cache_maintenance.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "codecs/codec.h"
#include "harness/core/atomic_file.h"
#include "harness/core/error.h"
#include "harness/results/cell_json.h"

namespace tgvc {
namespace {

namespace fs = std::filesystem;

// A writer's temporary this old belongs to a process that died: writing one takes milliseconds.
constexpr double kStaleTemporaryS = 3600;

void require_cache(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(fs::path(dir) / "cells", ec) || !fs::is_directory(fs::path(dir) / "bitstreams", ec)) {
    throw InputError(dir, "a cell cache directory (with cells/ and bitstreams/)", "none");
  }
}

uint64_t bytes_under(const fs::path& path) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec)) return fs::file_size(path, ec);
  uint64_t total = 0;
  for (const auto& f : fs::recursive_directory_iterator(path, ec)) {
    if (f.is_regular_file(ec)) total += f.file_size(ec);
  }
  return total;
}

double age_s(const fs::path& path) {
  std::error_code ec;
  const auto written = fs::last_write_time(path, ec);
  if (ec) return 0;
  return std::chrono::duration<double>(fs::file_time_type::clock::now() - written).count();
}

// Whether some process holds the lock file; a free one is removed when `remove_free`.
bool lock_held(const fs::path& path, bool remove_free) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) return false;
  const bool held = ::flock(fd, LOCK_EX | LOCK_NB) != 0;
  if (!held && remove_free) {
    struct stat locked {
    }, current{};
    // Unlinked while held, so that a process that opened it before sees it gone (cell_cache.cc).
    if (::fstat(fd, &locked) == 0 && ::stat(path.c_str(), &current) == 0 && locked.st_ino == current.st_ino) {
      ::unlink(path.c_str());
    }
  }
  ::close(fd);
  return held;
}

std::set<std::string> referenced_keys(const std::vector<std::string>& run_dirs) {
  std::set<std::string> keys;
  for (const std::string& run : run_dirs) {
    const fs::path cells = fs::path(run) / "cells";
    std::error_code ec;
    if (!fs::is_directory(cells, ec)) throw InputError(run, "a run directory (with cells/)", "none");
    for (const auto& f : fs::directory_iterator(cells, ec)) {
      if (f.path().extension() != ".json") continue;
      try {
        const nlohmann::json j = nlohmann::json::parse(read_file(f.path().string()));
        keys.insert(j.at("inputs_hash").get<std::string>());
      } catch (const std::exception&) {
        // not a cell result: refers to nothing
      }
    }
  }
  return keys;
}

std::string bitstream_of(const fs::path& entry) {
  try {
    return nlohmann::json::parse(read_file((entry / "entry.json").string())).value("bitstream", "");
  } catch (const std::exception&) {
    return {};
  }
}

}  // namespace

double parse_age(const std::string& text, const std::string& where) {
  const std::string expected = "an age such as 30d, 12h, 45m, 90s or seconds";
  if (text.empty()) throw InputError(where, expected, "nothing");
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  const std::string unit(end);
  double scale = 0;
  if (unit.empty() || unit == "s") scale = 1;
  if (unit == "m") scale = 60;
  if (unit == "h") scale = 3600;
  if (unit == "d") scale = 86400;
  if (end == text.c_str() || scale == 0 || !(value >= 0)) throw InputError(where, expected, "'" + text + "'");
  return value * scale;
}

CacheStats cache_stats(const std::string& dir) {
  require_cache(dir);
  CacheStats s;
  std::error_code ec;
  for (const auto& f : fs::directory_iterator(fs::path(dir) / "cells", ec)) {
    ++s.cells;
    s.cell_bytes += bytes_under(f.path());
  }
  for (const auto& f : fs::directory_iterator(fs::path(dir) / "bitstreams", ec)) {
    if (f.path().filename().string().find(".tmp.") != std::string::npos) {
      ++s.temporaries;
      continue;
    }
    ++s.bitstreams;
    s.bitstream_bytes += bytes_under(f.path());
  }
  for (const auto& f : fs::directory_iterator(fs::path(dir) / "tmp", ec)) {
    (void)f;
    ++s.temporaries;
  }
  for (const auto& f : fs::directory_iterator(fs::path(dir) / "locks", ec)) {
    s.claims_held += lock_held(f.path(), false) ? 1 : 0;
  }
  std::ifstream hits(fs::path(dir) / "hits.log");
  for (std::string line; std::getline(hits, line);) {
    std::istringstream fields(line);
    std::string time, kind;
    fields >> time >> kind;
    s.cell_hits += kind == "cell" ? 1 : 0;
    s.bitstream_hits += kind == "bitstream" ? 1 : 0;
  }
  return s;
}

CacheListing list_cache(const std::string& dir) {
  require_cache(dir);
  CacheListing listing;
  std::error_code ec;
  std::map<std::string, std::vector<std::string>> decoded_by;
  for (const auto& f : fs::directory_iterator(fs::path(dir) / "cells", ec)) {
    CachedCellEntry entry;
    entry.key = f.path().filename().string();
    entry.bitstream = bitstream_of(f.path());
    try {
      const CellResult r =
          cell_from_json(nlohmann::json::parse(read_file((f.path() / "result.json").string())),
                         (f.path() / "result.json").string());
      entry.cell_id = r.cell_id;
      if (const Codec* codec = find_codec(r.codec_type)) {
        for (const ParamSpec& spec : codec->param_specs()) {
          const auto value = r.params.find(spec.key);
          if (spec.decoder_only && value != r.params.end())
            entry.decoder_params.push_back(spec.key + "=" + value->second);
        }
      }
    } catch (const std::exception&) {
      // removed by prune while read, or damaged: listed by its key alone
    }
    if (!entry.bitstream.empty()) decoded_by[entry.bitstream].push_back(entry.key);
    listing.cells.push_back(std::move(entry));
  }
  for (const auto& f : fs::directory_iterator(fs::path(dir) / "bitstreams", ec)) {
    CachedBitstreamEntry entry;
    entry.key = f.path().filename().string();
    if (entry.key.find(".tmp.") != std::string::npos) continue;
    entry.bytes = bytes_under(f.path());
    entry.cells = decoded_by[entry.key];
    std::sort(entry.cells.begin(), entry.cells.end());
    listing.bitstreams.push_back(std::move(entry));
  }
  const auto by_key = [](const auto& a, const auto& b) { return a.key < b.key; };
  std::sort(listing.cells.begin(), listing.cells.end(), by_key);
  std::sort(listing.bitstreams.begin(), listing.bitstreams.end(), by_key);
  return listing;
}

PruneReport prune_cache(const std::string& dir, const PruneOptions& options) {
  require_cache(dir);
  if (!options.older_than_s && !options.referenced_by) {
    throw InputError("cache prune", "--older-than AGE and/or --unreferenced RUN_DIR...", "neither");
  }
  std::optional<std::set<std::string>> referenced;
  if (options.referenced_by) referenced = referenced_keys(*options.referenced_by);
  const auto goes = [&](const fs::path& entry, bool is_referenced) {
    if (options.older_than_s && age_s(entry) <= *options.older_than_s) return false;
    if (referenced && is_referenced) return false;
    return true;
  };

  PruneReport report;
  std::error_code ec;
  std::set<std::string> kept_bitstreams;
  std::vector<fs::path> cell_entries;
  for (const auto& f : fs::directory_iterator(fs::path(dir) / "cells", ec)) cell_entries.push_back(f.path());
  int removed = 0;
  for (const fs::path& entry : cell_entries) {
    const std::string key = entry.filename().string();
    if (!goes(entry, referenced && referenced->count(key) != 0)) {
      kept_bitstreams.insert(bitstream_of(entry));
      continue;
    }
    ++report.cells;
    report.bytes += bytes_under(entry);
    if (options.dry_run) continue;
    // Out of cells/ in one step, so that a reader sees the whole entry or none of it.
    const fs::path doomed = fs::path(dir) / "tmp" /
                            (key + ".pruned." + std::to_string(::getpid()) + "." + std::to_string(removed++));
    fs::rename(entry, doomed, ec);
    if (!ec) fs::remove_all(doomed, ec);
  }
  for (const auto& f : fs::directory_iterator(fs::path(dir) / "bitstreams", ec)) {
    const std::string key = f.path().filename().string();
    if (key.find(".tmp.") != std::string::npos) continue;
    if (!goes(f.path(), kept_bitstreams.count(key) != 0)) continue;
    ++report.bitstreams;
    report.bytes += bytes_under(f.path());
    if (!options.dry_run) fs::remove(f.path(), ec);
  }
  if (options.dry_run) return report;
  for (const auto& f : fs::directory_iterator(fs::path(dir) / "tmp", ec)) {
    if (age_s(f.path()) < kStaleTemporaryS) continue;
    ++report.temporaries;
    fs::remove_all(f.path(), ec);
  }
  for (const auto& f : fs::directory_iterator(fs::path(dir) / "bitstreams", ec)) {
    if (f.path().filename().string().find(".tmp.") == std::string::npos) continue;
    if (age_s(f.path()) < kStaleTemporaryS) continue;
    ++report.temporaries;
    fs::remove(f.path(), ec);
  }
  for (const auto& f : fs::directory_iterator(fs::path(dir) / "locks", ec)) {
    if (!lock_held(f.path(), true)) ++report.temporaries;
  }
  return report;
}

}  // namespace tgvc
