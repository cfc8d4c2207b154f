#include "lib/source/line_reader.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace gapmap {
namespace {

struct ReadLine {
  std::string text;
  uint32_t number;
  uint64_t offset;
  bool page_break;
  bool continued;
  bool operator==(const ReadLine&) const = default;
};

std::vector<ReadLine> ReadAll(const std::string& data, size_t chunk, size_t max_line = 1 << 20,
                              std::vector<uint64_t>* warnings = nullptr) {
  StringSource source(data, "<test>", chunk);
  ReaderOptions options;
  options.chunk_size = chunk;
  options.max_line_bytes = max_line;
  options.on_warning = [&](uint64_t offset, std::string_view) {
    if (warnings) warnings->push_back(offset);
  };
  LineReader reader(&source, options);
  std::vector<ReadLine> lines;
  Line line;
  while (reader.Next(&line)) {
    lines.push_back({std::string(line.text), line.number, line.offset, line.page_break,
                     line.continued});
  }
  REQUIRE(reader.status().ok());
  return lines;
}

// Every reader case runs at several buffer sizes: results must not depend on
// where a chunk boundary falls.
const size_t kChunkSizes[] = {1, 7, 4096};

TEST_CASE("line ends: LF, CRLF and lone CR all end a line") {
  for (size_t chunk : kChunkSizes) {
    CAPTURE(chunk);
    auto lines = ReadAll("a\nb\r\nc\rd", chunk);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0] == ReadLine{"a", 1, 0, false, false});
    CHECK(lines[1] == ReadLine{"b", 2, 2, false, false});
    CHECK(lines[2] == ReadLine{"c", 3, 5, false, false});
    CHECK(lines[3] == ReadLine{"d", 4, 7, false, false});
  }
}

TEST_CASE("a final newline does not add an empty line but blank lines are kept") {
  for (size_t chunk : kChunkSizes) {
    CAPTURE(chunk);
    auto lines = ReadAll("a\n\n\nb\n", chunk);
    REQUIRE(lines.size() == 4);
    CHECK(lines[1].text.empty());
    CHECK(lines[3].text == "b");
    CHECK(lines[3].number == 4);
  }
}

TEST_CASE("empty input gives no lines") {
  for (size_t chunk : kChunkSizes) CHECK(ReadAll("", chunk).empty());
}

TEST_CASE("BOM is dropped, also when split across chunks") {
  for (size_t chunk : kChunkSizes) {
    CAPTURE(chunk);
    auto lines = ReadAll("\xEF\xBB\xBFhello\nworld", chunk);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].text == "hello");
    CHECK(lines[0].offset == 3);
  }
}

TEST_CASE("form feed at line start is a page break and inside a line a space") {
  for (size_t chunk : kChunkSizes) {
    CAPTURE(chunk);
    auto lines = ReadAll("end of page\n\fNew page\nx\fy\n\f", chunk);
    REQUIRE(lines.size() == 4);
    CHECK_FALSE(lines[0].page_break);
    CHECK(lines[1] == ReadLine{"New page", 2, 12, true, false});
    CHECK(lines[2].text == "x y");
    CHECK(lines[3] == ReadLine{"", 4, 26, true, false});
  }
}

TEST_CASE("invalid UTF-8 is replaced and reported with its byte offset") {
  for (size_t chunk : kChunkSizes) {
    CAPTURE(chunk);
    std::vector<uint64_t> warnings;
    auto lines = ReadAll("ok\nbad \xFF byte\n", chunk, 1 << 20, &warnings);
    REQUIRE(lines.size() == 2);
    CHECK(lines[1].text == "bad \xEF\xBF\xBD byte");
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] == 7);
  }
}

TEST_CASE("over-long lines are cut into pieces at UTF-8 boundaries") {
  std::string text = "abcd\xC3\xA9" "fgh\nnext";  // é is two bytes
  for (size_t chunk : kChunkSizes) {
    CAPTURE(chunk);
    auto lines = ReadAll(text, chunk, 5);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == ReadLine{"abcd", 1, 0, false, false});
    CHECK(lines[1] == ReadLine{"\xC3\xA9" "fgh", 1, 4, false, true});
    CHECK(lines[2] == ReadLine{"next", 2, 10, false, false});
  }
}

}  // namespace
}  // namespace gapmap
