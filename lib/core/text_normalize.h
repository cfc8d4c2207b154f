// Character-level text normalisation shared by the segmenter (unit text) and
// the rule compiler (terms), so that a term written with straight quotes
// matches text printed with curly ones.
//
// Contract: NormalizeChars maps, code point by code point,
//   curly/prime apostrophes (U+2018 U+2019 U+201B U+2032 U+02BC) -> '
//   curly/prime double quotes (U+201C U+201D U+201E U+201F U+2033) -> "
//   hyphens and dashes (U+2010..U+2015, U+2212, U+FE58, U+FE63, U+FF0D) -> -
//   no-break and typographic spaces (U+00A0, U+2000..U+200A, U+202F, U+205F,
//   U+3000) -> space
//   ligatures U+FB00..U+FB06 -> ff fi fl ffi ffl st st;  U+2026 -> ...
//   soft hyphen U+00AD, zero-width U+200B..U+200D, U+2060, U+FEFF -> removed
// and copies everything else unchanged (ill-formed bytes included). It does
// not join lines or collapse spaces: that is the segmenter's business.
#ifndef GAPMAP_CORE_TEXT_NORMALIZE_H_
#define GAPMAP_CORE_TEXT_NORMALIZE_H_

#include <string>
#include <string_view>

namespace gapmap {

// Appends the normalised form of `in` to `out`.
void AppendNormalizedChars(std::string_view in, std::string* out);

inline std::string NormalizeChars(std::string_view in) {
  std::string out;
  AppendNormalizedChars(in, &out);
  return out;
}

// NormalizeChars, then every run of whitespace becomes one space and the ends
// are trimmed: the form in which terms and example texts are compared.
std::string NormalizeTermText(std::string_view in);

}  // namespace gapmap

#endif  // GAPMAP_CORE_TEXT_NORMALIZE_H_
