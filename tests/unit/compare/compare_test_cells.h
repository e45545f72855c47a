// Small runs built in memory for the regression gate's tests.
#pragma once

#include <string>

#include "harness/results/run_results.h"

namespace tgvc::compare_test {

inline MetricValue metric(const std::string& name, double value, const std::string& unit = "") {
  MetricValue m;
  m.name = name;
  m.value = value;
  m.unit = unit;
  return m;
}

inline MetricValue unavailable(const std::string& name, const std::string& reason) {
  MetricValue m;
  m.name = name;
  m.available = false;
  m.reason = reason;
  return m;
}

// An ok cell of 64x48x10 frames at 30 fps with `bits` bits, psnr_y and lpips_alex.
inline CellResult cell(const std::string& sequence, const std::string& rate_point, uint64_t bits, double psnr,
                       double lpips) {
  CellResult c;
  c.status = CellOutcome::kOk;
  c.dataset = "synthetic";
  c.sequence = sequence;
  c.codec = "x265";
  c.codec_type = "x265";
  c.codec_version = "3.5";
  c.rate_point = rate_point;
  c.cell_id = c.dataset + "__" + sequence + "__" + c.codec + "__" + rate_point;
  c.width = 64;
  c.height = 48;
  c.frames = 10;
  c.fps = 30;
  c.bits = bits;
  c.bpp = static_cast<double>(bits) / (64 * 48 * 10);
  c.kbps = static_cast<double>(bits) * 30 / 10 / 1000;
  c.rate_components = {{"video", bits}};
  c.metrics = {metric("psnr_y", psnr, "dB"), metric("lpips_alex", lpips)};
  return c;
}

// Two sequences x two rate points.
inline RunResults run() {
  RunResults r;
  r.run_dir = "runs/base";
  r.experiment = "ci";
  r.provenance.git_commit = "abc123";
  r.cells = {cell("orbit", "qp=45", 12000, 30.0, 0.40), cell("orbit", "qp=51", 6000, 27.5, 0.55),
             cell("crossing", "qp=45", 15000, 31.25, 0.35), cell("crossing", "qp=51", 8000, 28.0, 0.50)};
  return r;
}

inline MetricValue* find_metric(CellResult& c, const std::string& name) {
  for (MetricValue& m : c.metrics) {
    if (m.name == name) return &m;
  }
  return nullptr;
}

}  // namespace tgvc::compare_test
