#include "harness/run/bitstream_store.h"

#include <chrono>

namespace tgvc {

const char* to_string(BitstreamOrigin origin) {
  switch (origin) {
    case BitstreamOrigin::kRun:
      return "run";
    case BitstreamOrigin::kCache:
      return "cache";
    case BitstreamOrigin::kEncodedHere:
      break;
  }
  return "";
}

BitstreamStore::BitstreamStore(std::map<std::string, int> uses, const CellCache* shared) : shared_(shared) {
  for (const auto& [key, count] : uses) entries_[key].remaining = count;
}

std::shared_ptr<const StoredBitstream> BitstreamStore::load_or_encode(const std::string& key,
                                                                      const std::function<Encoded()>& encode,
                                                                      BitstreamOrigin* origin) {
  const auto from_cache = [&]() -> std::shared_ptr<const StoredBitstream> {
    if (!shared_) return nullptr;
    const std::optional<std::string> file = shared_->find_bitstream(key);
    if (!file) return nullptr;
    try {
      return std::make_shared<const StoredBitstream>(
          bitstream_from_file(*file, shared_->dir() + "/bitstreams/" + key));
    } catch (const std::exception&) {
      return nullptr;  // damaged: encoded again and overwritten
    }
  };
  if (auto cached = from_cache()) {
    *origin = BitstreamOrigin::kCache;
    return cached;
  }
  // Another process may be encoding the same bitstream: wait for it rather than encode twice.
  CacheClaim claim;
  if (shared_) {
    try {
      claim = shared_->claim("bitstream-" + key);
    } catch (const std::exception&) {
      // no lock file can be made: encode unclaimed
    }
    if (auto cached = from_cache()) {
      *origin = BitstreamOrigin::kCache;
      return cached;
    }
  }
  const auto start = std::chrono::steady_clock::now();
  StoredBitstream made;
  made.encoded = encode();
  made.encode_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  {
    std::lock_guard<std::mutex> lock(mutex_);
    ++encodes_;
  }
  if (shared_) {
    try {
      shared_->store_bitstream(key, bitstream_to_file(made));
    } catch (const std::exception&) {
      // not stored: a later run encodes it again; this cell has its bitstream
    }
  }
  *origin = BitstreamOrigin::kEncodedHere;
  return std::make_shared<const StoredBitstream>(std::move(made));
}

std::shared_ptr<const StoredBitstream> BitstreamStore::get(const std::string& key,
                                                           const std::function<Encoded()>& encode,
                                                           BitstreamOrigin* origin, double* wait_s) {
  const auto start = std::chrono::steady_clock::now();
  std::promise<std::shared_ptr<const StoredBitstream>> promise;
  std::shared_future<std::shared_ptr<const StoredBitstream>> future;
  bool make_here = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    Entry& entry = entries_[key];
    if (!entry.started) {
      entry.started = true;
      entry.value = promise.get_future().share();
      make_here = true;
    }
    future = entry.value;
  }
  *origin = BitstreamOrigin::kRun;
  if (make_here) {
    try {
      promise.set_value(load_or_encode(key, encode, origin));
    } catch (...) {
      promise.set_exception(std::current_exception());
    }
  }
  std::shared_ptr<const StoredBitstream> value = future.get();  // rethrows the encode's error
  *wait_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return value;
}

void BitstreamStore::release(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end()) return;
  if (--it->second.remaining <= 0) entries_.erase(it);
}

int BitstreamStore::encodes() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return encodes_;
}

}  // namespace tgvc
