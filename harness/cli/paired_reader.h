// Two inputs read in step, one frame pair at a time, by several threads: `measure` reads and
// measures in the same workers, so that one reads while the others measure.
#pragma once

#include <mutex>

#include "harness/core/frame.h"
#include "harness/io/frame_reader.h"

namespace tgvc {

class PairedReader {
 public:
  // Keeps references: the readers must outlive this.
  PairedReader(FrameReader& ref, FrameReader& dist) : ref_(ref), dist_(dist) {}

  // Reads the next pair into *ref and *dist; returns its index (0 for the first pair read), or -1
  // once both inputs are done or after stop(). Throws InputError naming the file that ends first
  // when one input has fewer frames than the other (and InputError of a reader). Thread-safe: pairs
  // are read one at a time, so indices follow the files' order.
  int next(Frame* ref, Frame* dist);

  // Makes every later next() return -1: a worker failed, the others stop reading.
  void stop();

  // Pairs read so far.
  int pairs_read();

 private:
  [[noreturn]] void throw_ended_early(bool ref_ended);

  FrameReader& ref_;
  FrameReader& dist_;
  std::mutex mutex_;
  int read_ = 0;
  bool stopped_ = false;
};

}  // namespace tgvc
