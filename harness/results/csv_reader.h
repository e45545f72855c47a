// Reads CSV files (RFC 4180: quoted fields may hold commas, quotes and line breaks) as a header and
// rows of text fields. Used by `tgvc-bench bd` and the regression gate to read results.csv.
#pragma once

#include <string>
#include <vector>

namespace tgvc {

struct CsvTable {
  std::string source;                          // the file path, for messages
  std::vector<std::string> header;             // column names, surrounding blanks trimmed
  std::vector<std::vector<std::string>> rows;  // every row has header.size() fields
  std::vector<int> row_lines;                  // the 1-based line each row starts on

  // Index of the column called `name`, or -1.
  int column(const std::string& name) const;
  // "source:line" of row `row`, for messages.
  std::string where(size_t row) const;
};

// Largest CSV file read, so a wrong path (a video, /dev/zero) fails instead of filling memory.
constexpr size_t kMaxCsvBytes = size_t{256} << 20;

// Parses CSV text. Blank lines are skipped; CRLF and a UTF-8 byte-order mark are accepted.
// Throws InputError naming source:line for a ragged row, an unterminated quote, text after a
// closing quote, an empty or duplicated column name, or a missing header.
CsvTable parse_csv(const std::string& text, const std::string& source);

// Reads and parses a file. Throws InputError when it cannot be read or is larger than kMaxCsvBytes.
CsvTable read_csv_file(const std::string& path);

}  // namespace tgvc
