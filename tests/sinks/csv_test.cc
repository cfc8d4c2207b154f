#include "lib/sinks/csv.h"

#include <doctest/doctest.h>

namespace gapmap {
namespace {

std::string Field(std::string_view s, char delimiter = ',') {
  std::string out;
  AppendCsvField(&out, s, delimiter);
  return out;
}

TEST_CASE("csv fields are quoted only when they must be") {
  CHECK(Field("IOM") == "IOM");
  CHECK(Field("") == "");
  CHECK(Field("a,b") == "\"a,b\"");
  CHECK(Field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(Field("two\nlines") == "\"two\nlines\"");
  CHECK(Field("a\tb") == "a\tb");
  CHECK(Field("a\tb", '\t') == "\"a\tb\"");
  CHECK(Field("a,b", '\t') == "a,b");
}

TEST_CASE("csv fields a spreadsheet would evaluate are neutralised") {
  CHECK(Field("=SUM(A1)") == "'=SUM(A1)");
  CHECK(Field("+1") == "'+1");
  CHECK(Field("-x") == "'-x");
  CHECK(Field("@cmd") == "'@cmd");
  CHECK(Field("\tx") == "'\tx");
  CHECK(Field("\rx") == "\"'\rx\"");
  CHECK(Field("=a,b") == "\"'=a,b\"");
  // An apostrophe of our own gets one more, so reading strips exactly one.
  CHECK(Field("'quoted") == "''quoted");
  CHECK(Field("a=b") == "a=b");
}

TEST_CASE("csv records parse back to the values written") {
  const std::vector<std::string> values = {"plain", "",  "a,b", "say \"hi\"", "two\nlines",
                                           "=1+1",  "-", "'x",  "crlf\r\nin", "ünïcödé"};
  for (char delimiter : {',', '\t'}) {
    std::string text;
    std::vector<std::string_view> views(values.begin(), values.end());
    AppendCsvRecord(&text, views, delimiter);
    AppendCsvRecord(&text, views, delimiter);
    auto records = ParseCsv(text, "t.csv", delimiter);
    REQUIRE(records.ok());
    REQUIRE(records->size() == 2);
    for (const auto& record : *records) {
      REQUIRE(record.size() == values.size());
      for (size_t i = 0; i < values.size(); ++i)
        CHECK(UnneutraliseCsvField(record[i]) == values[i]);
    }
  }
}

TEST_CASE("csv parsing accepts CRLF and a last record without a line end") {
  auto records = ParseCsv("a,b\r\n1,\"2\"\r\n3,4", "t.csv");
  REQUIRE(records.ok());
  CHECK(*records == std::vector<std::vector<std::string>>{{"a", "b"}, {"1", "2"}, {"3", "4"}});
}

TEST_CASE("csv parse errors name the line") {
  auto unterminated = ParseCsv("a,b\n1,\"open\n", "t.csv");
  REQUIRE_FALSE(unterminated.ok());
  CHECK(unterminated.status().message() == "t.csv:2: unterminated quoted field");
  auto junk = ParseCsv("\"a\"b,c\n", "t.csv");
  REQUIRE_FALSE(junk.ok());
  CHECK(junk.status().message().find("t.csv:1: unexpected character") == 0);
}

}  // namespace
}  // namespace gapmap
