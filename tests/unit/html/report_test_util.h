// Helpers for the report tests: hand-made cells and text searches.
#pragma once

#include <string>
#include <vector>

#include "harness/results/cell_result.h"

namespace tgvc::testing {

inline size_t count_of(const std::string& text, const std::string& needle) {
  size_t n = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + needle.size()))
    ++n;
  return n;
}

inline bool contains(const std::string& text, const std::string& needle) {
  return text.find(needle) != std::string::npos;
}

// The values of every `name="..."` attribute, found without std::regex (whose recursion overflows
// the stack on a long data: URI).
inline std::vector<std::string> attribute_values(const std::string& html, const std::string& name) {
  std::vector<std::string> values;
  const std::string key = " " + name + "=\"";
  for (size_t at = html.find(key); at != std::string::npos; at = html.find(key, at + 1)) {
    const size_t start = at + key.size();
    const size_t end = html.find('"', start);
    if (end == std::string::npos) break;
    values.push_back(html.substr(start, end - start));
  }
  return values;
}

// No URL that a browser could fetch: true when every src and href is a data: PNG or an in-page
// link and no absolute URL, CSS url() or import appears anywhere. `why` names the first offender.
inline bool self_contained(const std::string& html, std::string* why) {
  for (const char* banned : {"http://", "https://", "url(", "@import", "<link", "srcset=", "xlink:href"}) {
    if (contains(html, banned)) {
      *why = std::string("the page contains ") + banned;
      return false;
    }
  }
  for (const char* attribute : {"src", "href", "action", "poster", "data"}) {
    for (const std::string& v : attribute_values(html, attribute)) {
      if (v.rfind("data:image/png;base64,", 0) != 0 && v.rfind('#', 0) != 0) {
        *why = std::string(attribute) + "=\"" + v.substr(0, 80) + "\"";
        return false;
      }
    }
  }
  return true;
}

// An ok cell with one metric, psnr_y, and no per-frame values.
inline CellResult rd_cell(const std::string& dataset, const std::string& sequence, const std::string& codec,
                          const std::string& rate_point, double bpp, double psnr) {
  CellResult c;
  c.cell_id = dataset + "__" + sequence + "__" + codec + "__" + rate_point;
  c.status = CellOutcome::kOk;
  c.dataset = dataset;
  c.sequence = sequence;
  c.codec = codec;
  c.rate_point = rate_point;
  c.width = 64;
  c.height = 64;
  c.frames = 10;
  c.fps = 25;
  c.bpp = bpp;
  c.bits = static_cast<uint64_t>(bpp * 64 * 64 * 10);
  c.kbps = static_cast<double>(c.bits) * 25 / 10 / 1000;
  MetricValue v;
  v.name = "psnr_y";
  v.value = psnr;
  v.unit = "dB";
  c.metrics.push_back(v);
  return c;
}

}  // namespace tgvc::testing
