// Per-frame results that accumulators receive in any order and from several threads, read back in
// frame order once every frame is in: pooling in frame order keeps sums bit-identical however the
// frames were scheduled.
#pragma once

#include <cassert>
#include <mutex>
#include <optional>
#include <vector>

namespace tgvc {

template <class T>
class FrameSlots {
 public:
  // Stores frame `index`'s result. Thread-safe; each index once.
  void set(int index, T value) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (slots_.size() <= static_cast<size_t>(index)) slots_.resize(static_cast<size_t>(index) + 1);
    assert(!slots_[index].has_value());
    slots_[index] = std::move(value);
  }

  // Every result, frame 0 first. Frames 0..n-1 must all be set (the caller fed them all).
  std::vector<T> take_in_order() {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<T> out;
    out.reserve(slots_.size());
    for (std::optional<T>& slot : slots_) {
      assert(slot.has_value());
      out.push_back(std::move(*slot));
    }
    slots_.clear();
    return out;
  }

 private:
  std::mutex mutex_;
  std::vector<std::optional<T>> slots_;
};

}  // namespace tgvc
