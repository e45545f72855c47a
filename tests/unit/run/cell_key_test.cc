#include "harness/run/cell_key.h"

#include <gtest/gtest.h>

#include "harness/config/experiment.h"
#include "harness/plan/plan.h"

namespace tgvc {
namespace {

Experiment experiment(const std::string& extra_codec_params, const std::string& metrics = "[psnr]") {
  return parse_experiment(R"(experiment: k
frames: {count: 4}
datasets:
  - synthetic: {name: a, width: 64, height: 48}
  - synthetic: {name: b, width: 64, height: 48, seed: 9}
codecs:
  - {type: raw, params: {)" + extra_codec_params +
                              R"(}, sweep: {level: [1, 2]}}
metrics: )" + metrics + "\n",
                          "k.yaml");
}

TEST(Plan, CellsAreSequenceMajorWithFileSafeIds) {
  const Experiment e = experiment("");
  const std::vector<Cell> cells = make_plan(e);
  ASSERT_EQ(cells.size(), 4u);
  EXPECT_EQ(cells[0].id, "synthetic__a__raw__level=1");
  EXPECT_EQ(cells[1].id, "synthetic__a__raw__level=2");
  EXPECT_EQ(cells[2].sequence, 1u);
  EXPECT_EQ(file_safe("a b/c:d"), "a_b_c_d");
}

TEST(CellKey, ChangesWithEveryInputAndOnlyThen) {
  const Experiment e = experiment("");
  const std::vector<Cell> cells = make_plan(e);
  const std::string key = cell_inputs_hash(e, cells[0]);
  EXPECT_EQ(key.size(), 64u);
  EXPECT_EQ(key, cell_inputs_hash(experiment(""), make_plan(experiment(""))[0]));
  // Rate point, sequence, fixed params and metrics each change the key.
  EXPECT_NE(key, cell_inputs_hash(e, cells[1]));
  EXPECT_NE(key, cell_inputs_hash(e, cells[2]));
  const Experiment with_param = experiment("fail: false");
  // Setting a parameter to its default leaves the resolved parameters, and so the key, alone.
  EXPECT_EQ(key, cell_inputs_hash(with_param, make_plan(with_param)[0]));
  const Experiment other_metrics = experiment("", "[psnr, ssim]");
  EXPECT_NE(key, cell_inputs_hash(other_metrics, make_plan(other_metrics)[0]));
}

}  // namespace
}  // namespace tgvc
