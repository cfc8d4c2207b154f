// Normaliser: the canonical text of a line, as units carry it and rules match
// it.
//
// Contract: NormaliseLine() writes `raw` to `*out` with
// - curly quotes and apostrophes made straight (’ -> ', “ ” „ -> ", `` -> "),
// - dashes and minus signs made '-' (an em dash becomes " - ", so the words on
//   either side stay apart),
// - ligatures expanded (ﬁ -> fi), an ellipsis character made "...",
// - soft hyphens, zero-width characters and byte order marks removed,
// - every other space character, tab and control character made a space, runs
//   of spaces collapsed to one, and leading and trailing spaces removed.
// Everything else is copied unchanged. Input must be valid UTF-8 (the line
// reader guarantees it); output is valid UTF-8. Pure ASCII input without
// doubled spaces is copied as is.
#ifndef GAPMAP_SEGMENT_NORMALISER_H_
#define GAPMAP_SEGMENT_NORMALISER_H_

#include <string>
#include <string_view>

namespace gapmap {

void NormaliseLine(std::string_view raw, std::string* out);

// The same text without the copy for a line that needs none (most lines):
// a view into `raw` when trimming is all it needs, else into `*scratch`,
// which holds the normalised text. Valid while both are unchanged.
std::string_view NormaliseLineView(std::string_view raw, std::string* scratch);
// The same, also saying whether the text may hold an ASCII digit: false only
// when it surely holds none (found on the way for most lines; normalising
// never makes a digit).
std::string_view NormaliseLineView(std::string_view raw, std::string* scratch,
                                   bool* may_hold_digit);

// Leading spaces of `raw` (a tab counts as one): the indent the segmenter
// reads footnote inserts and resumed text by.
int LeadingSpaces(std::string_view raw);

}  // namespace gapmap

#endif  // GAPMAP_SEGMENT_NORMALISER_H_
