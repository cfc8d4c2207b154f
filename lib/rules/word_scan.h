// Words as the rule engine sees them: which characters make up a word, how
// case is folded, and what separates words. Terms and unit text are cut into
// words by the same functions, so a term matches exactly where its words do.
//
// Character classes (code points):
//   word   ASCII letters and digits, and every non-ASCII code point that is
//          not listed below (letters, accents, CJK, ...)
//   space  ASCII whitespace, no-break and typographic spaces, zero-width ones
//   dash   '-', soft hyphen, U+2010..U+2015, U+2212 and their compatibility forms
//   other  ASCII punctuation, Latin-1 and general punctuation, quotes,
//          symbols, arrows, private-use code points (PDF bullets), U+FFFD,
//          and ill-formed bytes
// Case folding maps ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic
// capitals to small letters *without changing the byte length*, so offsets in
// folded text are offsets in the original.
#ifndef GAPMAP_RULES_WORD_SCAN_H_
#define GAPMAP_RULES_WORD_SCAN_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace gapmap {

enum class CharClass : uint8_t { kWord, kSpace, kDash, kOther };

CharClass ClassifyCodePoint(char32_t cp);

// Decodes the code point at s[i]. Returns its byte length (>= 1); an
// ill-formed byte decodes as U+FFFD of length 1.
size_t DecodeAt(std::string_view s, size_t i, char32_t* cp);

// The class of the code point at s[i] and its length.
inline CharClass ClassAt(std::string_view s, size_t i, size_t* len) {
  char32_t cp;
  *len = DecodeAt(s, i, &cp);
  return ClassifyCodePoint(cp);
}

// The class of the code point that ends just before s[i] (i > 0).
CharClass ClassBefore(std::string_view s, size_t i);

// The folded (small letter) form of `cp`; the same UTF-8 length as `cp`.
char32_t FoldCodePoint(char32_t cp);

// `s` with every code point folded; same byte length.
std::string FoldCase(std::string_view s);

// A gap between two words in canonical form: spaces dropped, dashes as '-',
// curly quotes as ASCII quotes. Two gaps "are the same punctuation" when
// their canonical forms are equal ("HIV / AIDS" and "HIV/AIDS").
std::string CanonicalGap(std::string_view gap);

// True if every code point of `gap` is a space or a dash (and it is not
// empty): words separated by such a gap belong to one phrase.
bool IsSoftGap(std::string_view gap);

// RE2 character classes (without brackets' negation) equivalent to the
// classes above, for the regex translation of terms: "[...]".
const std::string& WordClassRegex();
const std::string& SoftClassRegex();   // space or dash
const std::string& SpaceClassRegex();  // space only
// A regex matching every code point whose canonical form is `code_point` (one
// code point of a canonical gap), e.g. "'" -> "['\x{2018}\x{2019}...]".
std::string CanonicalCharRegex(std::string_view code_point);

// Number of words in `text`.
size_t CountWords(std::string_view text);

}  // namespace gapmap

#endif  // GAPMAP_RULES_WORD_SCAN_H_
