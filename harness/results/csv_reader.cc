#include "harness/results/csv_reader.h"

#include <filesystem>
#include <fstream>

#include "harness/core/error.h"

namespace tgvc {
namespace {

std::string trimmed(const std::string& text) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return {};
  const size_t last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}
bool is_line_end(char c) {
  return c == '\n' || c == '\r';
}

// Splits the text into records one at a time, counting lines across quoted line breaks.
class RecordScanner {
 public:
  RecordScanner(const std::string& text, const std::string& source) : text_(text), source_(source) {
    if (text_.compare(0, 3, "\xEF\xBB\xBF") == 0) pos_ = 3;
  }

  // The next non-blank record into `fields` and the line it starts on; false at the end.
  bool next(std::vector<std::string>& fields, int& start_line) {
    while (pos_ < text_.size()) {
      start_line = line_;
      fields.clear();
      if (skip_blank_line()) continue;
      scan_record(fields);
      return true;
    }
    return false;
  }

 private:
  bool at_end() const { return pos_ >= text_.size(); }

  bool skip_blank_line() {
    size_t p = pos_;
    while (p < text_.size() && is_blank(text_[p])) ++p;
    if (p < text_.size() && !is_line_end(text_[p])) return false;
    pos_ = p;
    end_line();
    return true;
  }

  // Consumes LF, CRLF or a lone CR (if any: the last line may have none).
  void end_line() {
    if (at_end()) return;
    if (text_[pos_] == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') ++pos_;
    ++pos_;
    ++line_;
  }

  void scan_record(std::vector<std::string>& fields) {
    while (true) {
      std::string field;
      size_t p = pos_;
      while (p < text_.size() && is_blank(text_[p])) ++p;
      if (p < text_.size() && text_[p] == '"') {
        pos_ = p + 1;
        read_quoted(field);
        while (!at_end() && is_blank(text_[pos_])) ++pos_;
        if (!at_end() && text_[pos_] != ',' && !is_line_end(text_[pos_])) {
          throw InputError(source_ + ":" + std::to_string(line_),
                           "',' or the end of the line after a closing quote",
                           std::string("'") + text_[pos_] + "'");
        }
      } else {
        // Unquoted: everything up to the separator, a quote inside being an ordinary character.
        while (!at_end() && text_[pos_] != ',' && !is_line_end(text_[pos_])) field += text_[pos_++];
      }
      fields.push_back(std::move(field));
      if (at_end() || is_line_end(text_[pos_])) {
        end_line();
        return;
      }
      ++pos_;  // the comma
    }
  }

  // After an opening quote: up to the closing quote, "" standing for one quote.
  void read_quoted(std::string& field) {
    const int opened_on = line_;
    while (!at_end()) {
      const char c = text_[pos_++];
      if (c == '"') {
        if (!at_end() && text_[pos_] == '"') {
          field += '"';
          ++pos_;
          continue;
        }
        return;
      }
      if (c == '\n') ++line_;
      field += c;
    }
    throw InputError(source_ + ":" + std::to_string(opened_on), "a closing quote for the field opened here",
                     "the end of the file");
  }

  const std::string& text_;
  const std::string& source_;
  size_t pos_ = 0;
  int line_ = 1;
};

}  // namespace

int CsvTable::column(const std::string& name) const {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return static_cast<int>(i);
  }
  return -1;
}

std::string CsvTable::where(size_t row) const {
  return source + ":" + std::to_string(row < row_lines.size() ? row_lines[row] : 0);
}

CsvTable parse_csv(const std::string& text, const std::string& source) {
  CsvTable table;
  table.source = source;
  RecordScanner scanner(text, source);
  std::vector<std::string> fields;
  int line = 0;
  if (!scanner.next(fields, line)) throw InputError(source, "a CSV header line", "an empty file");
  for (const std::string& f : fields) {
    const std::string name = trimmed(f);
    if (name.empty())
      throw InputError(source + ":" + std::to_string(line), "a name for every column", "an empty one");
    if (table.column(name) >= 0) {
      throw InputError(source + ":" + std::to_string(line), "distinct column names", "'" + name + "' twice");
    }
    table.header.push_back(name);
  }
  while (scanner.next(fields, line)) {
    if (fields.size() != table.header.size()) {
      throw InputError(source + ":" + std::to_string(line),
                       std::to_string(table.header.size()) + " fields as in the header",
                       std::to_string(fields.size()));
    }
    table.rows.push_back(fields);
    table.row_lines.push_back(line);
  }
  return table;
}

CsvTable read_csv_file(const std::string& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) throw InputError(path, "a readable CSV file", "no such file");
  if (!std::filesystem::is_regular_file(status)) {
    throw InputError(path, "a regular CSV file",
                     std::filesystem::is_directory(status) ? "a directory" : "a special file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path, "a readable CSV file", "one that cannot be opened");
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0) throw InputError(path, "a regular CSV file", "something that cannot be sized");
  if (static_cast<size_t>(size) > kMaxCsvBytes) {
    throw InputError(path, "a CSV file of at most " + std::to_string(kMaxCsvBytes >> 20) + " MiB",
                     std::to_string(size) + " bytes");
  }
  in.seekg(0, std::ios::beg);
  std::string text(static_cast<size_t>(size), '\0');
  if (!in.read(text.data(), size)) throw InputError(path, "a readable CSV file", "a read error");
  return parse_csv(text, path);
}

}  // namespace tgvc
