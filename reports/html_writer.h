// Building HTML and SVG text safely: every piece of text from results or configs goes through
// the escaping appenders; only markup this module family produces is appended raw.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

namespace tgvc {

// Appends `text` with & < > " ' replaced by entities: safe in element content and in quoted
// attribute values alike.
void append_escaped(std::string& out, std::string_view text);
std::string html_escape(std::string_view text);

// Formats for display: `significant` digits (%g style), "n/a" for NaN or infinity.
std::string format_number(double value, int significant = 4);
// Appends a coordinate with one decimal (SVG user units), without allocating.
void append_coordinate(std::string& out, double value);

// One attribute; the value is escaped when written, the name is a literal of ours.
struct HtmlAttr {
  std::string_view name;
  std::string_view value;
};

// An append-only HTML builder. Tags and attribute names are the caller's literals; attribute
// values and text are escaped.
class Html {
 public:
  Html& open(std::string_view tag, std::initializer_list<HtmlAttr> attrs = {});
  Html& close(std::string_view tag);
  // <tag attrs>escaped text</tag>
  Html& element(std::string_view tag, std::string_view text, std::initializer_list<HtmlAttr> attrs = {});
  // <tag attrs/> (SVG shapes) or <tag attrs> (void HTML elements such as img).
  Html& empty(std::string_view tag, std::initializer_list<HtmlAttr> attrs = {}, bool self_closing = true);
  Html& text(std::string_view text);
  // Markup produced by our own code (SVG plots, style, script). Never pass result text here.
  Html& raw(std::string_view markup);

  std::string& str() { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void attributes(std::initializer_list<HtmlAttr> attrs);
  std::string out_;
};

}  // namespace tgvc
