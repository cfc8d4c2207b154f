// The most and the fewest bytes a match of a regex can span, read from its
// RE2 syntax (regex_syntax.h).
//
// MaxMatchBytes:
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

#include <bitset>
#include <cstddef>
#include <string_view>

namespace gapmap {

// The bound in bytes, or -1 if unbounded (or not understood).
int MaxMatchBytes(std::string_view pattern);

// The fewest bytes a match can span. A text shorter than that holds no
// match, so the regex need not run: the line classifier asks it of the
// footnote separator ('^ {30,}$' in rules/structure.yaml), which would
// otherwise run over every line made only of spaces, most of them one space
// long. The bound must never be too large; it may be too small: every
// character counts one byte (a multi-byte one spans more), anchors and word
// boundaries none, a repeat its least count times its child; a pattern the
// reader does not understand gives 0.
size_t MinMatchBytes(std::string_view pattern);

// MatchableBytes:
// The bytes a match can hold. The regex prefilter bounds the windows of a
// regex of unbounded length by the bytes no match holds (`\bassist\w*`: a
// match lies within the run of word bytes around its atom). The set must
// never be too small; it may be too large: a class's ASCII members (both
// cases under (?i)), and every byte from 0x80 up for anything that may match
// a non-ASCII code point. Every byte for \x escapes, for what the reader
// takes for any character (., named classes: regex_syntax.h) and for a
// pattern it does not understand. (`[^.;:?]*?`: a match lies between the
// sentence marks around its atom.)
std::bitset<256> MatchableBytes(std::string_view pattern);

}  // namespace gapmap

#endif  // GAPMAP_RULES_REGEX_LENGTH_H_
