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
