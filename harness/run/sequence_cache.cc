#include "harness/run/sequence_cache.h"

#include <chrono>

#include "datasets/synthetic/synthetic_sequence.h"
#include "harness/core/error.h"
#include "harness/io/resize.h"

namespace tgvc {

Video load_sequence(const SequenceSpec& sequence, const FrameRange& frames,
                    const std::optional<ResizeSpec>& resize) {
  if (sequence.synthetic) {
    const SyntheticSequence generator(sequence.synthetic_spec);
    const int available = sequence.synthetic_spec.frame_count - frames.start;
    const int count = frames.count > 0 ? frames.count : available;
    if (available <= 0 || count > available) {
      throw InputError(
          sequence.pos.str() + ": synthetic sequence '" + sequence.name + "'",
          "frames " + std::to_string(frames.start) + ".." + std::to_string(frames.start + count - 1),
          std::to_string(sequence.synthetic_spec.frame_count) + " frames");
    }
    return generator.render_range(frames.start, count);
  }
  Video video = read_video(sequence.path, frames, sequence.raw);
  if (resize && (video.info.width != resize->width || video.info.height != resize->height)) {
    video = resize_video(video, resize->width, resize->height, resize->mode, resize->filter);
  }
  return video;
}

SequenceCache::SequenceCache(const Experiment& experiment, std::vector<int> uses)
    : experiment_(experiment), entries_(uses.size()) {
  for (size_t i = 0; i < uses.size(); ++i) entries_[i].remaining = uses[i];
}

std::shared_ptr<const Video> SequenceCache::acquire(size_t sequence, bool* loaded_here, double* load_s) {
  std::promise<std::shared_ptr<const Video>> promise;
  bool load_here = false;
  std::shared_future<std::shared_ptr<const Video>> future;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    Entry& entry = entries_[sequence];
    if (!entry.started) {
      entry.started = true;
      entry.video = promise.get_future().share();
      load_here = true;
    }
    future = entry.video;
  }
  *load_s = 0;
  *loaded_here = load_here;
  if (load_here) {
    const auto start = std::chrono::steady_clock::now();
    try {
      promise.set_value(std::make_shared<const Video>(
          load_sequence(experiment_.sequences[sequence], experiment_.frames, experiment_.resize)));
    } catch (...) {
      promise.set_exception(std::current_exception());
    }
    *load_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  }
  return future.get();  // rethrows a load error
}

void SequenceCache::release(size_t sequence) {
  std::lock_guard<std::mutex> lock(mutex_);
  Entry& entry = entries_[sequence];
  if (--entry.remaining == 0) {
    entry.video = {};
    entry.prepared.clear();
  }
}

std::shared_ptr<const PreparedSource> SequenceCache::prepared(
    size_t sequence, const std::string& key,
    const std::function<std::shared_ptr<const PreparedSource>()>& make) {
  std::promise<std::shared_ptr<const PreparedSource>> promise;
  bool make_here = false;
  SharedPrepared future;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto [it, inserted] = entries_[sequence].prepared.try_emplace(key);
    if (inserted) {
      it->second = promise.get_future().share();
      make_here = true;
    }
    future = it->second;
  }
  if (make_here) {
    try {
      promise.set_value(make());
    } catch (...) {
      promise.set_exception(std::current_exception());
    }
  }
  return future.get();  // rethrows the error of make
}

bool SequenceCache::first_still(size_t sequence, int frame) {
  std::lock_guard<std::mutex> lock(mutex_);
  return stills_.emplace(sequence, frame).second;
}

}  // namespace tgvc
