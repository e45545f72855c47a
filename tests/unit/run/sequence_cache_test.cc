#include "harness/run/sequence_cache.h"

#include <atomic>
#include <chrono>
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
  for (int i = 0; i < 3; ++i)
    threads.emplace_back([&, i] { got[i] = cache.acquire(0, &loaded[i], &load_s[i]); });
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

struct Marker final : PreparedSource {
  explicit Marker(int v) : value(v) {}
  int value;
};

// What metrics prepare from a source is made once per sequence and key, even when cells ask at
// the same time, kept apart for other keys and sequences, and freed with the sequence.
TEST(SequenceCache, PreparedSourcesAreMadeOncePerKeyAndFreedWithTheSequence) {
  const Experiment e = two_sequences();
  SequenceCache cache(e, {3, 1});
  std::atomic<int> made{0};
  const auto make = [&](int value) {
    return [&made, value] {
      ++made;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));  // the others arrive meanwhile
      return std::make_shared<const Marker>(value);
    };
  };
  std::vector<std::shared_ptr<const PreparedSource>> got(3);
  std::vector<std::thread> threads;
  for (int i = 0; i < 3; ++i) {
    threads.emplace_back([&, i] {
      bool loaded = false;
      double load_s = 0;
      cache.acquire(0, &loaded, &load_s);
      got[i] = cache.prepared(0, "m: grid 16", make(i));
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(made, 1);
  EXPECT_EQ(got[0].get(), got[1].get());
  EXPECT_EQ(got[1].get(), got[2].get());

  const auto other_key = cache.prepared(0, "m: grid 8", make(7));
  EXPECT_EQ(made, 2);
  EXPECT_EQ(dynamic_cast<const Marker&>(*other_key).value, 7);
  const auto other_sequence = cache.prepared(1, "m: grid 16", make(8));
  EXPECT_EQ(made, 3);
  EXPECT_EQ(dynamic_cast<const Marker&>(*other_sequence).value, 8);

  const std::weak_ptr<const PreparedSource> kept = got[0];
  got.clear();
  EXPECT_EQ(other_key.use_count(), 2);                                           // here and in the cache
  EXPECT_EQ(cache.prepared(0, "m: grid 16", make(9)).get(), kept.lock().get());  // still there
  cache.release(0);
  cache.release(0);
  EXPECT_FALSE(kept.expired());  // a third cell of the sequence is still running
  cache.release(0);
  EXPECT_TRUE(kept.expired());
  EXPECT_EQ(other_key.use_count(), 1);
}

TEST(SequenceCache, PreparationErrorReachesEveryCaller) {
  const Experiment e = two_sequences();
  SequenceCache cache(e, {2, 0});
  int made = 0;
  const auto fail = [&]() -> std::shared_ptr<const PreparedSource> {
    ++made;
    throw InputError("source", "something trackable");
  };
  EXPECT_THROW(cache.prepared(0, "k", fail), InputError);
  EXPECT_THROW(cache.prepared(0, "k", fail), InputError);
  EXPECT_EQ(made, 1);
}

}  // namespace
}  // namespace tgvc
