#include "lib/source/line_reader.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

namespace gapmap {
namespace {

using namespace std::string_literals;

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
  options.on_warning = [&](uint32_t, uint64_t offset, std::string_view) {
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

struct Warning {
  uint32_t line;
  uint64_t offset;
  std::string message;
};

struct ReadResult {
  std::vector<std::string> texts;
  std::vector<Warning> warnings;
  Status status;
  std::optional<uint64_t> nul_offset;
  uint64_t replaced = 0;
};

ReadResult ReadWith(const std::string& data, size_t chunk, ReaderOptions options) {
  ReadResult result;
  StringSource source(data, "<test>", chunk);
  options.chunk_size = chunk;
  options.on_warning = [&](uint32_t line, uint64_t offset, std::string_view message) {
    result.warnings.push_back({line, offset, std::string(message)});
  };
  LineReader reader(&source, options);
  Line line;
  while (reader.Next(&line)) result.texts.emplace_back(line.text);
  result.status = reader.status();
  result.nul_offset = reader.nul_offset();
  result.replaced = reader.replaced_bytes();
  return result;
}

TEST_CASE("every bad byte is replaced and reported with its own offset and line") {
  for (size_t chunk : kChunkSizes) {
    CAPTURE(chunk);
    ReadResult r = ReadWith("ok\n\xC3(\xFF\n\xE2\x80", chunk, {});
    REQUIRE(r.status.ok());
    REQUIRE(r.texts.size() == 3);
    CHECK(r.texts[1] == "\xEF\xBF\xBD(\xEF\xBF\xBD");
    CHECK(r.texts[2] == "\xEF\xBF\xBD\xEF\xBF\xBD");  // a truncated sequence at EOF
    REQUIRE(r.warnings.size() == 4);
    CHECK(r.warnings[0].line == 2);
    CHECK(r.warnings[0].offset == 3);
    CHECK(r.warnings[0].message == "invalid UTF-8 at byte offset 3; replaced by U+FFFD");
    CHECK(r.warnings[1].offset == 5);
    CHECK(r.warnings[2].line == 3);
    CHECK(r.warnings[2].offset == 7);
    CHECK(r.replaced == 4);
  }
}

TEST_CASE("warnings do not flood: the first few then one summary with the count") {
  std::string latin1;
  for (int i = 0; i < 1000; ++i) latin1 += "caf\xE9\n";
  for (size_t chunk : kChunkSizes) {
    CAPTURE(chunk);
    ReaderOptions options;
    options.warning_limit = 3;
    ReadResult r = ReadWith(latin1, chunk, options);
    REQUIRE(r.texts.size() == 1000);
    for (const std::string& text : r.texts) CHECK(text == "caf\xEF\xBF\xBD");
    REQUIRE(r.warnings.size() == 4);
    CHECK(r.warnings[2].line == 3);
    CHECK(r.warnings[3].line == 0);
    CHECK(r.warnings[3].message.rfind(
              "1000 invalid UTF-8 bytes replaced by U+FFFD in all; only the first 3 are shown", 0) == 0);
    CHECK(r.replaced == 1000);
  }
}

TEST_CASE("with stop_at_nul a NUL byte stops the reader before any line holding it") {
  std::string data = "first\nsecond line\nthird \0 line\nfourth\n"s;
  for (size_t chunk : kChunkSizes) {
    CAPTURE(chunk);
    ReaderOptions options;
    options.stop_at_nul = true;
    ReadResult r = ReadWith(data, chunk, options);
    CHECK(r.status.code() == StatusCode::kInput);
    CHECK(r.status.message() == "<test>: binary data: NUL byte at byte offset 24");
    CHECK(r.nul_offset == 24u);
    // How many lines come before the stop depends on the chunk, never one with the NUL.
    CHECK(r.texts.size() <= 2);
    for (const std::string& text : r.texts) CHECK(text.find('\0') == std::string::npos);
  }
}

TEST_CASE("without stop_at_nul NUL bytes become U+FFFD with a warning") {
  for (size_t chunk : kChunkSizes) {
    CAPTURE(chunk);
    ReadResult r = ReadWith("a\0b\n"s, chunk, {});
    REQUIRE(r.status.ok());
    REQUIRE(r.texts.size() == 1);
    CHECK(r.texts[0] == "a\xEF\xBF\xBD" "b");
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].message == "NUL byte at byte offset 1; replaced by U+FFFD");
    CHECK_FALSE(r.nul_offset.has_value());
  }
}

TEST_CASE("an over-long line is reported once however many pieces it is cut into") {
  std::string data(100, 'x');
  data += "\nshort\n" + std::string(40, 'y');
  for (size_t chunk : kChunkSizes) {
    CAPTURE(chunk);
    ReaderOptions options;
    options.max_line_bytes = 16;
    ReadResult r = ReadWith(data, chunk, options);
    REQUIRE(r.status.ok());
    REQUIRE(r.texts.size() == 7 + 1 + 3);  // 100 = 6*16 + 4, then 40 = 2*16 + 8
    CHECK(r.texts[7] == "short");
    for (const std::string& text : r.texts) CHECK(text.size() <= 16);
    REQUIRE(r.warnings.size() == 2);
    CHECK(r.warnings[0].line == 1);
    CHECK(r.warnings[0].message ==
          "line longer than 16 bytes (--max-unit-bytes); split into pieces");
    CHECK(r.warnings[1].line == 3);
    CHECK(r.warnings[1].offset == 107);
  }
}

TEST_CASE("repairs never make a piece longer than the cap") {
  // Each bad byte becomes 3 bytes: 10 of them do not fit in 16 bytes.
  std::string data = std::string(10, '\xFF') + "\nok\n";
  for (size_t chunk : kChunkSizes) {
    CAPTURE(chunk);
    ReaderOptions options;
    options.max_line_bytes = 16;
    options.warning_limit = 100;
    ReadResult r = ReadWith(data, chunk, options);
    REQUIRE(r.status.ok());
    REQUIRE(r.texts.size() == 3);
    CHECK(r.texts[0].size() == 15);  // 5 x U+FFFD
    CHECK(r.texts[1].size() == 15);
    CHECK(r.texts[2] == "ok");
    CHECK(r.replaced == 10);
    REQUIRE(r.warnings.size() == 11);
    CHECK(r.warnings[5].message ==
          "line longer than 16 bytes (--max-unit-bytes); split into pieces");
    CHECK(r.warnings[6].offset == 5);
  }
}

TEST_CASE("a form feed that a cut puts first in a piece is a space and not a page break") {
  std::string data = std::string(8, 'a') + "\fbbb\n";
  for (size_t chunk : kChunkSizes) {
    CAPTURE(chunk);
    StringSource source(data, "<test>", chunk);
    ReaderOptions options;
    options.chunk_size = chunk;
    options.max_line_bytes = 8;
    LineReader reader(&source, options);
    Line line;
    REQUIRE(reader.Next(&line));
    CHECK(line.text == "aaaaaaaa");
    REQUIRE(reader.Next(&line));
    CHECK(line.text == " bbb");
    CHECK_FALSE(line.page_break);
    CHECK(line.continued);
    CHECK_FALSE(reader.Next(&line));
  }
}

TEST_CASE("tabs and other control characters pass through; form feeds in a line become spaces") {
  for (size_t chunk : kChunkSizes) {
    CAPTURE(chunk);
    ReadResult r = ReadWith("a\tb\vc\fd\x01\n\t\n", chunk, {});
    REQUIRE(r.texts.size() == 2);
    CHECK(r.texts[0] == "a\tb\vc d\x01");
    CHECK(r.texts[1] == "\t");
    CHECK(r.warnings.empty());
  }
}

TEST_CASE("a byte that needs a repair is found wherever it sits in a long line") {
  // The search for a line's end also notes the bytes that need a closer look,
  // 16 at a time: put one at every position of lines of many lengths, with a
  // clean line on either side, and every line still comes out as repaired.
  struct Odd {
    std::string in, out;
  };
  const Odd odds[] = {
      {"\xFF", "\xEF\xBF\xBD"}, {"\0"s, "\xEF\xBF\xBD"}, {"\f", " "}, {"\xC3\xA9", "\xC3\xA9"}};
  for (size_t chunk : kChunkSizes) {
    for (const Odd& odd : odds) {
      for (size_t length : {1, 15, 16, 17, 33, 40}) {
        for (size_t at = 1; at < length; ++at) {
          CAPTURE(chunk);
          CAPTURE(length);
          CAPTURE(at);
          std::string clean(length + 5, 'c');
          std::string line = std::string(at, 'a') + odd.in + std::string(length - at, 'b');
          std::string want = std::string(at, 'a') + odd.out + std::string(length - at, 'b');
          ReadResult r = ReadWith(clean + "\n" + line + "\n" + clean + "\r\n" + line, chunk, {});
          REQUIRE(r.texts.size() == 4);
          CHECK(r.texts[0] == clean);
          CHECK(r.texts[1] == want);
          CHECK(r.texts[2] == clean);
          CHECK(r.texts[3] == want);
        }
      }
    }
  }
}

}  // namespace
}  // namespace gapmap
