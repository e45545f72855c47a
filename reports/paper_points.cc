#include "reports/paper_points.h"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "harness/core/atomic_file.h"
#include "harness/core/error.h"
#include "harness/metrics/registry.h"

namespace tgvc {
namespace {

constexpr size_t kMaxRows = 100000;  // the paper has a few dozen; a guard against a wrong file

std::vector<std::string> split_line(const std::string& line) {
  std::vector<std::string> fields;
  size_t start = 0;
  while (true) {
    const size_t comma = line.find(',', start);
    fields.push_back(line.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  for (std::string& f : fields) {
    while (!f.empty() && std::isspace(static_cast<unsigned char>(f.back()))) f.pop_back();
    size_t lead = 0;
    while (lead < f.size() && std::isspace(static_cast<unsigned char>(f[lead]))) ++lead;
    f.erase(0, lead);
  }
  return fields;
}

double parse_number(const std::string& text, const std::string& where) {
  errno = 0;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || errno == ERANGE || !std::isfinite(v)) {
    throw InputError(where, "a number", "'" + text + "'");
  }
  return v;
}

std::string normalised(const std::string& name) {
  std::string out;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

}  // namespace

std::vector<PaperPoint> parse_paper_points(const std::string& text, const std::string& where) {
  std::vector<PaperPoint> points;
  std::vector<std::string> header;
  int dataset_col = -1, codec_col = -1, bpp_col = -1, source_col = -1;
  size_t line_no = 0;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    const std::string at = where + ":" + std::to_string(line_no);
    std::vector<std::string> fields = split_line(line);
    if (header.empty()) {
      header = fields;
      for (size_t i = 0; i < header.size(); ++i) {
        if (header[i] == "dataset") dataset_col = static_cast<int>(i);
        if (header[i] == "codec") codec_col = static_cast<int>(i);
        if (header[i] == "bpp") bpp_col = static_cast<int>(i);
        if (header[i] == "source") source_col = static_cast<int>(i);
      }
      if (dataset_col < 0 || codec_col < 0 || bpp_col < 0) {
        throw InputError(at, "a header with the columns dataset, codec and bpp", line);
      }
      continue;
    }
    if (fields.size() != header.size()) {
      throw InputError(at, std::to_string(header.size()) + " fields", std::to_string(fields.size()));
    }
    if (points.size() >= kMaxRows)
      throw InputError(at, "at most " + std::to_string(kMaxRows) + " rows", "more");
    PaperPoint p;
    p.dataset = fields[dataset_col];
    p.codec = fields[codec_col];
    if (p.dataset.empty() || p.codec.empty()) throw InputError(at, "a dataset and a codec name", line);
    p.bpp = parse_number(fields[bpp_col], at + " (bpp)");
    if (!(p.bpp > 0)) throw InputError(at + " (bpp)", "a positive bpp", fields[bpp_col]);
    if (source_col >= 0) p.source = fields[source_col];
    for (size_t i = 0; i < header.size(); ++i) {
      const int col = static_cast<int>(i);
      if (col == dataset_col || col == codec_col || col == bpp_col || col == source_col || fields[i].empty())
        continue;
      p.values[header[i]] = parse_number(fields[i], at + " (" + header[i] + ")");
    }
    points.push_back(std::move(p));
  }
  if (header.empty()) throw InputError(where, "a CSV header with dataset, codec and bpp", "an empty file");
  return points;
}

std::vector<PaperPoint> read_paper_points(const std::string& path) {
  return parse_paper_points(read_file(path), path);
}

std::string paper_column_for_metric(const std::string& metric) {
  const ValueSpec* spec = find_value_spec(metric);
  return spec ? spec->paper_column : std::string();
}

bool same_dataset_name(const std::string& paper, const std::string& ours) {
  const std::string a = normalised(paper);
  return !a.empty() && a == normalised(ours);
}

}  // namespace tgvc
