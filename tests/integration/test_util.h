// Small helpers for the end-to-end tests: write a config, read a CSV, run the binary.
#pragma once

#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "tests/integration/subprocess.h"

namespace tgvc::testing {

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void write_text(const std::string& path, const std::string& text) {
  std::ofstream(path) << text;
}

// FFmpeg's psnr filter on `dist` against `ref` (the independent number the measure tests check):
// per frame, psnr_y, psnr_u and psnr_v from its stats file ("n:1 mse_avg:... psnr_y:37.2 ...").
// Empty when ffmpeg fails or a line lacks a plane.
inline std::vector<std::map<std::string, double>> ffmpeg_plane_psnrs(const std::string& ref,
                                                                     const std::string& dist,
                                                                     const std::string& stats_file) {
  const ProcessResult ffmpeg = run_process({"/usr/bin/ffmpeg", "-v", "info", "-i", dist, "-i", ref, "-lavfi",
                                            "psnr=stats_file=" + stats_file, "-f", "null", "-"});
  if (ffmpeg.exit_code != 0) return {};
  std::istringstream log(read_text(stats_file));
  std::vector<std::map<std::string, double>> frames;
  for (std::string line; std::getline(log, line);) {
    std::map<std::string, double> frame;
    for (const std::string plane : {"psnr_y", "psnr_u", "psnr_v"}) {
      const size_t at = line.find(plane + ":");
      if (at == std::string::npos) return {};
      frame[plane] = std::stod(line.substr(at + plane.size() + 1));
    }
    frames.push_back(frame);
  }
  return frames;
}

// Rows as column-name -> field maps. Only for CSVs without quoted fields.
inline std::vector<std::map<std::string, std::string>> read_csv(const std::string& path) {
  std::istringstream in(read_text(path));
  std::string line;
  std::vector<std::string> header;
  std::vector<std::map<std::string, std::string>> rows;
  auto split = [](const std::string& l) {
    std::vector<std::string> fields;
    std::string field;
    std::istringstream s(l);
    while (std::getline(s, field, ',')) fields.push_back(field);
    if (!l.empty() && l.back() == ',') fields.push_back("");
    return fields;
  };
  std::getline(in, line);
  header = split(line);
  while (std::getline(in, line)) {
    const auto fields = split(line);
    std::map<std::string, std::string> row;
    for (size_t i = 0; i < header.size() && i < fields.size(); ++i) row[header[i]] = fields[i];
    rows.push_back(row);
  }
  return rows;
}

inline ProcessResult bench(std::vector<std::string> args) {
  args.insert(args.begin(), TGVC_BENCH_BINARY);
  return run_process(args);
}

}  // namespace tgvc::testing
