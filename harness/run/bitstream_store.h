// Encode once per bitstream: cells whose encoder inputs are equal (codec entries that differ only
// in decoder-only parameters, e.g. T-GVC's generator) share one encode, within a run and, with a
// shared cache, across runs. Each cell then decodes it with its own decoder options.
#pragma once

#include <functional>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "harness/run/bitstream_file.h"
#include "harness/run/cell_cache.h"

namespace tgvc {

// Where a cell's bitstream came from; the words are CellTiming::encode_from's.
enum class BitstreamOrigin { kEncodedHere, kRun, kCache };
const char* to_string(BitstreamOrigin origin);  // "", "run", "cache"

class BitstreamStore {
 public:
  // `uses`: how many cells will ask for each key; `shared`: the shared cache, or null.
  BitstreamStore(std::map<std::string, int> uses, const CellCache* shared);

  // The bitstream of `key`: made by an earlier (or concurrent) request of this run, read from the
  // shared cache, or made by `encode` here (timed; stored in the shared cache). Concurrent
  // callers wait for the one encode; an encode error is rethrown to every caller of this run.
  // `wait_s`: the wall time this call spent (the encode, a wait for another cell's, or a read).
  std::shared_ptr<const StoredBitstream> get(const std::string& key, const std::function<Encoded()>& encode,
                                             BitstreamOrigin* origin, double* wait_s);
  // Once per cell that asked for (or would have asked for) `key`; the last one frees it.
  void release(const std::string& key);

  int encodes() const;  // encodes run by this store

 private:
  std::shared_ptr<const StoredBitstream> load_or_encode(const std::string& key,
                                                        const std::function<Encoded()>& encode,
                                                        BitstreamOrigin* origin);

  struct Entry {
    std::shared_future<std::shared_ptr<const StoredBitstream>> value;
    int remaining = 0;
    bool started = false;
  };
  std::map<std::string, Entry> entries_;
  const CellCache* shared_;
  int encodes_ = 0;
  mutable std::mutex mutex_;
};

}  // namespace tgvc
