// The shared cell cache (harness/run/cell_cache.h, cache_maintenance.h): entries appear whole or
// not at all, a claim keeps a second computer out until its holder is done or dies, and stats and
// prune see what is there.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "harness/core/atomic_file.h"
#include "harness/core/error.h"
#include "harness/results/cell_json.h"
#include "harness/run/cache_maintenance.h"
#include "harness/run/cell_cache.h"

namespace tgvc {
namespace {

namespace fs = std::filesystem;

class CellCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("tgvc_cell_cache_" + std::to_string(::getpid()) + "_" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
    write_file_atomically((root_ / "decoded.png").string(), "decoded-png-bytes");
    write_file_atomically((root_ / "source.png").string(), "source-png-bytes");
  }
  void TearDown() override { fs::remove_all(root_); }

  CellResult result(const std::string& key, double psnr) const {
    CellResult r;
    r.cell_id = "d__s__c__" + key.substr(0, 4);
    r.inputs_hash = key;
    r.dataset = "d";
    r.sequence = "s";
    r.codec = "c";
    r.codec_type = "raw";
    r.codec_version = "1";
    r.rate_point = "r";
    r.frames = 4;
    r.bits = 1234;
    r.bpp = psnr / 1000;
    r.still_frame = 2;
    return r;
  }

  void store(const CellCache& cache, const std::string& key, double psnr,
             const std::string& bitstream = "b") {
    cache.store_cell(key, result(key, psnr), (root_ / "decoded.png").string(),
                     (root_ / "source.png").string(), bitstream);
  }

  fs::path root_;
};

TEST_F(CellCacheTest, AStoredCellReadsBackWithItsStillsAndTheFirstWriterWins) {
  const CellCache cache((root_ / "cache").string());
  EXPECT_FALSE(cache.find_cell("k1"));
  store(cache, "k1", 30);
  store(cache, "k1", 99);  // a second writer of the same key: discarded
  const std::optional<CachedCell> hit = cache.find_cell("k1");
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->result.inputs_hash, "k1");
  EXPECT_EQ(hit->result.bits, 1234u);
  EXPECT_DOUBLE_EQ(hit->result.bpp, 0.03);
  EXPECT_EQ(read_file(hit->decoded_png), "decoded-png-bytes");
  EXPECT_EQ(read_file(hit->source_png), "source-png-bytes");
  // Nothing half-written is left: both writers went through tmp/ and the loser cleaned up.
  EXPECT_TRUE(fs::is_empty(root_ / "cache" / "tmp"));
}

TEST_F(CellCacheTest, AnEntryWhoseResultDoesNotMatchItsKeyOrLacksAStillIsAMiss) {
  const CellCache cache((root_ / "cache").string());
  store(cache, "k2", 30);
  fs::rename(root_ / "cache" / "cells" / "k2", root_ / "cache" / "cells" / "k3");  // moved by hand
  EXPECT_FALSE(cache.find_cell("k3"));
  store(cache, "k4", 30);
  fs::remove(root_ / "cache" / "cells" / "k4" / "source.png");
  EXPECT_FALSE(cache.find_cell("k4"));
}

TEST_F(CellCacheTest, AClaimKeepsOthersOutUntilReleasedAndAWaiterThenGetsIt) {
  const CellCache cache((root_ / "cache").string());
  CacheClaim first = cache.try_claim("cell-a");
  ASSERT_TRUE(first.held());
  EXPECT_FALSE(cache.try_claim("cell-a").held());
  EXPECT_TRUE(cache.try_claim("cell-b").held());  // other entries are free
  bool got = false;
  std::thread waiter([&] { got = cache.claim("cell-a").held(); });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_FALSE(got);
  first = CacheClaim();
  waiter.join();
  EXPECT_TRUE(got);
}

// The stale-claim rule: a claim dies with its process, so nothing waits for a dead computer.
TEST_F(CellCacheTest, AClaimOfAnotherProcessHoldsWhileItLivesAndIsFreeOnceItIsKilled) {
  const std::string dir = (root_ / "cache").string();
  const CellCache cache(dir);
  int ready[2];
  ASSERT_EQ(::pipe(ready), 0);
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    const CacheClaim held = CellCache(dir).try_claim("cell-x");
    const char byte = held.held() ? '1' : '0';
    (void)!::write(ready[1], &byte, 1);
    for (;;) ::pause();
  }
  char byte = 0;
  ASSERT_EQ(::read(ready[0], &byte, 1), 1);
  ASSERT_EQ(byte, '1');
  EXPECT_FALSE(cache.try_claim("cell-x").held());
  ::kill(child, SIGKILL);
  ::waitpid(child, nullptr, 0);
  EXPECT_TRUE(cache.try_claim("cell-x").held());
  ::close(ready[0]);
  ::close(ready[1]);
}

TEST_F(CellCacheTest, StatsCountEntriesBytesHitsAndClaims) {
  const CellCache cache((root_ / "cache").string());
  store(cache, "k1", 30);
  store(cache, "k2", 31);
  cache.store_bitstream("b1", "0123456789");
  ASSERT_TRUE(cache.find_cell("k1"));
  ASSERT_TRUE(cache.find_cell("k1"));
  ASSERT_TRUE(cache.find_bitstream("b1"));
  const CacheClaim claim = cache.try_claim("cell-k9");
  const CacheStats s = cache_stats((root_ / "cache").string());
  EXPECT_EQ(s.cells, 2);
  EXPECT_EQ(s.bitstreams, 1);
  EXPECT_EQ(s.bitstream_bytes, 10u);
  EXPECT_GT(s.cell_bytes, 2 * (17u + 16u));  // both stills of both entries, and their JSON
  EXPECT_EQ(s.cell_hits, 2);
  EXPECT_EQ(s.bitstream_hits, 1);
  EXPECT_EQ(s.claims_held, 1);
  EXPECT_THROW(cache_stats((root_ / "not-a-cache").string()), InputError);
}

TEST_F(CellCacheTest, PruneByAgeByReferenceAndByBothWithADryRunThatRemovesNothing) {
  const std::string dir = (root_ / "cache").string();
  const CellCache cache(dir);
  store(cache, "old_kept", 1, "bs_kept");
  store(cache, "old_free", 2, "bs_free");
  store(cache, "new_free", 3, "bs_new");
  cache.store_bitstream("bs_kept", "x");
  cache.store_bitstream("bs_free", "y");
  cache.store_bitstream("bs_new", "z");
  const auto two_days_ago = fs::file_time_type::clock::now() - std::chrono::hours(48);
  for (const char* old : {"cells/old_kept", "cells/old_free", "bitstreams/bs_kept", "bitstreams/bs_free"}) {
    fs::last_write_time(fs::path(dir) / old, two_days_ago);
  }
  // A run directory that still refers to old_kept.
  fs::create_directories(root_ / "run" / "cells");
  write_file_atomically((root_ / "run" / "cells" / "a.json").string(),
                        cell_to_json(result("old_kept", 1)).dump());

  PruneOptions both;
  both.older_than_s = parse_age("1d", "--older-than");
  both.referenced_by = std::vector<std::string>{(root_ / "run").string()};
  both.dry_run = true;
  PruneReport r = prune_cache(dir, both);
  EXPECT_EQ(r.cells, 1);  // old and unreferenced: old_free only
  EXPECT_EQ(r.bitstreams, 1);
  EXPECT_EQ(cache_stats(dir).cells, 3);  // dry run
  both.dry_run = false;
  r = prune_cache(dir, both);
  EXPECT_EQ(r.cells, 1);
  EXPECT_FALSE(fs::exists(fs::path(dir) / "cells" / "old_free"));
  EXPECT_FALSE(fs::exists(fs::path(dir) / "bitstreams" / "bs_free"));
  EXPECT_TRUE(fs::exists(fs::path(dir) / "cells" / "new_free"));

  PruneOptions unreferenced;
  unreferenced.referenced_by = std::vector<std::string>{(root_ / "run").string()};
  r = prune_cache(dir, unreferenced);
  EXPECT_EQ(r.cells, 1);  // new_free
  EXPECT_EQ(r.bitstreams, 1);
  EXPECT_TRUE(cache.find_cell("old_kept"));

  PruneOptions by_age;
  by_age.older_than_s = 3600;
  r = prune_cache(dir, by_age);  // the hit above refreshed old_kept: it is in use
  EXPECT_EQ(r.cells, 0);
  EXPECT_EQ(r.bitstreams, 1);  // bs_kept was not read for two days
  EXPECT_THROW(prune_cache(dir, PruneOptions{}), InputError);
}

TEST(CacheAge, ParsesUnitsAndRefusesOthers) {
  EXPECT_EQ(parse_age("90", "a"), 90);
  EXPECT_EQ(parse_age("45m", "a"), 2700);
  EXPECT_EQ(parse_age("12h", "a"), 43200);
  EXPECT_EQ(parse_age("1.5d", "a"), 129600);
  EXPECT_THROW(parse_age("3w", "--older-than"), InputError);
  EXPECT_THROW(parse_age("", "--older-than"), InputError);
  EXPECT_THROW(parse_age("-1h", "--older-than"), InputError);
}

}  // namespace
}  // namespace tgvc
