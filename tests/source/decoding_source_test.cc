#include "lib/source/decoding_source.h"

#include <doctest/doctest.h>

#include <string>

#include "lib/core/utf8.h"

namespace gapmap {
namespace {

using namespace std::string_literals;

// Reads everything through a DecodingSource, asking for `chunk` bytes at a
// time from an inner source that also hands out `chunk`-byte pieces.
Result<std::string> Decode(const std::string& data, size_t chunk, DecodingSource** out = nullptr) {
  StringSource inner(data, "<test>", chunk);
  DecodingSource source(&inner);
  std::string text;
  std::string buffer(chunk, '\0');
  for (;;) {
    Result<size_t> n = source.Read(buffer.data(), chunk);
    if (!n.ok()) return n.status();
    if (*n == 0) break;
    text.append(buffer, 0, *n);
  }
  return text;
}

const size_t kChunkSizes[] = {1, 7, 4096};

std::string Utf16Le(std::u16string_view s, bool bom = true) {
  std::string out = bom ? "\xFF\xFE" : "";
  for (char16_t c : s) {
    out.push_back(static_cast<char>(c & 0xFF));
    out.push_back(static_cast<char>(c >> 8));
  }
  return out;
}

std::string Utf16Be(std::u16string_view s) {
  std::string out = "\xFE\xFF";
  for (char16_t c : s) {
    out.push_back(static_cast<char>(c >> 8));
    out.push_back(static_cast<char>(c & 0xFF));
  }
  return out;
}

TEST_CASE("the BOM decides the encoding") {
  CHECK(SniffEncoding("plain") == TextEncoding::kUtf8);
  CHECK(SniffEncoding("\xEF\xBB\xBFx") == TextEncoding::kUtf8);
  CHECK(SniffEncoding("\xFF\xFEx\0"s) == TextEncoding::kUtf16Le);
  CHECK(SniffEncoding("\xFE\xFF\0x"s) == TextEncoding::kUtf16Be);
  CHECK(SniffEncoding("\xFF\xFE\0\0"s) == TextEncoding::kUtf32Le);
  CHECK(SniffEncoding("\0\0\xFE\xFF"s) == TextEncoding::kUtf32Be);
  CHECK(SniffEncoding("\xFF") == TextEncoding::kUtf8);
  CHECK(SniffEncoding("") == TextEncoding::kUtf8);
}

TEST_CASE("UTF-8 input passes through byte for byte") {
  std::string data = "\xEF\xBB\xBFline one\r\nzwei \xC3\xBC\n\xFF";
  for (size_t chunk : kChunkSizes) {
    CAPTURE(chunk);
    Result<std::string> text = Decode(data, chunk);
    REQUIRE(text.ok());
    CHECK(*text == data);
  }
}

TEST_CASE("UTF-16LE and UTF-16BE are transcoded to UTF-8 without the BOM") {
  // "Trafficking – €5 😀\r\n": ASCII, a 3-byte and a 4-byte (surrogate pair) character.
  std::u16string text = u"Trafficking \u2013 \u20AC5 \U0001F600\r\n";
  std::string expected = "Trafficking \xE2\x80\x93 \xE2\x82\xAC" "5 \xF0\x9F\x98\x80\r\n";
  for (size_t chunk : kChunkSizes) {
    CAPTURE(chunk);
    Result<std::string> le = Decode(Utf16Le(text), chunk);
    REQUIRE(le.ok());
    CHECK(*le == expected);
    Result<std::string> be = Decode(Utf16Be(text), chunk);
    REQUIRE(be.ok());
    CHECK(*be == expected);
  }
}

TEST_CASE("unpaired surrogates and an odd last byte become U+FFFD and are counted") {
  std::u16string text = u"a";
  text.push_back(0xD800);  // high surrogate followed by a non-surrogate
  text.push_back(u'b');
  text.push_back(0xDC00);  // lone low surrogate
  text.push_back(0xD83D);  // high surrogate at the very end
  std::string data = Utf16Le(text) + "x";  // and a dangling odd byte
  for (size_t chunk : kChunkSizes) {
    CAPTURE(chunk);
    StringSource inner(data, "<test>", chunk);
    DecodingSource source(&inner);
    std::string out;
    char buffer[4096];
    for (;;) {
      Result<size_t> n = source.Read(buffer, chunk);
      REQUIRE(n.ok());
      if (*n == 0) break;
      out.append(buffer, *n);
    }
    CHECK(out == "a\xEF\xBF\xBD" "b\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(IsValidUtf8(out));
    CHECK(source.replacements() == 4);
    CHECK(source.encoding() == TextEncoding::kUtf16Le);
  }
}

TEST_CASE("a BOM-only UTF-16 file is empty text") {
  for (size_t chunk : kChunkSizes) {
    Result<std::string> text = Decode("\xFF\xFE", chunk);
    REQUIRE(text.ok());
    CHECK(text->empty());
  }
}

TEST_CASE("UTF-32 is rejected with a message saying how to convert it") {
  for (size_t chunk : kChunkSizes) {
    CAPTURE(chunk);
    Result<std::string> text = Decode("\xFF\xFE\0\0h\0\0\0"s, chunk);
    REQUIRE_FALSE(text.ok());
    CHECK(text.status().code() == StatusCode::kInput);
    CHECK(text.status().message() ==
          "<test>: UTF-32LE text (byte order mark) is not supported; convert it to UTF-8, "
          "e.g. iconv -f UTF-32LE -t UTF-8");
  }
}

}  // namespace
}  // namespace gapmap
