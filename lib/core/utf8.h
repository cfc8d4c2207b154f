// UTF-8 primitives shared by the reader (validation and repair) and the writers.
#ifndef GAPMAP_CORE_UTF8_H_
#define GAPMAP_CORE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace gapmap {

// Length of the well-formed UTF-8 sequence at the start of `s` (1-4), or 0 if
// it is ill-formed or truncated (overlongs, surrogates and > U+10FFFF are
// ill-formed).
size_t Utf8SequenceLength(std::string_view s);

// True if all of `s` is well-formed UTF-8.
bool IsValidUtf8(std::string_view s);

// Offset of the first ill-formed byte in `s`, or npos.
size_t FindInvalidUtf8(std::string_view s);

// Appends `s` with every ill-formed byte replaced by U+FFFD.
void AppendRepairedUtf8(std::string* out, std::string_view s);

// Appends the UTF-8 encoding of `code_point` (which must be a scalar value).
void AppendUtf8(std::string* out, char32_t code_point);

// The code point of the well-formed sequence of `len` bytes (1-4, from
// Utf8SequenceLength()) at `s`. Inline: the normaliser and the line regex
// matcher decode every non-ASCII character they look at.
inline char32_t DecodeUtf8(const char* s, size_t len) {
  auto b = [&](size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(s[i])); };
  switch (len) {
    case 2:
      return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
    case 3:
      return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    case 4:
      return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
    default:
      return b(0);
  }
}

}  // namespace gapmap

#endif  // GAPMAP_CORE_UTF8_H_
