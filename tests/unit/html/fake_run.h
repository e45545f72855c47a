// A synthetic run for the report's tests and benchmark: R-D curves of known shape, per-frame
// values whose mean is the cell's value, T-GVC-style rate components. Header-only so that the
// unit tests, the browser test and bench_reports share it.
#pragma once

#include <cctype>
#include <cmath>
#include <string>
#include <vector>

#include "harness/core/lcg.h"
#include "harness/results/run_results.h"

namespace tgvc::testing {

struct FakeRunSpec {
  std::vector<std::string> datasets = {"hevc-b"};
  int sequences = 2;                                   // per dataset
  std::vector<std::string> codecs = {"x265", "tgvc"};  // "tgvc" gets header/keyframes/trajectories
  int rate_points = 4;
  int frames = 48;
  bool lpips_available = true;  // false: lpips_alex n/a with a reason in every cell
  int fail_every = 0;           // >0: every n-th cell fails at encode
};

inline std::string fake_file_safe(const std::string& text) {
  std::string out = text;
  for (char& c : out) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '=' || c == '-'))
      c = '_';
  }
  return out;
}

// bpp of codec c at rate point r on sequence s: doubling per rate point, codecs a factor 1.5
// apart, sequences 10% apart.
inline double fake_bpp(int c, int r, int s) {
  return 0.001 * std::pow(1.5, c) * std::pow(2.0, r) * (1 + 0.1 * s);
}

inline MetricValue fake_metric(const std::string& name, const std::string& unit, double value, int frames,
                               Lcg& lcg) {
  MetricValue v;
  v.name = name;
  v.unit = unit;
  v.convention = "synthetic";
  // Zero-mean wiggle, so that the per-frame mean is exactly `value` up to rounding.
  for (int f = 0; f < frames; ++f) {
    const double d = (static_cast<double>(lcg.next() % 1001) - 500) / 500.0 * 0.02 * std::fabs(value);
    v.per_frame.push_back(value + (f % 2 == 0 ? d : -d));
  }
  if (frames % 2 == 1) v.per_frame.back() = value;
  v.value = value;
  return v;
}

inline RunResults fake_run(const FakeRunSpec& spec, const std::string& run_dir = "/nonexistent-run-dir") {
  RunResults run;
  run.run_dir = run_dir;
  run.experiment = "synthetic-report";
  run.provenance.tool_version = "0.1.0";
  run.provenance.git_commit = "0123456789abcdef";
  run.provenance.config_path = "configs/synthetic.yaml";
  run.provenance.config_sha256 = std::string(64, 'a');
  run.provenance.host = "testhost";
  run.provenance.started_utc = "2025-01-01T00:00:00Z";
  run.provenance.wall_s = 12.5;
  run.provenance.jobs = 2;
  run.provenance.command_line = "tgvc-bench run configs/synthetic.yaml";
  run.provenance.libraries = {{"x265", "3.5"}, {"ffmpeg", "5.1"}};
  Lcg lcg(777);
  int index = 0;
  for (const std::string& dataset : spec.datasets) {
    for (int s = 0; s < spec.sequences; ++s) {
      const std::string sequence = "Seq" + std::to_string(s);
      for (int c = 0; c < static_cast<int>(spec.codecs.size()); ++c) {
        for (int r = 0; r < spec.rate_points; ++r) {
          CellResult cell;
          cell.dataset = dataset;
          cell.sequence = sequence;
          cell.codec = spec.codecs[c];
          cell.codec_type = spec.codecs[c];
          cell.codec_version = "1";
          cell.rate_point = "q" + std::to_string(r);
          cell.cell_id = fake_file_safe(dataset) + "__" + fake_file_safe(sequence) + "__" +
                         fake_file_safe(cell.codec) + "__" + fake_file_safe(cell.rate_point);
          cell.inputs_hash = "h" + std::to_string(index);
          cell.params = {{"q", std::to_string(r)}};
          cell.width = 512;
          cell.height = 320;
          cell.frames = spec.frames;
          cell.fps = 30;
          ++index;
          if (spec.fail_every > 0 && index % spec.fail_every == 0) {
            cell.status = CellOutcome::kFailed;
            cell.stage = FailedStage::kEncode;
            cell.error = "synthetic failure <" + std::to_string(index) + ">";
            run.cells.push_back(std::move(cell));
            continue;
          }
          cell.status = CellOutcome::kOk;
          cell.bpp = fake_bpp(c, r, s);
          cell.bits = static_cast<uint64_t>(std::llround(cell.bpp * 512.0 * 320.0 * spec.frames));
          cell.bpp = static_cast<double>(cell.bits) / (512.0 * 320.0 * spec.frames);
          cell.kbps = static_cast<double>(cell.bits) * cell.fps / spec.frames / 1000;
          if (cell.codec == "tgvc") {
            const uint64_t header = 96, trajectories = cell.bits / 5;
            cell.rate_components = {{"header", header},
                                    {"keyframes", cell.bits - header - trajectories},
                                    {"trajectories", trajectories}};
          } else {
            cell.rate_components = {{"bitstream", cell.bits}};
          }
          const double l = std::log2(cell.bpp / 0.001);
          cell.metrics.push_back(fake_metric("psnr_y", "dB", 26 + 2.5 * l + c, spec.frames, lcg));
          cell.metrics.push_back(fake_metric("psnr_rgb", "dB", 25 + 2.4 * l + c, spec.frames, lcg));
          cell.metrics.push_back(fake_metric("msssim_rgb", "", 0.8 + 0.03 * l, spec.frames, lcg));
          if (spec.lpips_available) {
            cell.metrics.push_back(fake_metric("lpips_alex", "", 0.6 - 0.05 * l, spec.frames, lcg));
          } else {
            MetricValue na;
            na.name = "lpips_alex";
            na.available = false;
            na.reason = "LPIPS weights missing: run scripts/fetch-models.sh lpips";
            cell.metrics.push_back(na);
          }
          cell.timing.encode_s = 0.5 + 0.1 * r;
          cell.timing.decode_s = 0.1;
          cell.timing.total_s = 1;
          run.cells.push_back(std::move(cell));
        }
      }
    }
  }
  return run;
}

}  // namespace tgvc::testing
