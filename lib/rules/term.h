// Term: one keyword or phrase of a rule ("victim assistance", "reintegrat*",
// "co-operation"), parsed into words and the gaps between them.
//
// Semantics (docs/rules.md, "Terms"):
//  - A term matches whole words: it starts at the start of a word and ends at
//    the end of one. Words and their classes come from word_scan.h.
//  - Case-insensitive (words are stored case-folded) unless case_sensitive.
//  - `*` right after a word is a suffix glob: "shelter*" matches "shelters";
//    the match covers the whole word. Anywhere else `*` is an error.
//  - A space between words matches any run of spaces and/or dashes (so line
//    breaks, "counter trafficking" ~ "counter-trafficking").
//  - A dash between words (no space) matches a run of spaces/dashes or
//    nothing at all: "co-operation" ~ "cooperation" ~ "co operation".
//  - Other punctuation between words must be there, ignoring spaces around
//    it and curly/straight quote differences: "HIV/AIDS" ~ "HIV / AIDS".
//  - A term begins and ends with a letter or digit (or a trailing `*`).
#ifndef GAPMAP_RULES_TERM_H_
#define GAPMAP_RULES_TERM_H_

#include <string>
#include <string_view>
#include <vector>

#include "lib/core/status.h"

namespace gapmap {

struct TermWord {
  std::string text;   // case-folded unless the term is case-sensitive
  bool glob = false;  // written with a trailing `*`
  friend bool operator==(const TermWord&, const TermWord&) = default;
};

enum class TermGapKind : uint8_t {
  kSoft,      // one or more spaces/dashes
  kOptional,  // spaces/dashes or nothing (a dash written between two words)
  kLiteral,   // punctuation that must be present (canonical form in `literal`)
};

struct TermGap {
  TermGapKind kind = TermGapKind::kSoft;
  std::string literal;  // kLiteral: CanonicalGap() of the written gap
  bool kind_is_literal() const { return kind == TermGapKind::kLiteral; }
  friend bool operator==(const TermGap&, const TermGap&) = default;
};

struct Term {
  std::string source;  // normalised as written
  bool case_sensitive = false;
  bool at_start = false;  // counts only as the first word(s) of a unit (`first:`)
  std::vector<TermWord> words;  // at least one
  std::vector<TermGap> gaps;    // words.size() - 1
};

// A term with every optional gap decided: each kOptional became either kSoft
// (split) or nothing (the two words joined into one). Only kSoft/kLiteral gaps.
struct TermVariant {
  std::vector<TermWord> words;
  std::vector<TermGap> gaps;
};

// Most optional gaps a term may have (each doubles its variants).
inline constexpr int kMaxOptionalGaps = 6;
// Most plain terms one entry with alternatives may expand to.
inline constexpr int kMaxAlternatives = 256;

// `text` normalised the way unit text is (lib/segment/normaliser.h: curly
// quotes straight, dashes '-', ligatures spelled out, spaces collapsed and
// trimmed), so that terms and examples compare with what documents give.
std::string NormalizeLikeText(std::string_view text);

// Parses `text` (normalised first). The error message says what is wrong with
// the term but not where; the caller adds the location and rule.
Result<Term> ParseTerm(std::string_view text, bool case_sensitive);

// An entry may hold alternatives in parentheses: "(has|have|had) developed",
// "(also|) provides" (an empty alternative makes the part optional),
// "victim(s|)". They are expanded (left to right, alternatives in the order
// written) into plain terms, each parsed by ParseTerm. Groups do not nest;
// at most kMaxAlternatives terms per entry.
Result<std::vector<std::string>> ExpandAlternatives(std::string_view text);
Result<std::vector<Term>> ParseTermEntry(std::string_view text, bool case_sensitive);

// All variants of `term`, in a fixed order (the all-split variant first).
std::vector<TermVariant> ExpandVariants(const Term& term);

// An RE2 pattern for the term's text (without the word-boundary conditions at
// its ends, the at-start condition and case flags): the reference definition
// that the fast token matcher must agree with.
std::string TermToRegex(const Term& term);

// A POSIX ERE for `grep -E -i`, with \b boundaries. Approximate where ERE
// cannot say the same (case-sensitive terms, non-ASCII classes).
std::string TermToEre(const Term& term);

}  // namespace gapmap

#endif  // GAPMAP_RULES_TERM_H_
