#include "harness/core/string_lists.h"

#include <fmt/format.h>

namespace tgvc {
namespace {

std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20) {
      out += fmt::format("\\u{:04x}", u);
    } else {
      out += c;  // UTF-8 bytes pass unchanged
    }
  }
  return out + "\"";
}

// A small reader of the JSON subset above (strings, arrays and objects of strings).
class Reader {
 public:
  explicit Reader(const std::string& text) : text_(text) {}

  void skip_space() {
    while (pos_ < text_.size() &&
           (text_[pos_] == ' ' || text_[pos_] == '\n' || text_[pos_] == '\t' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }
  bool eat(char c) {
    skip_space();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  bool at_end() {
    skip_space();
    return pos_ == text_.size();
  }

  std::optional<std::string> string() {
    if (!eat('"')) return std::nullopt;
    std::string out;
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (c == '"') return out;
      if (c != '\\') {
        out += c;
        continue;
      }
      if (pos_ >= text_.size()) return std::nullopt;
      const char e = text_[pos_++];
      switch (e) {
        case '"':
        case '\\':
        case '/':
          out += e;
          break;
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'u': {
          // Only the escapes format_* writes (control characters, below 0x80).
          if (pos_ + 4 > text_.size()) return std::nullopt;
          unsigned value = 0;
          for (int i = 0; i < 4; ++i) {
            const char h = text_[pos_++];
            value <<= 4;
            if (h >= '0' && h <= '9')
              value |= h - '0';
            else if (h >= 'a' && h <= 'f')
              value |= h - 'a' + 10;
            else if (h >= 'A' && h <= 'F')
              value |= h - 'A' + 10;
            else
              return std::nullopt;
          }
          if (value >= 0x80) return std::nullopt;
          out += static_cast<char>(value);
          break;
        }
        default:
          return std::nullopt;
      }
    }
    return std::nullopt;
  }

 private:
  const std::string& text_;
  size_t pos_ = 0;
};

}  // namespace

std::string format_string_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + quoted(items[i]);
  return out + "]";
}

std::string format_string_map(const std::map<std::string, std::string>& entries) {
  std::string out = "{";
  bool first = true;
  for (const auto& [key, value] : entries) {
    out += (first ? "" : ",") + quoted(key) + ":" + quoted(value);
    first = false;
  }
  return out + "}";
}

std::optional<std::vector<std::string>> parse_string_list(const std::string& text) {
  Reader r(text);
  if (!r.eat('[')) return std::nullopt;
  std::vector<std::string> items;
  if (!r.eat(']')) {
    do {
      std::optional<std::string> item = r.string();
      if (!item) return std::nullopt;
      items.push_back(std::move(*item));
    } while (r.eat(','));
    if (!r.eat(']')) return std::nullopt;
  }
  if (!r.at_end()) return std::nullopt;
  return items;
}

std::optional<std::map<std::string, std::string>> parse_string_map(const std::string& text) {
  Reader r(text);
  if (!r.eat('{')) return std::nullopt;
  std::map<std::string, std::string> entries;
  if (!r.eat('}')) {
    do {
      std::optional<std::string> key = r.string();
      if (!key || !r.eat(':')) return std::nullopt;
      std::optional<std::string> value = r.string();
      if (!value || entries.count(*key)) return std::nullopt;
      entries[*key] = std::move(*value);
    } while (r.eat(','));
    if (!r.eat('}')) return std::nullopt;
  }
  if (!r.at_end()) return std::nullopt;
  return entries;
}

}  // namespace tgvc
