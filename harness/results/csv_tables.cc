#include "harness/results/csv_tables.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "harness/results/cell_values.h"

namespace tgvc {
namespace {

// Names in order of first appearance across cells.
template <typename Extract>
std::vector<std::string> union_of_names(const std::vector<CellResult>& cells, Extract extract) {
  std::vector<std::string> names;
  for (const CellResult& c : cells) {
    for (const std::string& n : extract(c)) {
      if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
    }
  }
  return names;
}

void append_row(std::string& out, const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) out += ',';
    out += csv_field(fields[i]);
  }
  out += '\n';
}

std::string params_text(const std::map<std::string, std::string>& params) {
  std::string text;
  for (const auto& [k, v] : params) text += (text.empty() ? "" : ";") + k + "=" + v;
  return text;
}

}  // namespace

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string csv_number(double value) {
  return std::isfinite(value) ? fmt::format("{}", value) : "n/a";
}

std::string results_csv(const std::vector<CellResult>& cells) {
  const auto components = union_of_names(cells, [](const CellResult& c) {
    std::vector<std::string> n;
    for (const auto& rc : c.rate_components) n.push_back(rc.first);
    return n;
  });
  const auto metrics = union_of_names(cells, [](const CellResult& c) {
    std::vector<std::string> n;
    for (const MetricValue& m : c.metrics) n.push_back(m.name);
    return n;
  });
  // A column only when some encoder noted a choice, so results without any keep their columns.
  const bool notes =
      std::any_of(cells.begin(), cells.end(), [](const CellResult& c) { return !c.encoder_notes.empty(); });
  std::vector<std::string> header = {"dataset", "sequence", "codec", "codec_type", "rate_point", "params"};
  if (notes) header.push_back("encoder_notes");
  for (const char* n : {"width", "height", "frames", "fps", "bits", "bpp", "kbps"}) header.push_back(n);
  for (const std::string& n : components) header.push_back("bits_" + n);
  header.insert(header.end(), metrics.begin(), metrics.end());
  for (const char* n : {"status", "stage", "error"}) header.push_back(n);
  std::string out;
  append_row(out, header);
  for (const CellResult& c : cells) {
    std::vector<std::string> row = {c.dataset,    c.sequence,   c.codec,
                                    c.codec_type, c.rate_point, params_text(c.params)};
    if (notes) row.push_back(params_text(c.encoder_notes));
    if (c.ok()) {
      for (const std::string& v :
           {std::to_string(c.width), std::to_string(c.height), std::to_string(c.frames), csv_number(c.fps),
            std::to_string(c.bits), csv_number(c.bpp), csv_number(c.kbps)}) {
        row.push_back(v);
      }
    } else {
      row.insert(row.end(), 7, "");
    }
    for (const std::string& n : components) {
      std::string field;
      for (const auto& rc : c.rate_components) {
        if (rc.first == n) field = std::to_string(rc.second);
      }
      row.push_back(field);
    }
    for (const std::string& n : metrics) {
      const MetricValue* m = find_value(c, n);
      row.push_back(!m ? "" : m->available ? csv_number(m->value) : "n/a");
    }
    row.push_back(to_string(c.status));
    row.push_back(to_string(c.stage));
    row.push_back(c.error);
    append_row(out, row);
  }
  return out;
}

std::string frames_csv(const std::vector<CellResult>& cells) {
  const auto metrics = union_of_names(cells, [](const CellResult& c) {
    std::vector<std::string> n;
    for (const MetricValue& m : c.metrics) {
      if (!m.per_frame.empty()) n.push_back(m.name);
    }
    return n;
  });
  std::vector<std::string> header = {"dataset", "sequence", "codec", "rate_point", "frame"};
  header.insert(header.end(), metrics.begin(), metrics.end());
  std::string out;
  append_row(out, header);
  for (const CellResult& c : cells) {
    if (!c.ok()) continue;
    for (int f = 0; f < c.frames; ++f) {
      std::vector<std::string> row = {c.dataset, c.sequence, c.codec, c.rate_point, std::to_string(f)};
      for (const std::string& n : metrics) {
        const MetricValue* m = find_value(c, n);
        const bool has = m && static_cast<size_t>(f) < m->per_frame.size();
        row.push_back(has ? csv_number(m->per_frame[f]) : "");
      }
      append_row(out, row);
    }
  }
  return out;
}

std::string sets_csv(const std::vector<SetResult>& sets) {
  std::string out;
  append_row(out, {"metric", "codec", "rate_point", "sequences", "bpp", "kbps", "name", "value", "unit",
                   "convention", "reason"});
  for (const SetResult& s : sets) {
    for (const MetricValue& v : s.values) {
      append_row(out, {s.metric, s.codec, s.rate_point, std::to_string(s.sequences.size()), csv_number(s.bpp),
                       csv_number(s.kbps), v.name, v.available ? csv_number(v.value) : "n/a", v.unit,
                       v.convention, v.reason});
    }
  }
  return out;
}

}  // namespace tgvc
