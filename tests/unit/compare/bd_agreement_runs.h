// Three sequences of R-D curves for the BD agreement tests (unit and command line): s0 and s2
// with both BD values defined, s1 with BD-rate undefined (pchip) and BD-quality defined.
#pragma once

#include <cmath>
#include <string>
#include <vector>

#include "harness/results/cell_result.h"

namespace tgvc::bd_agreement {

struct Curve {
  std::vector<double> bpp;
  std::vector<double> psnr;
};

// The reference vector bd.B's curves (tests/data/vectors.json), rates in bpp.
inline const Curve kAnchor = {{0.010, 0.020, 0.040, 0.080}, {30, 33, 35.5, 37.5}};
inline const Curve kTest = {{0.009, 0.017, 0.033, 0.064}, {30.2, 33.1, 35.8, 37.6}};
// Quality not monotonic in the rate: pchip's BD-rate is undefined, its BD-quality is not.
inline const Curve kBumpy = {{0.009, 0.017, 0.033, 0.064}, {30.2, 33.1, 32.0, 37.6}};
// A second defined sequence with other values.
inline const Curve kCheaper = {{0.007, 0.015, 0.031, 0.060}, {29.8, 32.9, 35.6, 37.9}};

inline void add_curve(std::vector<CellResult>& cells, const std::string& sequence, const std::string& codec,
                      const Curve& curve) {
  for (size_t r = 0; r < curve.bpp.size(); ++r) {
    CellResult c;
    c.status = CellOutcome::kOk;
    c.dataset = "d";
    c.sequence = sequence;
    c.codec = codec;
    c.codec_type = "raw";
    c.codec_version = "1";
    c.rate_point = "r" + std::to_string(r);
    c.cell_id = "d__" + sequence + "__" + codec + "__" + c.rate_point;
    c.width = 64;
    c.height = 64;
    c.frames = 10;
    c.fps = 25;
    c.bpp = curve.bpp[r];
    c.bits = static_cast<uint64_t>(std::llround(c.bpp * 64 * 64 * 10));
    c.kbps = static_cast<double>(c.bits) * 25 / 10 / 1000;
    MetricValue v;
    v.name = "psnr_y";
    v.value = curve.psnr[r];
    v.unit = "dB";
    c.metrics.push_back(v);
    cells.push_back(c);
  }
}

// Sequences s0 (defined), s1 (BD-rate undefined), s2 (defined), each codec under `anchor` and `test`.
inline std::vector<CellResult> cells(const std::string& anchor, const std::string& test,
                                     bool with_anchor = true, bool with_test = true) {
  std::vector<CellResult> out;
  const Curve* tests[] = {&kTest, &kBumpy, &kCheaper};
  for (int s = 0; s < 3; ++s) {
    const std::string sequence = "s" + std::to_string(s);
    if (with_anchor) add_curve(out, sequence, anchor, kAnchor);
    if (with_test) add_curve(out, sequence, test, *tests[s]);
  }
  return out;
}

// The exact values (data-v) of the first row of the first `<table class="bd">`: BD-rate, BD-quality.
inline std::vector<double> table_means(const std::string& page) {
  std::vector<double> out;
  size_t at = page.find("<table class=\"bd\">");
  const size_t end = page.find("</table>", at);
  for (at = page.find("data-v=\"", at); at < end && out.size() < 2; at = page.find("data-v=\"", at + 1)) {
    const size_t start = at + 8;
    out.push_back(std::stod(page.substr(start, page.find('"', start) - start)));
  }
  return out;
}

}  // namespace tgvc::bd_agreement
