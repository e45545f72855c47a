#include "harness/cli/paired_reader.h"

#include <fmt/format.h>

#include "harness/core/error.h"

namespace tgvc {

int PairedReader::next(Frame* ref, Frame* dist) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (stopped_) return -1;
  try {
    const bool has_ref = ref_.next(ref);
    const bool has_dist = dist_.next(dist);
    if (has_ref != has_dist) throw_ended_early(!has_ref);
    if (!has_ref) {
      stopped_ = true;
      return -1;
    }
  } catch (...) {
    stopped_ = true;
    throw;
  }
  return read_++;
}

void PairedReader::stop() {
  std::lock_guard<std::mutex> lock(mutex_);
  stopped_ = true;
}

int PairedReader::pairs_read() {
  std::lock_guard<std::mutex> lock(mutex_);
  return read_;
}

void PairedReader::throw_ended_early(bool ref_ended) {
  FrameReader& shorter = ref_ended ? ref_ : dist_;
  FrameReader& longer = ref_ended ? dist_ : ref_;
  int long_total = read_ + 1;  // the frame the longer one just read
  Frame scratch;
  while (longer.next(&scratch)) ++long_total;
  throw InputError(shorter.path(),
                   fmt::format("{} frames, as many as the {} ({}) has", long_total,
                               ref_ended ? "distorted video" : "reference", longer.path()),
                   fmt::format("{} frames (it ends early)", read_));
}

}  // namespace tgvc
