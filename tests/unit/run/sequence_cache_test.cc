#include "harness/run/sequence_cache.h"

#include <thread>

#include <gtest/gtest.h>

#include "harness/core/error.h"

namespace tgvc {
namespace {

Experiment two_sequences() {
  return parse_experiment(R"(experiment: c
frames: {start: 2, count: 3}
datasets:
  - synthetic: {name: a, width: 64, height: 48, frames: 10}
  - synthetic: {name: short, width: 64, height: 48, frames: 4}
codecs: [{type: raw}]
)",
                          "c.yaml");
}

TEST(SequenceCache, LoadsOnceSharesAndAppliesTheFrameRange) {
  const Experiment e = two_sequences();
  SequenceCache cache(e, {3, 1});
  std::vector<std::shared_ptr<const Video>> got(3);
  std::vector<double> load_s(3);
  bool loaded[3] = {false, false, false};
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i) threads.emplace_back([&, i] { got[i] = cache.acquire(0, &loaded[i], &load_s[i]); });
  for (auto& t : threads) t.join();
  EXPECT_EQ(got[0].get(), got[1].get());
  EXPECT_EQ(got[1].get(), got[2].get());
  EXPECT_EQ(got[0]->frame_count(), 3);
  // Exactly one caller did the loading.
  EXPECT_EQ(loaded[0] + loaded[1] + loaded[2], 1);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(load_s[i] > 0, loaded[i]);
  // Frame 0 of the range is frame 2 of the sequence.
  const SyntheticSequence generator(e.sequences[0].synthetic_spec);
  EXPECT_EQ(got[0]->frames[0].planes[0].samples, generator.render(2).planes[0].samples);
}

TEST(SequenceCache, LoadErrorReachesEveryCaller) {
  const Experiment e = two_sequences();
  SequenceCache cache(e, {0, 2});
  double load_s = 0;
  bool loaded = false;
  // Frames 2..4 of a 4-frame sequence do not exist.
  EXPECT_THROW(cache.acquire(1, &loaded, &load_s), InputError);
  EXPECT_THROW(cache.acquire(1, &loaded, &load_s), InputError);
}

}  // namespace
}  // namespace tgvc
