// RE2 pattern syntax read into a small tree, for analyses that need to know
// what a regex can match without running it (regex_length.h: how long a
// match can be; lib/segment/line_prefix_filter.h: how a match can start and
// end; AnchoredAtStart() and AnchoredAtEnd() below: whether it is tied to the
// text's start or end).
//
// The reader knows the syntax the shipped rules use: alternation, sequences,
// groups ((...), (?:...), (?P<name>...), (?flags) and (?flags:...)),
// quantifiers (* + ? {n} {n,} {n,m}, greedy or lazy), classes ([...] with
// ranges, negation, escapes and [:posix:] classes), escapes (\d \w \s and
// their negations, \pL \p{...}, \xHH \x{...}, \n \t and the like, escaped
// punctuation), ., ^ $ \A \z \b \B and UTF-8 literals. Anything else
// (\Q...\E, octal, back references, a '{' that is no count, a quantifier
// with nothing or another quantifier before it) is "not understood" rather
// than guessed at: an analysis then has to assume the worst.
//
// A character node's set may be larger than what RE2 matches (named classes,
// '.', non-ASCII class members, negated classes with any of those and
// case-folded non-ASCII literals are "any character" or "any non-ASCII code
// point"; a negated class of ASCII members is every other ASCII character
// and any non-ASCII one), never smaller.
#ifndef GAPMAP_RULES_REGEX_SYNTAX_H_
#define GAPMAP_RULES_REGEX_SYNTAX_H_

#include <bitset>
#include <optional>
#include <string_view>
#include <vector>

namespace gapmap {

// The code points one character of a match can be, with (?i) already
// applied where it was active: an ASCII letter stands for both its cases.
struct RegexChars {
  std::bitset<128> ascii;        // ASCII members
  std::vector<char32_t> others;  // non-ASCII members, exactly
  bool any_other = false;        // every non-ASCII code point
  // An ASCII letter under (?i): RE2 also folds U+017F to s and U+212A to k.
  bool folds_from_non_ascii = false;
  // Written as \x (alone or in a class): regex_length.h counts it as four bytes.
  bool hex = false;
};

struct RegexNode {
  enum class Kind {
    kChar,          // one code point of `chars`
    kEmpty,         // the empty string (also a flags-only group)
    kAnchor,        // ^ \A (at_end false) or $ \z (at_end true)
    kWordBoundary,  // \b \B
    kConcat,        // `children` one after the other
    kAlternate,     // one of `children`
    kRepeat,        // children[0], min to max times (max -1: unbounded)
  };
  Kind kind = Kind::kEmpty;
  RegexChars chars;
  bool at_end = false;
  bool multi_line = false;  // ^ or $ under (?m): they also match at line breaks
  bool negated = false;     // \B: not at a word boundary (kWordBoundary)
  int min = 0;
  int max = 0;
  std::vector<RegexNode> children;
};

// The tree, or nothing when the pattern holds syntax the reader does not know.
std::optional<RegexNode> ParseRegexSyntax(std::string_view pattern);

// Every match starts at the start of the text: each alternative begins, after
// flags-only groups, with '^' (not under (?m)) or \A.
bool AnchoredAtStart(const RegexNode& n);
// Every match ends at the end of the text: each alternative ends in '$' (not
// under (?m)) or \z.
bool AnchoredAtEnd(const RegexNode& n);

}  // namespace gapmap

#endif  // GAPMAP_RULES_REGEX_SYNTAX_H_
