// The values of a run stay what they were: a small copy of the demo (tests/data/golden/golden.yaml)
// runs, and every value of its results.json, results.csv and report tables is compared with
// tests/data/golden/expected.json. Left out: what differs between two runs of the same binary
// (timings, provenance, cache keys). Numbers agree within 1e-9 relative (1e-12 absolute near 0):
// the same inputs give bit-identical values on one machine; the tolerance only absorbs the last
// digits a different SIMD dispatch of a floating-point kernel may change. Strings must be equal.
// TGVC_REGENERATE=1 rewrites expected.json (after a deliberate change of values) and skips.
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "harness/core/temp_dir.h"
#include "tests/integration/test_util.h"

namespace tgvc::testing {
namespace {

using Flat = std::map<std::string, std::string>;

const std::set<std::string> kVolatileKeys = {"provenance", "timing", "inputs_hash"};

void flatten_json(const nlohmann::json& j, const std::string& path, Flat* out) {
  if (j.is_object()) {
    for (const auto& [key, value] : j.items()) {
      if (kVolatileKeys.count(key) == 0) flatten_json(value, path + "/" + key, out);
    }
  } else if (j.is_array()) {
    for (size_t i = 0; i < j.size(); ++i) {
      // Cells and metric values are named: key them by name so that an added value reads as one
      // difference, not as every later index shifting.
      const nlohmann::json& item = j[i];
      std::string key = std::to_string(i);
      if (item.is_object() && item.contains("cell_id")) key = item["cell_id"].get<std::string>();
      if (item.is_object() && item.contains("name") && item["name"].is_string())
        key = item["name"].get<std::string>();
      flatten_json(item, path + "/" + key, out);
    }
  } else if (j.is_string()) {
    (*out)[path] = j.get<std::string>();
  } else {
    (*out)[path] = j.dump();
  }
}

void flatten_csv(const std::string& file, const std::string& prefix, Flat* out) {
  for (const auto& row : read_csv(file)) {
    const std::string key =
        row.at("dataset") + "/" + row.at("sequence") + "/" + row.at("codec") + "/" + row.at("rate_point");
    for (const auto& [column, field] : row) (*out)[prefix + key + "/" + column] = field;
  }
}

// Text between `open_tag` and its end tag, for every occurrence at or after `from` and before `to`.
std::vector<std::string> elements(const std::string& html, const std::string& tag, size_t from, size_t to) {
  std::vector<std::string> found;
  const std::string open = "<" + tag, close = "</" + tag + ">";
  for (size_t at = html.find(open, from); at != std::string::npos && at < to; at = html.find(open, at + 1)) {
    const char next = html[at + open.size()];
    if (next != ' ' && next != '>') continue;
    const size_t end = html.find(close, at);
    if (end == std::string::npos || end > to) break;
    found.push_back(html.substr(at, end - at));
  }
  return found;
}

std::string attribute(const std::string& element, const std::string& name) {
  const std::string key = " " + name + "=\"";
  const size_t start = element.find(key);
  if (start == std::string::npos || start > element.find('>')) return {};
  const size_t value = start + key.size();
  return element.substr(value, element.find('"', value) - value);
}

std::string inner_text(const std::string& element) {
  std::string text;
  bool in_tag = false;
  for (char c : element) {
    if (c == '<') in_tag = true;
    if (!in_tag) text += c;
    if (c == '>') in_tag = false;
  }
  return text;
}

// Every table of report.html that holds numbers: a row is keyed by its table's number and its
// cells without data-v (sequence, codec, rate point, ...); the numbers are the data-v values (the
// exact ones behind the rounded text). Columns headed "(s)" are timings and left out.
void flatten_report(const std::string& html, Flat* out) {
  int table_number = 0;
  for (size_t at = html.find("<table"); at != std::string::npos; at = html.find("<table", at + 1)) {
    const size_t end = html.find("</table>", at);
    ++table_number;
    std::vector<bool> timing_column;
    const std::vector<std::string> rows = elements(html, "tr", at, end);
    for (const std::string& row : rows) {
      const std::vector<std::string> headers = elements(row, "th", 0, row.size());
      if (!headers.empty() && timing_column.empty()) {
        for (const std::string& h : headers)
          timing_column.push_back(inner_text(h).find("(s)") != std::string::npos);
      }
      const std::vector<std::string> cells = elements(row, "td", 0, row.size());
      std::string key = "report/table" + std::to_string(table_number);
      std::vector<std::string> numbers;
      for (size_t c = 0; c < cells.size(); ++c) {
        if (c < timing_column.size() && timing_column[c]) continue;
        const std::string value = attribute(cells[c], "data-v");
        if (value.empty()) {
          key += "/" + inner_text(cells[c]);
        } else {
          numbers.push_back(value);
        }
      }
      for (size_t n = 0; n < numbers.size(); ++n) (*out)[key + "/#" + std::to_string(n)] = numbers[n];
    }
  }
}

bool same_value(const std::string& expected, const std::string& actual) {
  if (expected == actual) return true;
  char* end_e = nullptr;
  char* end_a = nullptr;
  const double e = std::strtod(expected.c_str(), &end_e);
  const double a = std::strtod(actual.c_str(), &end_a);
  if (expected.empty() || actual.empty() || *end_e != '\0' || *end_a != '\0') return false;
  if (std::isnan(e) || std::isnan(a)) return std::isnan(e) && std::isnan(a);
  return std::fabs(e - a) <= std::max(1e-12, 1e-9 * std::fabs(e));
}

TEST(GoldenResults, RunKeepsItsValues) {
  const std::string golden = std::string(TGVC_SOURCE_DIR) + "/tests/data/golden";
  const TempDir scratch("tgvc_golden_");
  const std::string& dir = scratch.path();
  const ProcessResult run = bench({"run", "-q", golden + "/golden.yaml", "--out", dir + "/run"});
  ASSERT_EQ(run.exit_code, 0) << run.output;

  Flat actual;
  flatten_json(nlohmann::json::parse(read_text(dir + "/run/results.json")), "results.json", &actual);
  flatten_csv(dir + "/run/results.csv", "results.csv/", &actual);
  flatten_report(read_text(dir + "/run/report.html"), &actual);
  ASSERT_GT(actual.size(), 1000u);

  const std::string expected_file = golden + "/expected.json";
  if (const char* regenerate = std::getenv("TGVC_REGENERATE"); regenerate && std::string(regenerate) == "1") {
    write_text(expected_file, nlohmann::json(actual).dump(0) + "\n");
    GTEST_SKIP() << "rewrote " << expected_file;
  }
  const Flat expected = nlohmann::json::parse(read_text(expected_file)).get<Flat>();

  int differences = 0;
  for (const auto& [key, value] : expected) {
    const auto found = actual.find(key);
    if (found == actual.end()) {
      ADD_FAILURE() << "missing: " << key << " (expected " << value << ")";
    } else if (!same_value(value, found->second)) {
      ADD_FAILURE() << key << ": expected " << value << ", got " << found->second;
    } else {
      continue;
    }
    if (++differences == 20) break;
  }
  for (const auto& [key, value] : actual) {
    if (differences < 20 && expected.count(key) == 0) {
      ADD_FAILURE() << "new: " << key << " = " << value;
      ++differences;
    }
  }
}

}  // namespace
}  // namespace tgvc::testing
