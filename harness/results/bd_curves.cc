#include "harness/results/bd_curves.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <map>

#include "harness/core/error.h"
#include "harness/core/suggest.h"

namespace tgvc {
namespace {

// results.csv columns that describe a cell rather than measure it.
const std::vector<std::string> kDescriptiveColumns = {
    "dataset", "sequence", "codec", "codec_type", "rate_point", "params", "width", "height",
    "frames",  "fps",      "frame", "rate",       "status",     "stage",  "error"};

std::string trimmed(const std::string& text) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

bool is_missing(const std::string& field) {
  std::string t = trimmed(field);
  std::transform(t.begin(), t.end(), t.begin(), [](unsigned char c) { return std::tolower(c); });
  return t.empty() || t == "n/a" || t == "na" || t == "nan";
}

double parse_number(const CsvTable& table, size_t row, const std::string& column, const std::string& field) {
  const std::string t = trimmed(field);
  char* end = nullptr;
  errno = 0;
  const double value = std::strtod(t.c_str(), &end);
  if (t.empty() || end != t.c_str() + t.size() || errno == ERANGE) {
    throw InputError(table.where(row) + " column " + column, "a number or n/a", "'" + field + "'");
  }
  return value;
}

int require_column(const CsvTable& table, const std::string& name, const std::string& what) {
  const int index = table.column(name);
  if (index >= 0) return index;
  std::string expected = "a column '" + name + "' (" + what + ")";
  const std::string close = closest_match(name, table.header);
  if (!close.empty()) expected += "; did you mean '" + close + "'?";
  throw InputError(table.source, expected, "the columns " + join(table.header));
}

std::string resolve_rate_column(const CsvTable& table, const std::string& requested) {
  if (!requested.empty()) {
    require_column(table, requested, "the rate");
    return requested;
  }
  for (const std::string& name : kBdRateColumns) {
    if (table.column(name) >= 0) return name;
  }
  throw InputError(table.source,
                   "a rate column (one of " + join(kBdRateColumns) + ", or one named with --rate)",
                   "the columns " + join(table.header));
}

std::vector<std::string> distinct_values(const CsvTable& table, int column) {
  std::vector<std::string> values;
  for (const auto& row : table.rows) {
    if (std::find(values.begin(), values.end(), row[column]) == values.end()) values.push_back(row[column]);
  }
  return values;
}

// Checks a requested value of a column (codec, sequence) against the values the table has.
void require_value(const CsvTable& table, int column, const std::string& value, const std::string& flag) {
  const std::vector<std::string> values = distinct_values(table, column);
  if (std::find(values.begin(), values.end(), value) != values.end()) return;
  std::string expected = flag + " naming one of " + join(values);
  const std::string close = closest_match(value, values);
  if (!close.empty()) expected += " (did you mean '" + close + "'?)";
  throw InputError(table.source, expected, "'" + value + "'");
}

std::string resolve_codec(const CsvTable& table, int codec_column, const BdCurveQuery& query) {
  if (codec_column < 0) {
    if (!query.codec.empty()) {
      throw InputError(table.source, "a 'codec' column to choose rows by " + query.codec_flag,
                       "the columns " + join(table.header));
    }
    return {};
  }
  if (!query.codec.empty()) {
    require_value(table, codec_column, query.codec, query.codec_flag);
    return query.codec;
  }
  const std::vector<std::string> codecs = distinct_values(table, codec_column);
  if (codecs.size() == 1) return codecs[0];
  throw InputError(table.source, query.codec_flag + " to choose one of the codecs " + join(codecs),
                   codecs.empty() ? "no rows" : "several codecs");
}

}  // namespace

const std::vector<std::string> kBdRateColumns = {"bpp", "kbps", "bits", "rate"};

std::vector<std::string> bd_metric_columns(const CsvTable& table,
                                           const std::function<bool(const std::string&)>& is_rate_value) {
  std::vector<std::string> metrics;
  for (const std::string& name : table.header) {
    const bool descriptive =
        std::find(kDescriptiveColumns.begin(), kDescriptiveColumns.end(), name) != kDescriptiveColumns.end();
    if (!descriptive && !is_rate_value(name)) metrics.push_back(name);
  }
  return metrics;
}

std::string curve_name(const std::string& dataset, const std::string& sequence) {
  if (!dataset.empty() && !sequence.empty()) return dataset + "/" + sequence;
  if (!dataset.empty() || !sequence.empty()) return dataset + sequence;
  return "(all rows)";
}

BdCurveSelection select_bd_curves(const CsvTable& table, const BdCurveQuery& query) {
  BdCurveSelection out;
  const int metric = require_column(table, query.metric, "the metric");
  out.rate_column = resolve_rate_column(table, query.rate_column);
  const int rate = table.column(out.rate_column);
  const int codec = table.column("codec");
  out.codec = resolve_codec(table, codec, query);
  const int dataset = table.column("dataset");
  const int sequence = table.column("sequence");
  if (!query.sequence.empty()) {
    if (sequence < 0) {
      throw InputError(table.source, "a 'sequence' column to choose rows by --sequence",
                       "the columns " + join(table.header));
    }
    require_value(table, sequence, query.sequence, "--sequence");
  }
  if (!query.dataset.empty()) {
    if (dataset < 0) {
      throw InputError(table.source, "a 'dataset' column to choose rows by --dataset",
                       "the columns " + join(table.header));
    }
    require_value(table, dataset, query.dataset, "--dataset");
  }
  const int status = table.column("status");
  const int rate_point = table.column("rate_point");
  std::map<std::pair<std::string, std::string>, size_t> curve_of;
  for (size_t r = 0; r < table.rows.size(); ++r) {
    const std::vector<std::string>& row = table.rows[r];
    if (codec >= 0 && row[codec] != out.codec) continue;
    if (!query.sequence.empty() && row[sequence] != query.sequence) continue;
    if (!query.dataset.empty() && row[dataset] != query.dataset) continue;
    if (status >= 0 && trimmed(row[status]) != "ok") {
      out.skipped.push_back(table.where(r) + ": status is '" + row[status] + "'");
      continue;
    }
    if (is_missing(row[rate]) || is_missing(row[metric])) {
      const std::string& column = is_missing(row[rate]) ? out.rate_column : query.metric;
      out.skipped.push_back(table.where(r) + ": " + column + " is n/a");
      continue;
    }
    const RdPoint point{parse_number(table, r, out.rate_column, row[rate]),
                        parse_number(table, r, query.metric, row[metric])};
    if (!std::isfinite(point.rate) || point.rate <= 0) {
      out.skipped.push_back(table.where(r) + ": " + out.rate_column + " is not positive");
      continue;
    }
    const std::pair<std::string, std::string> key{dataset >= 0 ? row[dataset] : "",
                                                  sequence >= 0 ? row[sequence] : ""};
    auto [it, added] = curve_of.emplace(key, out.curves.size());
    if (added) out.curves.push_back({key.first, key.second, {}});
    out.curves[it->second].points.push_back(point);
    if (rate_point >= 0) out.curves[it->second].rate_points.push_back(row[rate_point]);
  }
  return out;
}

}  // namespace tgvc
