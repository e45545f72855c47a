#include <cmath>

#include <gtest/gtest.h>

#include "harness/core/error.h"
#include "harness/results/cell_json.h"
#include "harness/results/csv_tables.h"
#include "harness/results/metric_json.h"

namespace tgvc {
namespace {

CellResult sample_cell() {
  CellResult c;
  c.cell_id = "d__s__c__qp=1";
  c.inputs_hash = "abc";
  c.status = CellOutcome::kOk;
  c.dataset = "d";
  c.sequence = "s, with comma";
  c.codec = "c";
  c.codec_type = "x265";
  c.codec_version = "1";
  c.rate_point = "qp=1";
  c.params = {{"qp", "1"}, {"preset", "fast"}};
  c.width = 64;
  c.height = 48;
  c.frames = 2;
  c.fps = 30;
  c.bits = 800;
  c.bpp = 800.0 / (64 * 48 * 2);
  c.kbps = 12;
  c.rate_components = {{"headers", 100}, {"video", 700}};
  MetricValue psnr;
  psnr.name = "psnr_y";
  psnr.value = 35.25;
  psnr.per_frame = {35, 35.5};
  psnr.unit = "dB";
  psnr.convention = "mean of per-frame";
  MetricValue na;
  na.name = "msssim_rgb";
  na.available = false;
  na.reason = "too small";
  c.metrics = {psnr, na};
  return c;
}

TEST(CellJson, RoundTripKeepsEveryFieldAndNaN) {
  const CellResult c = sample_cell();
  const CellResult back = cell_from_json(nlohmann::json::parse(cell_to_json(c).dump()), "x.json");
  EXPECT_EQ(back.sequence, c.sequence);
  EXPECT_EQ(back.params, c.params);
  EXPECT_EQ(back.rate_components, c.rate_components);
  EXPECT_DOUBLE_EQ(back.bpp, c.bpp);
  ASSERT_EQ(back.metrics.size(), 2u);
  EXPECT_EQ(back.metrics[0].per_frame, c.metrics[0].per_frame);
  EXPECT_FALSE(back.metrics[1].available);
  EXPECT_TRUE(std::isnan(back.metrics[1].value));
  EXPECT_EQ(back.metrics[1].reason, "too small");
  // Old results have no still or headlines; new ones keep both.
  EXPECT_EQ(back.still_frame, -1);
  EXPECT_TRUE(back.headline_values.empty());
  CellResult with_still = c;
  with_still.still_frame = 5;
  with_still.still_metric = "psnr_y";
  with_still.headline_values = {"psnr_y", "trajectory_error"};
  const CellResult again = cell_from_json(nlohmann::json::parse(cell_to_json(with_still).dump()), "x.json");
  EXPECT_EQ(again.still_frame, 5);
  EXPECT_EQ(again.still_metric, "psnr_y");
  EXPECT_EQ(again.headline_values, with_still.headline_values);
}

TEST(CellJson, CodedSizeAndColourConversionRoundTrip) {
  CellResult c = sample_cell();
  c.width = 203;
  c.height = 181;
  c.coded_width = 204;
  c.coded_height = 182;
  c.colour_conversion = "RGB 8-bit -> YUV 4:4:4 8-bit (bt709 limited range) -> RGB 8-bit";
  c.padding = "reflect-right-bottom";
  EXPECT_EQ(cell_to_json(c).at("padding"), "reflect-right-bottom");
  EXPECT_FALSE(cell_to_json(sample_cell()).contains("padding"));  // not stated: not written
  const CellResult back = cell_from_json(nlohmann::json::parse(cell_to_json(c).dump()), "x.json");
  EXPECT_EQ(back.padding, "reflect-right-bottom");
  EXPECT_EQ(back.coded_width, 204);
  EXPECT_EQ(back.coded_height, 182);
  EXPECT_EQ(back.colour_conversion, c.colour_conversion);
  // A result written before these fields existed: coded as the source's size, nothing converted.
  nlohmann::json old = cell_to_json(sample_cell());
  old.erase("coded_width");
  old.erase("coded_height");
  const CellResult read = cell_from_json(old, "old.json");
  EXPECT_EQ(read.coded_width, 64);
  EXPECT_EQ(read.coded_height, 48);
  EXPECT_EQ(read.colour_conversion, "");
  EXPECT_EQ(read.padding, "");
}

TEST(CellJson, SetContributionsRoundTripExactly) {
  CellResult c = sample_cell();
  SetContribution f;
  f.metric = "fvd";
  f.version = "1";
  f.method = "I3D, stylegan-v";
  f.clips = 1;
  f.dims = 3;
  f.reference = {0.1, 1.0 / 3.0, -2.5e-17};
  f.distorted = {std::nextafter(0.1, 1.0), 2.0 / 3.0, 1e300};
  c.set_contributions = {f};
  const CellResult back = cell_from_json(nlohmann::json::parse(cell_to_json(c).dump()), "x.json");
  ASSERT_EQ(back.set_contributions.size(), 1u);
  EXPECT_EQ(back.set_contributions[0].method, f.method);
  EXPECT_EQ(back.set_contributions[0].dims, 3);
  EXPECT_EQ(back.set_contributions[0].reference, f.reference);  // bit for bit: resumed sets are exact
  EXPECT_EQ(back.set_contributions[0].distorted, f.distorted);
}

TEST(CellJson, ForeignOrTruncatedJsonIsAnInputError) {
  EXPECT_THROW(cell_from_json(nlohmann::json::parse(R"({"schema_version": 1})"), "x.json"), InputError);
  EXPECT_THROW(cell_from_json(nlohmann::json::parse(R"({"schema_version": 99})"), "x.json"), InputError);
}

// What an encoder chose (T-GVC's target-bpp quality, its coded keyframe size) travels in the
// cell's JSON and, only when some cell has it, in a results.csv column after params.
TEST(CellJson, EncoderNotesRoundTripAndMakeACsvColumn) {
  CellResult c = sample_cell();
  c.encoder_notes = {{"keyframe-quality", "44"}, {"keyframe-size", "256x160"}};
  const nlohmann::json j = cell_to_json(c);
  EXPECT_EQ(j.at("encoder_notes").at("keyframe-quality"), "44");
  EXPECT_EQ(cell_from_json(nlohmann::json::parse(j.dump()), "x.json").encoder_notes, c.encoder_notes);
  EXPECT_FALSE(cell_to_json(sample_cell()).contains("encoder_notes"));
  EXPECT_TRUE(cell_from_json(cell_to_json(sample_cell()), "x.json").encoder_notes.empty());

  const std::string csv = results_csv({sample_cell(), c});
  EXPECT_EQ(
      csv.substr(0, csv.find('\n')),
      "dataset,sequence,codec,codec_type,rate_point,params,encoder_notes,width,height,frames,fps,bits,bpp,"
      "kbps,bits_headers,bits_video,psnr_y,msssim_rgb,status,stage,error");
  EXPECT_NE(csv.find("preset=fast;qp=1,keyframe-quality=44;keyframe-size=256x160,64,48,"), std::string::npos);
  EXPECT_NE(csv.find("preset=fast;qp=1,,64,48,"), std::string::npos);  // the cell without notes
}

TEST(CsvTables, RowsQuoteFieldsAndMarkNa) {
  const std::string csv = results_csv({sample_cell()});
  const std::string header = csv.substr(0, csv.find('\n'));
  EXPECT_EQ(header,
            "dataset,sequence,codec,codec_type,rate_point,params,width,height,frames,fps,bits,bpp,kbps,"
            "bits_headers,bits_video,psnr_y,msssim_rgb,status,stage,error");
  EXPECT_NE(csv.find("\"s, with comma\""), std::string::npos);
  EXPECT_NE(csv.find("preset=fast;qp=1"), std::string::npos);
  EXPECT_NE(csv.find(",35.25,n/a,ok,,\n"), std::string::npos);
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_number(0.1), "0.1");
  const std::string frames = frames_csv({sample_cell()});
  EXPECT_EQ(frames,
            "dataset,sequence,codec,rate_point,frame,psnr_y\nd,\"s, with comma\",c,qp=1,0,35\n"
            "d,\"s, with comma\",c,qp=1,1,35.5\n");
}

}  // namespace
}  // namespace tgvc

#include <filesystem>

#include "harness/core/atomic_file.h"
#include "harness/results/results_json.h"
#include "harness/results/run_results.h"

namespace tgvc {
namespace {

TEST(RunResults, ReadsBackWhatResultsJsonWrote) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "tgvc_run_results_test";
  std::filesystem::create_directories(dir);
  Provenance p;
  p.git_commit = "abc123";
  p.jobs = 2;
  p.cells_reused = 1;
  p.cells_computed = 3;
  p.cells_from_cache = 4;
  p.bitstreams_from_cache = 5;
  p.cache_dir = "/shared/cache";
  p.libraries = {{"x265", "3.5"}};
  CellResult with_features = sample_cell();
  with_features.set_contributions.push_back({"fvd", "1", "m", true, "", 1, 1, {0.5}, {0.25}});
  SetResult set;
  set.metric = "fvd";
  set.codec = "c";
  set.rate_point = "qp=1";
  set.sequences = {"d/s, with comma"};
  set.bpp = 0.125;
  MetricValue fvd;
  fvd.name = "fvd";
  fvd.value = 12.5;
  fvd.convention = "FVD over N=1 clips";
  MetricValue clips;
  clips.name = "fvd_clips";
  clips.available = false;
  clips.reason = "why";
  set.values = {fvd, clips};
  write_file_atomically((dir / "results.json").string(),
                        results_json("exp", p, {sample_cell(), with_features}, {set}));
  const RunResults run = load_run_results(dir.string());
  EXPECT_TRUE(run.cells[1].set_contributions.empty());  // features stay in cells/*.json
  ASSERT_EQ(run.sets.size(), 1u);
  EXPECT_EQ(run.sets[0].sequences, set.sequences);
  EXPECT_EQ(run.sets[0].bpp, 0.125);
  EXPECT_TRUE(std::isnan(run.sets[0].kbps));
  ASSERT_EQ(run.sets[0].values.size(), 2u);
  EXPECT_EQ(run.sets[0].values[0].value, 12.5);
  EXPECT_EQ(run.sets[0].values[0].convention, fvd.convention);
  EXPECT_FALSE(run.sets[0].values[1].available);
  EXPECT_EQ(sets_csv(run.sets),
            "metric,codec,rate_point,sequences,bpp,kbps,name,value,unit,convention,reason\n"
            "fvd,c,qp=1,1,0.125,n/a,fvd,12.5,,FVD over N=1 clips,\n"
            "fvd,c,qp=1,1,0.125,n/a,fvd_clips,n/a,,,why\n");
  EXPECT_EQ(run.experiment, "exp");
  EXPECT_EQ(run.provenance.git_commit, "abc123");
  EXPECT_EQ(run.provenance.jobs, 2);
  EXPECT_EQ(run.provenance.cells_reused, 1);
  EXPECT_EQ(run.provenance.cells_computed, 3);
  EXPECT_EQ(run.provenance.cells_from_cache, 4);
  EXPECT_EQ(run.provenance.bitstreams_from_cache, 5);
  EXPECT_EQ(run.provenance.cache_dir, "/shared/cache");
  EXPECT_EQ(run.provenance.libraries.at("x265"), "3.5");
  ASSERT_EQ(run.cells.size(), 2u);
  EXPECT_EQ(run.cells[1].sequence, "s, with comma");
  write_file_atomically((dir / "results.json").string(), "{not json");
  EXPECT_THROW(load_run_results(dir.string()), InputError);
  EXPECT_THROW(load_run_results((dir / "missing").string()), InputError);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace tgvc

#include "harness/metrics/registry.h"
#include "reports/metric_direction.h"

namespace tgvc {
namespace {

TEST(MetricDirection, EveryValueHasItsDescriptorsDirection) {
  size_t lower = 0;
  for (const MetricEntry& m : all_metrics()) {
    for (const ValueSpec& spec : m.descriptor->values) {
      EXPECT_EQ(metric_higher_is_better(spec.name), spec.direction == Direction::kHigherIsBetter)
          << spec.name;
      lower += spec.direction == Direction::kLowerIsBetter;
    }
  }
  EXPECT_GT(lower, 0u);
  // Independently of the tables: quality rises, distortions fall; the trajectory metric's shares
  // (its headline delta_avg first) rise with quality, its errors fall.
  for (const char* name : {"psnr_y", "msssim_rgb", "ssim_y", "clipsim", "trajectory_delta_avg",
                           "trajectory_within_1px", "trajectory_followed_share"}) {
    EXPECT_TRUE(metric_higher_is_better(name)) << name;
  }
  for (const char* name : {"trajectory_error", "trajectory_error_macro", "trajectory_error_median",
                           "lpips_alex", "lpips_vgg", "fvd"}) {
    EXPECT_FALSE(metric_higher_is_better(name)) << name;
  }
}

TEST(MetricDirection, RateColumnsFallAndPaperColumnsFollowTheirValues) {
  for (const char* name : {"bpp", "bits", "bits_video", "bits_headers", "kbps"}) {
    EXPECT_FALSE(metric_higher_is_better(name)) << name;
    EXPECT_TRUE(is_rate_value(name)) << name;
  }
  EXPECT_FALSE(is_rate_value("psnr_y"));
  // A CSV of published points names LPIPS and CLIP-SIM as the paper does.
  EXPECT_FALSE(metric_higher_is_better("lpips"));
  EXPECT_TRUE(metric_higher_is_better("clip_sim"));
  // A name no descriptor lists: higher is better.
  EXPECT_TRUE(metric_higher_is_better("psnr_<i>"));
}

}  // namespace
}  // namespace tgvc
