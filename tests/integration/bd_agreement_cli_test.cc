// The three commands render one summary step and agree on the same results: `tgvc-bench report`
// (the BD tables' data-v, the R-D plots' data-x/data-y), `tgvc-bench bd --json` on results.csv and
// `tgvc-bench compare` (compare.html's BD and means tables). BD means, with one sequence whose
// BD-rate is undefined counting in neither mean; per-sequence BD values; and the per-dataset mean
// of every rate point, also against the means computed here from the curves.
#include <cmath>
#include <filesystem>
#include <utility>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "harness/core/atomic_file.h"
#include "harness/core/temp_dir.h"
#include "harness/results/csv_tables.h"
#include "harness/results/results_json.h"
#include "tests/integration/test_util.h"
#include "tests/unit/compare/bd_agreement_runs.h"

namespace tgvc::testing {
namespace {

// The exact number in `attribute="..."` at or after `from`.
double number_after(const std::string& text, const std::string& attribute, size_t from) {
  const size_t at = text.find(attribute + "=\"", from);
  EXPECT_NE(at, std::string::npos) << attribute;
  if (at == std::string::npos) return std::nan("");
  const size_t start = at + attribute.size() + 2;
  return std::stod(text.substr(start, text.find('"', start) - start));
}

// The mean point report.html draws for `codec` at `rate_point` in the dataset's plot of psnr_y
// (the first plot; per-sequence plots follow it): its data-x and data-y.
std::pair<double, double> report_mean(const std::string& page, const std::string& codec,
                                      const std::string& rate_point) {
  const size_t title = page.find("<title>" + codec + " · " + rate_point + "\n");
  EXPECT_NE(title, std::string::npos) << codec << " " << rate_point;
  if (title == std::string::npos) return {std::nan(""), std::nan("")};
  EXPECT_NE(page.substr(title, page.find("</title>", title) - title).find("mean over 3 of 3 sequences"),
            std::string::npos);
  const size_t marker = page.rfind("<circle", title);
  return {number_after(page, "data-x", marker), number_after(page, "data-y", marker)};
}

// compare.html's means row of codec c, psnr_y and `rate_point`: base rate, base value, current
// rate, current value.
std::vector<double> compare_means(const std::string& html, const std::string& rate_point) {
  const size_t table = html.find("<table class=\"means\">");
  const size_t row = html.find("<td>d</td><td>c</td><td>psnr_y</td><td>" + rate_point + "</td>", table);
  EXPECT_NE(row, std::string::npos) << rate_point;
  std::vector<double> out;
  size_t at = row;
  for (int i = 0; i < 4 && row != std::string::npos; ++i) {
    at = html.find("data-v=", at + 1);
    out.push_back(number_after(html, "data-v", at));
  }
  return out;
}

void write_run(const std::string& dir, const std::vector<CellResult>& cells) {
  std::filesystem::create_directories(dir);
  write_file_atomically(dir + "/results.json", results_json("bd-agreement", Provenance{}, cells));
  write_file_atomically(dir + "/results.csv", results_csv(cells));
}

TEST(BdAgreementCli, ReportBdAndCompareAgree) {
  const TempDir scratch("tgvc_bd_agreement_");
  const std::string& dir = scratch.path();
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

  // Per-sequence BD values: the page's per-sequence table and bd's sequences.
  const std::string report_html = read_text(dir + "/one/report.html");
  const nlohmann::json bd_json = nlohmann::json::parse(bd.output);
  ASSERT_EQ(bd_json["sequences"].size(), 3u);
  for (size_t s = 0; s < 3; ++s) {
    const nlohmann::json& cli = bd_json["sequences"][s];
    const std::string start =
        "<td>" + cli["sequence"].get<std::string>() + "</td><td>test</td><td>psnr_y</td>";
    const size_t row = report_html.find(start);
    ASSERT_NE(row, std::string::npos) << start;
    const std::string cells = report_html.substr(row, report_html.find("</tr>", row) - row);
    // The row's two numeric cells, BD-rate then BD-quality: data-v, or n/a without one.
    std::vector<double> page_values;
    for (size_t at = cells.find("<td class=\"n"); at != std::string::npos;
         at = cells.find("<td class=\"n", at + 1)) {
      const std::string td = cells.substr(at, cells.find("</td>", at) - at);
      page_values.push_back(td.find("data-v=") == std::string::npos ? std::nan("")
                                                                    : number_after(td, "data-v", 0));
    }
    ASSERT_EQ(page_values.size(), 2u);
    for (size_t i = 0; i < 2; ++i) {
      const nlohmann::json& value = cli[i == 0 ? "bd_rate_pct" : "bd_quality"];
      if (value.is_null()) {
        EXPECT_TRUE(std::isnan(page_values[i])) << start << " " << i;
      } else {
        EXPECT_DOUBLE_EQ(page_values[i], value.get<double>()) << start << " " << i;
      }
    }
  }
  EXPECT_TRUE(bd_json["sequences"][1]["bd_rate_pct"].is_null());  // s1: undefined, as the curves say

  // Per-dataset means of every rate point: the page's mean markers, bd's means and compare's means
  // table (base: the anchor's curves, current: the test's), and the means of the curves by hand.
  const nlohmann::json& means = bd_json["means"];
  ASSERT_EQ(means["anchor"].size(), 1u);
  ASSERT_EQ(means["test"].size(), 1u);
  EXPECT_EQ(means["test"][0]["dataset"], "d");
  const nlohmann::json& anchor_points = means["anchor"][0]["points"];
  const nlohmann::json& test_points = means["test"][0]["points"];
  ASSERT_EQ(anchor_points.size(), 4u);
  ASSERT_EQ(test_points.size(), 4u);
  const bd_agreement::Curve* tests[] = {&bd_agreement::kTest, &bd_agreement::kBumpy, &bd_agreement::kCheaper};
  for (size_t r = 0; r < 4; ++r) {
    const std::string rate_point = "r" + std::to_string(r);
    const double test_bpp = (tests[0]->bpp[r] + tests[1]->bpp[r] + tests[2]->bpp[r]) / 3;
    const double test_psnr = (tests[0]->psnr[r] + tests[1]->psnr[r] + tests[2]->psnr[r]) / 3;
    const double anchor_bpp =
        (bd_agreement::kAnchor.bpp[r] + bd_agreement::kAnchor.bpp[r] + bd_agreement::kAnchor.bpp[r]) / 3;
    ASSERT_EQ(test_points[r]["rate_point"], rate_point);
    EXPECT_EQ(test_points[r]["sequences"], 3);
    EXPECT_DOUBLE_EQ(test_points[r]["rate"].get<double>(), test_bpp);
    EXPECT_DOUBLE_EQ(test_points[r]["value"].get<double>(), test_psnr);
    EXPECT_DOUBLE_EQ(anchor_points[r]["rate"].get<double>(), anchor_bpp);

    const auto page_test = report_mean(report_html, "test", rate_point);
    const auto page_anchor = report_mean(report_html, "anchor", rate_point);
    EXPECT_DOUBLE_EQ(page_test.first, test_points[r]["rate"].get<double>());
    EXPECT_DOUBLE_EQ(page_test.second, test_points[r]["value"].get<double>());
    EXPECT_DOUBLE_EQ(page_anchor.first, anchor_points[r]["rate"].get<double>());
    EXPECT_DOUBLE_EQ(page_anchor.second, anchor_points[r]["value"].get<double>());

    const std::vector<double> gate_row = compare_means(html, rate_point);
    ASSERT_EQ(gate_row.size(), 4u);
    EXPECT_DOUBLE_EQ(gate_row[0], anchor_points[r]["rate"].get<double>());
    EXPECT_DOUBLE_EQ(gate_row[1], anchor_points[r]["value"].get<double>());
    EXPECT_DOUBLE_EQ(gate_row[2], test_points[r]["rate"].get<double>());
    EXPECT_DOUBLE_EQ(gate_row[3], test_points[r]["value"].get<double>());
  }
}

}  // namespace
}  // namespace tgvc::testing
