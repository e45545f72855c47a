// The three commands that print BD means agree on the same results: `tgvc-bench report` (the BD
// table's data-v), `tgvc-bench bd --json` on results.csv and `tgvc-bench compare` (compare.html's
// BD table), with one sequence whose BD-rate is undefined counting in neither mean.
#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "harness/core/atomic_file.h"
#include "harness/results/csv_tables.h"
#include "harness/results/results_json.h"
#include "tests/integration/test_util.h"
#include "tests/unit/compare/bd_agreement_runs.h"

namespace tgvc::testing {
namespace {

void write_run(const std::string& dir, const std::vector<CellResult>& cells) {
  std::filesystem::create_directories(dir);
  write_file_atomically(dir + "/results.json", results_json("bd-agreement", Provenance{}, cells));
  write_file_atomically(dir + "/results.csv", results_csv(cells));
}

TEST(BdAgreementCli, ReportBdAndCompareAgree) {
  const std::string dir = make_temp_dir("tgvc_bd_agreement_");
  write_run(dir + "/one", bd_agreement::cells("anchor", "test"));
  // compare: the same curves as one codec, the anchor's in base and the test's in current.
  write_run(dir + "/base", bd_agreement::cells("c", "", true, false));
  write_run(dir + "/current", bd_agreement::cells("", "c", false, true));

  const ProcessResult report = bench({"report", dir + "/one", "--anchor", "anchor", "--metrics", "psnr_y"});
  ASSERT_EQ(report.exit_code, 0) << report.output;
  const std::vector<double> page = bd_agreement::table_means(read_text(dir + "/one/report.html"));
  ASSERT_EQ(page.size(), 2u);

  const ProcessResult bd =
      bench({"bd", "--anchor", dir + "/one/results.csv", "--test", dir + "/one/results.csv", "--anchor-codec",
             "anchor", "--test-codec", "test", "--metric", "psnr_y", "--dataset", "d", "--json"});
  ASSERT_EQ(bd.exit_code, 0) << bd.output;
  const nlohmann::json mean = nlohmann::json::parse(bd.output)["mean"];
  EXPECT_EQ(mean["sequences"], 2);
  EXPECT_DOUBLE_EQ(mean["bd_rate_pct"].get<double>(), page[0]);
  EXPECT_DOUBLE_EQ(mean["bd_quality"].get<double>(), page[1]);

  const ProcessResult gate = bench({"compare", dir + "/base", dir + "/current", "--out", dir + "/cmp"});
  ASSERT_EQ(gate.exit_code, 1) << gate.output;  // psnr_y and bpp changed: regressions, as expected
  const std::string html = read_text(dir + "/cmp/compare.html");
  const size_t psnr_row = html.find("<td>d</td><td>c</td><td>psnr_y</td>");
  ASSERT_NE(psnr_row, std::string::npos);
  const std::vector<double> gate_means =
      bd_agreement::table_means("<table class=\"bd\">" + html.substr(psnr_row));
  ASSERT_EQ(gate_means.size(), 2u);
  EXPECT_DOUBLE_EQ(gate_means[0], page[0]);
  EXPECT_DOUBLE_EQ(gate_means[1], page[1]);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace tgvc::testing
