// The shared cell cache through `tgvc-bench run --cache`: two concurrent runs of overlapping
// configs compute every shared cell once, a sweep extended by one rate point computes only the
// new one, and entries that differ only in T-GVC's generator encode one bitstream; the results
// are those of runs without any sharing.
#include <sys/wait.h>

#include <filesystem>
#include <map>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "harness/core/temp_dir.h"
#include "tests/integration/test_util.h"

namespace tgvc::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string x265_config(const std::string& qps) {
  return R"(experiment: shared
frames: {count: 8}
datasets:
  - synthetic: {name: a, width: 128, height: 96, seed: 1}
  - synthetic: {name: b, width: 128, height: 96, seed: 2, scene: crossing}
codecs:
  - {name: x265, type: x265, params: {preset: medium, keyint: 8}, sweep: {qp: [)" +
         qps + R"(]}}
metrics: [psnr, msssim]
jobs: 2
)";
}

// cell id -> its result file
std::map<std::string, json> cells_of(const std::string& run_dir) {
  std::map<std::string, json> cells;
  for (const auto& f : fs::directory_iterator(run_dir + "/cells")) {
    if (f.path().extension() != ".json") continue;
    const json j = json::parse(read_text(f.path().string()));
    cells[j.at("cell_id").get<std::string>()] = j;
  }
  return cells;
}

bool computed_here(const json& cell) {
  return cell.at("timing").value("result_from", "").empty();
}

// results.csv rows by "sequence/rate_point" (the CSV has no timings: rows must be equal).
std::map<std::string, std::string> csv_rows(const std::string& run_dir) {
  std::map<std::string, std::string> rows;
  for (const auto& row : read_csv(run_dir + "/results.csv")) {
    std::string text;
    for (const auto& [column, field] : row) text += column + "=" + field + ";";
    rows[row.at("sequence") + "/" + row.at("codec") + "/" + row.at("rate_point")] = text;
  }
  return rows;
}

int wait_exit(int pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(CellCacheCli, TwoConcurrentRunsOfOverlappingConfigsComputeEverySharedCellOnce) {
  const TempDir scratch("tgvc_cache_concurrent_");
  const std::string& dir = scratch.path();
  write_text(dir + "/a.yaml", x265_config("30, 34, 38, 42"));
  write_text(dir + "/b.yaml", x265_config("38, 42, 46, 51"));
  const std::string cache = dir + "/cache";
  const int a =
      start_process({TGVC_BENCH_BINARY, "run", dir + "/a.yaml", "--out", dir + "/ra", "--cache", cache});
  const int b =
      start_process({TGVC_BENCH_BINARY, "run", dir + "/b.yaml", "--out", dir + "/rb", "--cache", cache});
  ASSERT_EQ(wait_exit(a), 0);
  ASSERT_EQ(wait_exit(b), 0);

  const auto ca = cells_of(dir + "/ra");
  const auto cb = cells_of(dir + "/rb");
  ASSERT_EQ(ca.size(), 8u);
  ASSERT_EQ(cb.size(), 8u);
  int shared = 0;
  for (const auto& [id, cell] : ca) {
    if (cb.count(id) == 0) {
      EXPECT_TRUE(computed_here(cell)) << id;
      continue;
    }
    ++shared;
    // Computed by exactly one of the two runs, read from the cache by the other.
    EXPECT_NE(computed_here(cell), computed_here(cb.at(id))) << id;
    EXPECT_EQ(cell.at("metrics"), cb.at(id).at("metrics")) << id;
    EXPECT_EQ(cell.at("bits"), cb.at(id).at("bits")) << id;
  }
  EXPECT_EQ(shared, 4);
  for (const auto& [id, cell] : cb) {
    if (ca.count(id) == 0) {
      EXPECT_TRUE(computed_here(cell)) << id;
    }
  }
  const auto rows_a = csv_rows(dir + "/ra");
  const auto rows_b = csv_rows(dir + "/rb");
  for (const auto& [key, row] : rows_a) {
    if (rows_b.count(key)) {
      EXPECT_EQ(row, rows_b.at(key)) << key;
    }
  }

  // One entry per distinct cell, every one complete and valid; nothing half-written is left.
  int entries = 0;
  for (const auto& f : fs::directory_iterator(cache + "/cells")) {
    ++entries;
    EXPECT_NO_THROW(json::parse(read_text(f.path().string() + "/result.json"))) << f.path();
    EXPECT_GT(fs::file_size(f.path() / "decoded.png"), 0u);
  }
  EXPECT_EQ(entries, 12);
  EXPECT_TRUE(fs::is_empty(cache + "/tmp"));
  const ProcessResult stats = run_process({TGVC_BENCH_BINARY, "cache", "stats", cache});
  EXPECT_EQ(stats.exit_code, 0) << stats.output;
  EXPECT_NE(stats.output.find("cells: 12 entries"), std::string::npos) << stats.output;
  EXPECT_NE(stats.output.find("4 hits"), std::string::npos) << stats.output;
  EXPECT_NE(stats.output.find("being computed: 0"), std::string::npos) << stats.output;
}

TEST(CellCacheCli, ASweepExtendedByOneRatePointComputesOnlyTheNewOneAndPruneKeepsWhatRunsUse) {
  const TempDir scratch("tgvc_cache_sweep_");
  const std::string& dir = scratch.path();
  const std::string one_sequence = R"(experiment: sweep
frames: {count: 8}
datasets:
  - synthetic: {name: a, width: 128, height: 96, seed: 1}
codecs:
  - {name: x265, type: x265, params: {preset: ultrafast, keyint: 8}, sweep: {qp: [)";
  write_text(dir + "/two.yaml", one_sequence + "40, 46]}}\nmetrics: [psnr]\ncache: " + dir + "/cache\n");
  write_text(dir + "/three.yaml", one_sequence + "40, 46, 51]}}\nmetrics: [psnr]\n");
  const ProcessResult first =
      run_process({TGVC_BENCH_BINARY, "run", dir + "/two.yaml", "--out", dir + "/r2"});
  ASSERT_EQ(first.exit_code, 0) << first.output;
  // The cache named on the command line, the first one in the config: the same directory.
  const ProcessResult second = run_process(
      {TGVC_BENCH_BINARY, "run", dir + "/three.yaml", "--out", dir + "/r3", "--cache", dir + "/cache"});
  ASSERT_EQ(second.exit_code, 0) << second.output;
  EXPECT_NE(second.output.find("3 cells (0 reused from an earlier run, 2 read from the cache), 0 failed"),
            std::string::npos)
      << second.output;
  EXPECT_NE(second.output.find("(from the cache)"), std::string::npos) << second.output;
  const auto cells = cells_of(dir + "/r3");
  ASSERT_EQ(cells.size(), 3u);
  for (const auto& [id, cell] : cells) {
    EXPECT_EQ(computed_here(cell), id == "synthetic__a__x265__qp=51") << id;
  }
  const auto rows2 = csv_rows(dir + "/r2");
  const auto rows3 = csv_rows(dir + "/r3");
  for (const auto& [key, row] : rows2) EXPECT_EQ(row, rows3.at(key)) << key;
  // The stills of cells read from the cache are in the run directory as if computed there.
  EXPECT_EQ(read_text(dir + "/r3/cells/synthetic__a__x265__qp=40.png"),
            read_text(dir + "/r2/cells/synthetic__a__x265__qp=40.png"));

  // Only the third run uses qp=51: pruning what the first run does not refer to removes it.
  const ProcessResult dry = run_process(
      {TGVC_BENCH_BINARY, "cache", "prune", dir + "/cache", "--unreferenced", dir + "/r2", "--dry-run"});
  EXPECT_NE(dry.output.find("would remove 1 cells and 1 bitstreams"), std::string::npos) << dry.output;
  const ProcessResult keep_both = run_process(
      {TGVC_BENCH_BINARY, "cache", "prune", dir + "/cache", "--unreferenced", dir + "/r2", dir + "/r3"});
  EXPECT_NE(keep_both.output.find("removed 0 cells and 0 bitstreams"), std::string::npos) << keep_both.output;
  const ProcessResult bad =
      run_process({TGVC_BENCH_BINARY, "cache", "prune", dir + "/cache", "--older-than", "3w"});
  EXPECT_EQ(bad.exit_code, 2) << bad.output;
  EXPECT_NE(bad.output.find("--older-than"), std::string::npos) << bad.output;
}

// A metric added to a run misses the cell but hits the bitstream: the cached file must carry what
// the encoder wrote for its decoder (here the external codec's list of bitstream files).
TEST(CellCacheCli, ABitstreamFromTheCacheDecodesWithTheEncodersDecoderOptions) {
  const TempDir scratch("tgvc_cache_options_");
  const std::string& dir = scratch.path();
  const std::string config = R"(experiment: options
frames: {count: 4}
datasets:
  - synthetic: {name: a, width: 96, height: 64, seed: 3}
codecs:
  - {name: cli, preset: x265-cli, params: {preset: ultrafast, qp: 40}}
cache: )" + dir + "/cache\n";
  write_text(dir + "/psnr.yaml", config + "metrics: [psnr]\n");
  write_text(dir + "/both.yaml", config + "metrics: [psnr, msssim]\n");
  const ProcessResult first =
      run_process({TGVC_BENCH_BINARY, "run", dir + "/psnr.yaml", "--out", dir + "/r1"});
  ASSERT_EQ(first.exit_code, 0) << first.output;
  const ProcessResult second =
      run_process({TGVC_BENCH_BINARY, "run", dir + "/both.yaml", "--out", dir + "/r2"});
  ASSERT_EQ(second.exit_code, 0) << second.output;
  const json one = cells_of(dir + "/r1").begin()->second;
  const json two = cells_of(dir + "/r2").begin()->second;
  EXPECT_EQ(two.at("status"), "ok") << two.dump();
  EXPECT_EQ(two.at("timing").value("encode_from", ""), "cache");
  EXPECT_EQ(two.at("bits"), one.at("bits"));
  EXPECT_EQ(two.at("metrics").at(0), one.at("metrics").at(0));  // psnr, from the same decode
}

std::string tgvc_config(const std::string& entries) {
  return R"(experiment: generators
frames: {count: 10}
datasets:
  - synthetic: {name: orbit, width: 96, height: 64, seed: 1}
codecs:
)" + entries +
         "metrics: [psnr, msssim]\njobs: 2\n";
}

TEST(CellCacheCli, EntriesDifferingOnlyInTheGeneratorEncodeOnceAndMatchSeparateRuns) {
  const TempDir scratch("tgvc_encode_once_");
  const std::string& dir = scratch.path();
  const std::string warp =
      "  - {name: warp, type: tgvc, params: {generator: warp}, sweep: {keyframe-quality: [44]}}\n";
  const std::string blend =
      "  - {name: blend, type: tgvc, params: {generator: blend}, sweep: {keyframe-quality: [44]}}\n";
  // Without models the diffusion decoder fails, as a row; its encode is still the shared one.
  const std::string diffusion =
      "  - {name: diffusion, type: tgvc, params: {generator: diffusion, diffusion-model: " + dir +
      "/no-models}, sweep: {keyframe-quality: [44]}}\n";
  write_text(dir + "/three.yaml", tgvc_config(warp + blend + diffusion));
  const ProcessResult three =
      run_process({TGVC_BENCH_BINARY, "run", dir + "/three.yaml", "--out", dir + "/r3"});
  EXPECT_NE(
      three.output.find("bitstreams: 1 encoded, 2 cells decoded a bitstream encoded by another cell or run"),
      std::string::npos)
      << three.output;
  const auto cells = cells_of(dir + "/r3");
  ASSERT_EQ(cells.size(), 3u);
  int encoded_here = 0;
  double encode_s = -1;
  for (const auto& [id, cell] : cells) {
    const std::string from = cell.at("timing").value("encode_from", "");
    if (from.empty()) {
      ++encoded_here;
      encode_s = cell.at("timing").at("encode_s").get<double>();
    } else {
      EXPECT_EQ(from, "run") << id;
    }
  }
  ASSERT_EQ(encoded_here, 1);
  EXPECT_GT(encode_s, 0);
  // A cell that decoded a shared bitstream reports the time of the encode that made it.
  for (const auto& [id, cell] : cells)
    EXPECT_EQ(cell.at("timing").at("encode_s").get<double>(), encode_s) << id;
  EXPECT_EQ(cells.at("synthetic__orbit__diffusion__keyframe-quality=44").at("stage"), "decode");

  // Each generator run alone encodes its own bitstream: the same numbers.
  write_text(dir + "/warp.yaml", tgvc_config(warp));
  write_text(dir + "/blend.yaml", tgvc_config(blend));
  ASSERT_EQ(run_process({TGVC_BENCH_BINARY, "run", dir + "/warp.yaml", "--out", dir + "/rw"}).exit_code, 0);
  ASSERT_EQ(run_process({TGVC_BENCH_BINARY, "run", dir + "/blend.yaml", "--out", dir + "/rb"}).exit_code, 0);
  const auto rows3 = csv_rows(dir + "/r3");
  for (const std::string run : {"/rw", "/rb"}) {
    for (const auto& [key, row] : csv_rows(dir + run)) EXPECT_EQ(row, rows3.at(key)) << key;
  }
  EXPECT_NE(csv_rows(dir + "/rw").begin()->second, csv_rows(dir + "/rb").begin()->second);  // decoders differ

  // Through the shared cache: a later run of the blend entry decodes the cached bitstream.
  ASSERT_EQ(run_process({TGVC_BENCH_BINARY, "run", dir + "/warp.yaml", "--out", dir + "/cw", "--cache",
                         dir + "/cache"})
                .exit_code,
            0);
  const ProcessResult later = run_process(
      {TGVC_BENCH_BINARY, "run", dir + "/blend.yaml", "--out", dir + "/cb", "--cache", dir + "/cache"});
  ASSERT_EQ(later.exit_code, 0) << later.output;
  const json blend_cell = cells_of(dir + "/cb").at("synthetic__orbit__blend__keyframe-quality=44");
  EXPECT_EQ(blend_cell.at("timing").value("encode_from", ""), "cache");
  EXPECT_EQ(csv_rows(dir + "/cb"), csv_rows(dir + "/rb"));

  // `cache list`: one bitstream, decoded by both cells; --verbose shows the whole keys and the
  // decoder-only parameter that tells the two cells apart.
  const std::string key = blend_cell.at("inputs_hash");
  const ProcessResult list = run_process({TGVC_BENCH_BINARY, "cache", "list", dir + "/cache"});
  ASSERT_EQ(list.exit_code, 0) << list.output;
  EXPECT_NE(list.output.find("bitstreams: 1\n"), std::string::npos) << list.output;
  EXPECT_NE(list.output.find("decoded by 2 cells\ncells: 2\n"), std::string::npos) << list.output;
  EXPECT_NE(list.output.find("  " + key.substr(0, 12) +
                             "  synthetic__orbit__blend__keyframe-quality=44  bitstream "),
            std::string::npos)
      << list.output;
  const ProcessResult verbose =
      run_process({TGVC_BENCH_BINARY, "cache", "list", "--verbose", dir + "/cache"});
  ASSERT_EQ(verbose.exit_code, 0) << verbose.output;
  std::vector<std::string> bitstream_keys;
  for (const auto& entry : fs::directory_iterator(dir + "/cache/bitstreams"))
    bitstream_keys.push_back(entry.path().filename().string());
  ASSERT_EQ(bitstream_keys.size(), 1u);
  const std::string shared = "  bitstream " + bitstream_keys[0] + "\n      decoder only: generator=";
  EXPECT_NE(
      verbose.output.find("  " + key + "  synthetic__orbit__blend__keyframe-quality=44" + shared + "blend, "),
      std::string::npos)
      << verbose.output;
  EXPECT_NE(verbose.output.find("synthetic__orbit__warp__keyframe-quality=44" + shared + "warp, "),
            std::string::npos)
      << verbose.output;
  EXPECT_EQ(verbose.output.find("keyframe-quality=44,"), std::string::npos);  // an encoder key: not listed
}

}  // namespace
}  // namespace tgvc::testing
