// MinMatchBytes: the fewest bytes a match of a regex can span, read from its
// RE2 syntax (lib/rules/regex_syntax.h).
//
// A text shorter than that holds no match, so the regex need not run: the
// line classifier asks it of the footnote separator ('^ {30,}$' in
// rules/structure.yaml), which is otherwise run over every line made only of
// spaces, most of them one space long.
//
// The bound must never be too large; it may be too small (the regex then
// runs where it could not match): every character counts one byte (a
// multi-byte one spans more), anchors and word boundaries none, a repeat its
// least count of its child; a pattern the reader does not understand gives 0.
#ifndef GAPMAP_SEGMENT_MIN_MATCH_BYTES_H_
#define GAPMAP_SEGMENT_MIN_MATCH_BYTES_H_

#include <cstddef>
#include <string_view>

namespace gapmap {

size_t MinMatchBytes(std::string_view pattern);

}  // namespace gapmap

#endif  // GAPMAP_SEGMENT_MIN_MATCH_BYTES_H_
