#include <cstdio>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness/core/error.h"
#include "harness/results/csv_reader.h"
#include "harness/results/csv_tables.h"

namespace tgvc {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string error_of(const std::string& text) {
  try {
    parse_csv(text, "t.csv");
  } catch (const InputError& e) {
    return e.what();
  }
  return "no error";
}

TEST(CsvReader, QuotedFieldsHoldCommasQuotesAndLineBreaks) {
  const CsvTable t = parse_csv("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n1,,3\n", "t.csv");
  EXPECT_THAT(t.header, ElementsAre("a", "b", "c"));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_THAT(t.rows[0], ElementsAre("x, y", "say \"hi\"", "two\nlines"));
  EXPECT_THAT(t.rows[1], ElementsAre("1", "", "3"));
  EXPECT_THAT(t.row_lines, ElementsAre(2, 4));  // the quoted line break counts
  EXPECT_EQ(t.where(1), "t.csv:4");
}

TEST(CsvReader, ReadsBackWhatTheResultsWriterQuotes) {
  const std::vector<std::string> fields = {"plain", "with, comma", "with \"quotes\"", "line\r\nbreak", ""};
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) line += (i ? "," : "") + csv_field(fields[i]);
  const CsvTable t = parse_csv("a,b,c,d,e\r\n" + line + "\r\n", "t.csv");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0], fields);
}

TEST(CsvReader, BomBlankLinesCrlfAndMissingFinalNewline) {
  const CsvTable t = parse_csv("\xEF\xBB\xBF bpp , psnr\r\n\r\n0.1,30\r\n   \n0.2,31", "t.csv");
  EXPECT_THAT(t.header, ElementsAre("bpp", "psnr"));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_THAT(t.rows[1], ElementsAre("0.2", "31"));
  EXPECT_THAT(t.row_lines, ElementsAre(3, 5));
  EXPECT_EQ(t.column("psnr"), 1);
  EXPECT_EQ(t.column("lpips"), -1);
}

TEST(CsvReader, RaggedRowNamesFileAndLine) {
  EXPECT_EQ(error_of("a,b\n1,2\n\n3\n"), "t.csv:4: expected 2 fields as in the header, found 1");
  EXPECT_EQ(error_of("a,b\n1,2,3\n"), "t.csv:2: expected 2 fields as in the header, found 3");
}

TEST(CsvReader, MalformedQuotingAndHeaders) {
  EXPECT_THAT(error_of("a,b\n\"1,2\n"), HasSubstr("t.csv:2: expected a closing quote"));
  EXPECT_THAT(error_of("a,b\n\"1\"x,2\n"),
              HasSubstr("t.csv:2: expected ',' or the end of the line after a closing quote"));
  EXPECT_THAT(error_of(""), HasSubstr("t.csv: expected a CSV header line"));
  EXPECT_THAT(error_of("a,,b\n"), HasSubstr("a name for every column"));
  EXPECT_THAT(error_of("a,b,a\n"), HasSubstr("'a' twice"));
}

TEST(CsvReader, QuoteInsideAnUnquotedFieldIsText) {
  const CsvTable t = parse_csv("a,b\n5\" disk,\"q\" \n", "t.csv");
  EXPECT_THAT(t.rows[0], ElementsAre("5\" disk", "q"));
}

TEST(CsvReader, MissingFileIsAnInputErrorNamingIt) {
  try {
    read_csv_file("/nonexistent/results.csv");
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "/nonexistent/results.csv");
  }
}

TEST(CsvReader, DirectoryIsRefused) {
  try {
    read_csv_file(::testing::TempDir());
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_EQ(e.found(), "a directory");
  }
}

TEST(CsvReader, ReadsAFile) {
  const std::string path = ::testing::TempDir() + "csv_reader_test.csv";
  std::ofstream(path) << "bpp,psnr\n0.01,30\n";
  const CsvTable t = read_csv_file(path);
  EXPECT_EQ(t.source, path);
  EXPECT_THAT(t.rows[0], ElementsAre("0.01", "30"));
  std::remove(path.c_str());
}

}  // namespace
}  // namespace tgvc
