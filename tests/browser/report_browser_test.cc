// report.html in a real browser (Debian's headless chromium): `tgvc-bench report` builds the page
// from a run directory holding only results.json and saved frames; the browser must run its
// script, show plots, tables and frames, sort a table on click, and fetch nothing. A screenshot is
// kept as a test artefact. Fails, never skips, when chromium is missing: install-deps installs it.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "harness/core/atomic_file.h"
#include "harness/results/results_json.h"
#include "reports/still_frame.h"
#include "tests/browser/browser_support.h"
#include "tests/unit/html/fake_run.h"
#include "tests/unit/html/report_test_util.h"

namespace tgvc::testing {
namespace {

namespace fs = std::filesystem;

const char* const kChromium = "/usr/bin/chromium";
constexpr double kBrowserTimeoutS = 120;

// A gradient with a moving square whose edges blur more at lower rate points: something to look at.
std::string test_frame(int seed, int quality) {
  const int w = 128, h = 80;
  std::vector<uint8_t> rgb(static_cast<size_t>(w) * h * 3);
  Lcg lcg(static_cast<uint32_t>(seed));
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      const bool square = std::abs(x - 40 - seed % 30) < 18 && std::abs(y - 40) < 18;
      const int noise = static_cast<int>(lcg.next() % (1 + 4 * (4 - std::min(quality, 4))));
      uint8_t* p = &rgb[(static_cast<size_t>(y) * w + x) * 3];
      p[0] = static_cast<uint8_t>(std::min(255, square ? 230 : 40 + x + noise));
      p[1] = static_cast<uint8_t>(std::min(255, square ? 120 : 60 + y + noise));
      p[2] = static_cast<uint8_t>(std::min(255, square ? 40 : 150 + noise));
    }
  }
  return png_rgb(w, h, rgb);
}

void write_bytes(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

// A run directory as the runner leaves it: results.json, cells/*.png and sources/*.png.
RunResults make_run_dir(const fs::path& dir) {
  fs::remove_all(dir);
  FakeRunSpec spec;
  spec.datasets = {"hevc-b"};
  spec.sequences = 2;
  spec.codecs = {"x265", "aom", "tgvc"};
  spec.rate_points = 4;
  spec.frames = 48;
  spec.fail_every = 11;
  RunResults run = fake_run(spec, dir.string());
  for (CellResult& c : run.cells) {
    if (c.sequence != "Seq1") continue;
    c.sequence = "Park<Scene> & \"Co\"";  // must reach the page escaped
    c.cell_id =
        fake_file_safe(c.dataset) + "__" + fake_file_safe(c.sequence) + "__" + c.codec + "__" + c.rate_point;
  }
  int seed = 1;
  for (CellResult& c : run.cells) {
    if (!c.ok()) continue;
    // Each codec's median frame is another frame, so each shown frame has its own source frame.
    c.still_frame = c.codec == "x265" ? 20 : c.codec == "aom" ? 23 : 26;
    c.still_metric = "psnr_y";
    const int quality = std::stoi(c.rate_point.substr(1));
    write_bytes(dir / "cells" / (c.cell_id + ".png"), test_frame(seed++, quality));
    write_bytes(dir / still_source_file(c.dataset, c.sequence, c.still_frame),
                test_frame(1000 + static_cast<int>(c.sequence.size()) + c.still_frame, 10));
  }
  write_file_atomically((dir / "results.json").string(),
                        results_json(run.experiment, run.provenance, run.cells));
  return run;
}

// Hosts of the browser's own services (component updates, sign-in, network time) that this
// chromium contacts from a fresh profile whatever the flags; no report could ask for them. Every
// other connection is the page's and fails the test.
const char* const kBrowserServiceHosts[] = {"update.googleapis.com", "accounts.google.com",
                                            "clients2.google.com", "clientservices.googleapis.com",
                                            "redirector.gvt1.com"};

std::vector<std::string> page_requests(const NetworkTrap& trap) {
  std::vector<std::string> out;
  for (const TrapRequest& r : trap.requests()) {
    const bool browser = std::find(std::begin(kBrowserServiceHosts), std::end(kBrowserServiceHosts),
                                   r.host) != std::end(kBrowserServiceHosts);
    if (!browser) out.push_back(r.line + " (host: " + (r.host.empty() ? "none" : r.host) + ")");
  }
  return out;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

std::vector<std::string> chromium_argv(const fs::path& profile, const NetworkTrap& trap) {
  return {kChromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
          "--disable-background-networking", "--disable-component-update", "--disable-sync",
          "--disable-extensions", "--disable-features=NetworkTimeServiceQuerying", "--disable-dev-shm-usage",
          "--hide-scrollbars", "--user-data-dir=" + profile.string(),
          // Every host name resolves to the trap: a fetch from the page becomes a recorded request.
          "--host-resolver-rules=MAP * 127.0.0.1:" + std::to_string(trap.port()),
          "--virtual-time-budget=5000"};
}

ChildResult run_chromium(const fs::path& profile, const NetworkTrap& trap, std::vector<std::string> extra,
                         const fs::path& page) {
  std::vector<std::string> argv = chromium_argv(profile, trap);
  argv.insert(argv.end(), extra.begin(), extra.end());
  argv.push_back("file://" + fs::absolute(page).string());
  return run_child(argv, kBrowserTimeoutS);
}

class ReportInBrowser : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fs::exists(kChromium))
        << kChromium << " is missing: install Debian's chromium package (scripts/install-deps.sh)";
    artifacts_ = fs::path(TGVC_TEST_ARTIFACT_DIR);
    fs::create_directories(artifacts_);
    // One run directory per test: ctest may run the tests of this file in parallel.
    run_dir_ = artifacts_ /
               (std::string("report_run_") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    run_ = make_run_dir(run_dir_);
    profile_ = fs::temp_directory_path() / ("tgvc_chromium_" + std::to_string(::getpid()) + "_" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(profile_);
    const ChildResult built =
        run_child({TGVC_BENCH_BINARY, "report", run_dir_.string(), "--paper",
                   std::string(TGVC_SOURCE_DIR) + "/third_party/paper/tgvc_rd_points.csv"},
                  60);
    ASSERT_EQ(built.exit_code, 0) << built.out << built.err;
    report_ = run_dir_ / "report.html";
    ASSERT_TRUE(fs::exists(report_));
    html_ = read_file(report_.string());
  }
  void TearDown() override { fs::remove_all(profile_); }

  fs::path artifacts_, run_dir_, profile_, report_;
  RunResults run_;
  std::string html_;
};

TEST_F(ReportInBrowser, RendersPlotsTablesAndFramesWithoutAnyFetch) {
  // Static check first: nothing in the page names a resource outside it.
  std::string why;
  EXPECT_TRUE(self_contained(html_, &why)) << why;

  NetworkTrap trap;
  const ChildResult dom = run_chromium(profile_, trap, {"--dump-dom"}, report_);
  ASSERT_FALSE(dom.timed_out);
  ASSERT_EQ(dom.exit_code, 0) << dom.err.substr(0, 4000);
  // The DOM after scripts ran: the sort script marked every sortable table.
  const std::vector<std::string> marked = attribute_values(dom.out, "data-sortable-tables");
  ASSERT_EQ(marked.size(), 1u) << dom.out.substr(0, 2000);
  const size_t sortable = count_of(html_, "<table class=\"sortable");
  EXPECT_GE(sortable, 3u);  // results, per-sequence BD values, failed cells
  EXPECT_EQ(marked[0], std::to_string(sortable));
  EXPECT_EQ(count_of(dom.out, "sort-ready\""), sortable);  // the class, not the script's text
  // 4 metrics: the dataset's 4 R-D plots, 2 x 4 per-sequence ones and 2 x 4 per-frame ones.
  EXPECT_EQ(count_of(dom.out, "<svg class=\"plot\""), 4u + 8 + 8);
  EXPECT_GE(count_of(dom.out, "<polyline"), 4u * 3);
  EXPECT_NE(dom.out.find(">paper: T-GVC</text>"), std::string::npos);
  EXPECT_NE(dom.out.find("<table class=\"bd\">"), std::string::npos);
  EXPECT_NE(dom.out.find("Park&lt;Scene&gt; &amp; \"Co\""), std::string::npos);
  EXPECT_EQ(dom.out.find("Park<Scene>"), std::string::npos);
  // Three codecs, each after the source frame of its own median frame, for each of the two sequences.
  EXPECT_EQ(count_of(dom.out, "<img src=\"data:image/png;base64,"), 2u * 6);
  EXPECT_NE(dom.out.find("frame 23: nearest the median psnr_y"), std::string::npos);
  EXPECT_TRUE(page_requests(trap).empty()) << "the report fetched:\n" << joined(page_requests(trap));

  // The trap does catch a page that fetches: the same browser run on a page with a remote image.
  const fs::path control = artifacts_ / "fetching_control.html";
  write_file_atomically(control.string(),
                        "<!DOCTYPE html><html><body><img src=\"http://fetch.example/x.png\"></body></html>");
  const ChildResult fetched = run_chromium(profile_, trap, {"--dump-dom"}, control);
  ASSERT_EQ(fetched.exit_code, 0) << fetched.err.substr(0, 2000);
  // Chromium sometimes also opens a spare connection that carries no request: the control only
  // needs the image's fetch among what the trap saw.
  const std::vector<std::string> seen = page_requests(trap);
  EXPECT_NE(std::find(seen.begin(), seen.end(), "GET /x.png HTTP/1.1 (host: fetch.example)"), seen.end())
      << joined(seen);
}

// Clicking a numeric header sorts by the exact value; a second click reverses; n/a stays last.
TEST_F(ReportInBrowser, ClickingAHeaderSortsNumbersWithNaLast) {
  const std::string probe = R"js(<script>
(function () {
  var table = document.querySelector('table.results');
  var heads = table.tHead.rows[0].cells, column = -1;
  for (var i = 0; i < heads.length; i++) if (heads[i].textContent.trim().indexOf('bpp') === 0) column = i;
  function order() {
    return Array.prototype.map.call(table.tBodies[0].rows, function (r) {
      var v = r.cells[column].getAttribute('data-v'); return v === null ? 'na' : v; }).join(' ');
  }
  heads[column].click();
  document.documentElement.setAttribute('data-ascending', order());
  heads[column].click();
  document.documentElement.setAttribute('data-descending', order());
})();
</script></body>)js";
  std::string page = html_;
  page.replace(page.rfind("</body>"), 7, probe);
  const fs::path probed = artifacts_ / "sort_probe.html";
  write_file_atomically(probed.string(), page);
  NetworkTrap trap;
  const ChildResult dom = run_chromium(profile_, trap, {"--dump-dom"}, probed);
  ASSERT_EQ(dom.exit_code, 0) << dom.err.substr(0, 2000);
  for (const char* attribute : {"data-ascending", "data-descending"}) {
    const std::vector<std::string> found = attribute_values(dom.out, attribute);
    ASSERT_EQ(found.size(), 1u) << attribute;
    std::istringstream in(found[0]);
    std::vector<double> values;
    size_t na = 0;
    std::string token;
    while (in >> token) {
      if (token == "na") {
        ++na;
      } else {
        EXPECT_EQ(na, 0u) << "a number after n/a in " << attribute;
        values.push_back(std::stod(token));
      }
    }
    size_t failed = 0;
    for (const CellResult& c : run_.cells) failed += c.ok() ? 0 : 1;
    EXPECT_EQ(na, failed);
    EXPECT_EQ(values.size() + na, run_.cells.size());
    const bool ascending = std::string(attribute) == "data-ascending";
    EXPECT_TRUE(ascending ? std::is_sorted(values.begin(), values.end())
                          : std::is_sorted(values.rbegin(), values.rend()))
        << attribute << ": " << found[0];
  }
  EXPECT_TRUE(page_requests(trap).empty()) << joined(page_requests(trap));
}

TEST_F(ReportInBrowser, SavesAScreenshotArtefact) {
  const fs::path shot = artifacts_ / "report.png";
  fs::remove(shot);
  NetworkTrap trap;
  const ChildResult result =
      run_chromium(profile_, trap, {"--screenshot=" + shot.string(), "--window-size=1280,2000"}, report_);
  ASSERT_EQ(result.exit_code, 0) << result.err.substr(0, 2000);
  ASSERT_TRUE(fs::exists(shot));
  const std::string png = read_file(shot.string());
  ASSERT_GT(png.size(), 24u);
  EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  // IHDR: width and height as big-endian 32-bit numbers at bytes 16 and 20.
  auto be32 = [&](size_t at) {
    return static_cast<uint32_t>(static_cast<unsigned char>(png[at])) << 24 |
           static_cast<uint32_t>(static_cast<unsigned char>(png[at + 1])) << 16 |
           static_cast<uint32_t>(static_cast<unsigned char>(png[at + 2])) << 8 |
           static_cast<unsigned char>(png[at + 3]);
  };
  EXPECT_EQ(be32(16), 1280u);
  EXPECT_EQ(be32(20), 2000u);
  EXPECT_GT(png.size(), 50000u);  // a rendered page of plots, not a blank one
  EXPECT_TRUE(page_requests(trap).empty()) << joined(page_requests(trap));
}

}  // namespace
}  // namespace tgvc::testing
