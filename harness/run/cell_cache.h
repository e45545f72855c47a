// The shared cell cache: a directory (`cache:` in the config, `--cache DIR` on `run`) that many
// runs, processes and users on one file system read and write, so that a cell computed once is
// never computed again. Content-addressed by the cell's key (cell_key.h) and, for bitstreams, by
// the encoder's inputs alone (encoder_inputs_hash), so entries need no names of their own.
//
// Layout (docs/cache.md):
//   cells/<key>/       result.json, decoded.png, source.png, entry.json (the bitstream key used)
//   bitstreams/<key>   one file: a JSON header line, then the bitstream bytes (bitstream_file.h)
//   locks/<name>.lock  claims of cells and bitstreams being computed
//   tmp/               entries being written, renamed into place when complete
//   hits.log           one line per entry read: "<unix time> cell|bitstream <key>"
//
// No partial entry is ever visible: a cell entry is written in tmp/ (every file fsynced) and the
// directory renamed into cells/ in one step; a bitstream file is written to a temporary in the
// same directory, fsynced and renamed. When two writers finish the same entry, the first rename
// wins and the second discards its copy (the contents are equal by construction).
//
// Claims: before computing an entry, a process takes an exclusive flock(2) on its lock file and
// looks again, so two processes never compute the same entry. The rule for a process that died:
// the kernel releases its locks with it (on NFS, when the server's lease expires), so a lock file
// that nobody holds is free and the next process simply takes it; nothing has to judge ages or
// process ids. The holder unlinks its lock file before releasing it, and a taker checks that the
// file it locked is still the one at the path, so a removed file can never be held twice.
#pragma once

#include <optional>
#include <string>

#include "harness/results/cell_result.h"

namespace tgvc {

// An exclusive claim of one entry; released (its lock file removed) when destroyed.
class CacheClaim {
 public:
  CacheClaim() = default;
  CacheClaim(int fd, std::string path, std::string name)
      : fd_(fd), path_(std::move(path)), name_(std::move(name)) {}
  CacheClaim(CacheClaim&& other) noexcept;
  CacheClaim& operator=(CacheClaim&& other) noexcept;
  CacheClaim(const CacheClaim&) = delete;
  CacheClaim& operator=(const CacheClaim&) = delete;
  ~CacheClaim();

  bool held() const { return fd_ >= 0; }

 private:
  void release();
  int fd_ = -1;
  std::string path_;
  std::string name_;
};

// A cell read from the cache: its result and where its stills lie.
struct CachedCell {
  CellResult result;
  std::string decoded_png;  // the decoded still (cells/<id>.png in a run directory)
  std::string source_png;   // the source frame of the same index
};

class CellCache {
 public:
  // Creates the directory and its layout when missing; throws Error when it cannot.
  explicit CellCache(std::string dir);

  const std::string& dir() const { return dir_; }

  // The stored cell of `key`, or nothing (absent, or unreadable: then it is computed again).
  // A hit is recorded in hits.log and refreshes the entry's last use (prune --older-than).
  std::optional<CachedCell> find_cell(const std::string& key) const;
  // Stores a finished cell (only ok results: a failure may be transient) with its two stills and
  // the key of the bitstream it decoded. An entry already there is kept.
  void store_cell(const std::string& key, const CellResult& result, const std::string& decoded_png,
                  const std::string& source_png, const std::string& bitstream_key) const;

  // The stored bitstream file of `key` (bitstream_file.h), or nothing; a hit is recorded.
  std::optional<std::string> find_bitstream(const std::string& key) const;
  void store_bitstream(const std::string& key, const std::string& file) const;

  // Claims `name` (a cell's or bitstream's key with a kind prefix). try_claim returns an unheld
  // claim when another thread or process holds it; claim waits for it.
  CacheClaim try_claim(const std::string& name) const;
  CacheClaim claim(const std::string& name) const;

 private:
  CacheClaim take(const std::string& name, bool wait) const;
  void record_hit(const char* kind, const std::string& key) const;

  std::string dir_;
};

}  // namespace tgvc
