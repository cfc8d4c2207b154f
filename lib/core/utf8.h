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

}  // namespace gapmap

#endif  // GAPMAP_CORE_UTF8_H_
