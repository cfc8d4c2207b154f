// The most bytes a match of a regex can span, read from its RE2 syntax.
//
// The regex prefilter runs a regex only in windows around the atoms it found
// (regex_prefilter.h): a match holds one of its atoms and is at most this
// long, so it lies within that distance of the atom. The bound must never be
// too small; it may be too large (the window is then wider than needed):
//  - an ASCII literal, \d, \w, \s, or a class of ASCII code points spans one
//    byte. That holds with (?i) too as long as the text has no U+017F or
//    U+212A, the only non-ASCII code points RE2 folds to ASCII letters; the
//    prefilter sends units with them down the unfiltered path.
//  - anything else that consumes a code point (., negated classes, \pL,
//    non-ASCII literals, \x escapes) spans at most four bytes.
//  - *, +, {n,} and anything regex_syntax.h does not read make it unbounded.
#ifndef GAPMAP_RULES_REGEX_LENGTH_H_
#define GAPMAP_RULES_REGEX_LENGTH_H_

#include <string_view>

namespace gapmap {

// The bound in bytes, or -1 if unbounded (or not understood).
int MaxMatchBytes(std::string_view pattern);

}  // namespace gapmap

#endif  // GAPMAP_RULES_REGEX_LENGTH_H_
