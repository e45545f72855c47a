#include "reports/html_writer.h"

#include <cmath>

#include <fmt/format.h>

namespace tgvc {

void append_escaped(std::string& out, std::string_view text) {
  size_t plain_from = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    const char* entity = nullptr;
    switch (text[i]) {
      case '&':
        entity = "&amp;";
        break;
      case '<':
        entity = "&lt;";
        break;
      case '>':
        entity = "&gt;";
        break;
      case '"':
        entity = "&quot;";
        break;
      case '\'':
        entity = "&#39;";
        break;
      default:
        continue;
    }
    out.append(text.data() + plain_from, i - plain_from);
    out.append(entity);
    plain_from = i + 1;
  }
  out.append(text.data() + plain_from, text.size() - plain_from);
}

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  append_escaped(out, text);
  return out;
}

std::string format_number(double value, int significant) {
  if (!std::isfinite(value)) return "n/a";
  return fmt::format("{:.{}g}", value, significant);
}

void append_coordinate(std::string& out, double value) {
  // Tenths of a unit are below what a screen shows; integers keep the text short and fast.
  long tenths = std::lround(value * 10);
  if (tenths < 0) {
    out.push_back('-');
    tenths = -tenths;
  }
  fmt::format_to(std::back_inserter(out), "{}", tenths / 10);
  if (tenths % 10 != 0) {
    out.push_back('.');
    out.push_back(static_cast<char>('0' + tenths % 10));
  }
}

void Html::attributes(std::initializer_list<HtmlAttr> attrs) {
  for (const HtmlAttr& a : attrs) {
    out_.push_back(' ');
    out_.append(a.name);
    out_.append("=\"");
    append_escaped(out_, a.value);
    out_.push_back('"');
  }
}

Html& Html::open(std::string_view tag, std::initializer_list<HtmlAttr> attrs) {
  out_.push_back('<');
  out_.append(tag);
  attributes(attrs);
  out_.push_back('>');
  return *this;
}

Html& Html::close(std::string_view tag) {
  out_.append("</");
  out_.append(tag);
  out_.push_back('>');
  return *this;
}

Html& Html::element(std::string_view tag, std::string_view text, std::initializer_list<HtmlAttr> attrs) {
  open(tag, attrs);
  append_escaped(out_, text);
  return close(tag);
}

Html& Html::empty(std::string_view tag, std::initializer_list<HtmlAttr> attrs, bool self_closing) {
  out_.push_back('<');
  out_.append(tag);
  attributes(attrs);
  out_.append(self_closing ? "/>" : ">");
  return *this;
}

Html& Html::text(std::string_view text) {
  append_escaped(out_, text);
  return *this;
}

Html& Html::raw(std::string_view markup) {
  out_.append(markup);
  return *this;
}

}  // namespace tgvc
