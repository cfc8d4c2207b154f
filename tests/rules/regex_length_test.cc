#include "lib/rules/regex_length.h"

#include <doctest/doctest.h>

#include <bitset>
#include <string>
#include <vector>

#include "lib/rules/regex.h"

namespace gapmap {
namespace {

TEST_CASE("the least match length of counts, sequences and alternatives") {
  CHECK(MinMatchBytes("^ {30,}$") == 30);
  CHECK(MinMatchBytes("ab|c") == 1);
  CHECK(MinMatchBytes("(?:ab){2,3}x?") == 4);
  CHECK(MinMatchBytes("a*") == 0);
  CHECK(MinMatchBytes("\\bword\\b") == 4);
  CHECK(MinMatchBytes("(?i)x[0-9]+\\s") == 3);
  CHECK(MinMatchBytes("\\Qnot read\\E") == 0);  // not understood: assume the worst
}

TEST_CASE("no text shorter than the bound matches") {
  // Every text of up to four characters from a small alphabet (one of them
  // two bytes long) against patterns of each kind: a text that matches is
  // never shorter than the bound.
  const std::vector<std::string> patterns = {"^ {3,}$", "a{2}|b",   "(?:a|bb)c?", "^\\d+\\.?$", "é",
                                             "(?i)A.",  "x*y{0,2}", "\\b1\\b",    "^(?:a|) +$"};
  const std::vector<std::string> alphabet = {" ", "a", "b", "1", ".", "é", "c"};
  std::vector<std::string> texts = {""};
  for (size_t begin = 0, length = 0; length < 4; ++length) {
    size_t end = texts.size();
    for (size_t k = begin; k < end; ++k) {
      for (const std::string& c : alphabet) texts.push_back(texts[k] + c);
    }
    begin = end;
  }
  for (const std::string& pattern : patterns) {
    Result<Regex> re = Regex::Compile(pattern);
    REQUIRE(re.ok());
    size_t least = MinMatchBytes(pattern);
    size_t matched = 0;
    for (const std::string& text : texts) {
      if (!re->PartialMatch(text)) continue;
      ++matched;
      CAPTURE(pattern);
      CAPTURE(text);
      CHECK(text.size() >= least);
    }
    CHECK(matched > 0);  // the alphabet reaches every pattern
  }
}

TEST_CASE("the bytes a match can hold") {
  const std::bitset<256> word = MatchableBytes("\\bassist\\w*\\s*:");
  for (char c : std::string("asitAZ09_: \t\n")) CHECK(word[static_cast<unsigned char>(c)]);
  for (char c : std::string(".;,-'?()")) CHECK_FALSE(word[static_cast<unsigned char>(c)]);
  CHECK_FALSE(word[0xC3]);  // ASCII only
  const std::bitset<256> folded = MatchableBytes("(?i)ab\\s+c");
  for (char c : std::string("aAbBcC \t\n")) CHECK(folded[static_cast<unsigned char>(c)]);
  for (char c : std::string("dD.-_0")) CHECK_FALSE(folded[static_cast<unsigned char>(c)]);
  CHECK(MatchableBytes("(?i)s")[0xC5]);  // U+017F, which RE2 folds to s
  CHECK(MatchableBytes("caf\u00e9")[0xA9]);
  CHECK(MatchableBytes("\\x41")[0xFF]);  // \x escapes: every byte, as for length
  const std::bitset<256> stretch = MatchableBytes("(?i)\\bwhether\\b[^.;:?]*?\\bshould\\b");
  for (char c : std::string(".;:?")) CHECK_FALSE(stretch[static_cast<unsigned char>(c)]);
  for (char c : std::string("wHeTrsould ,-'!\n")) CHECK(stretch[static_cast<unsigned char>(c)]);
  CHECK(stretch[0xC3]);  // a negated class holds non-ASCII code points
  CHECK(MatchableBytes("[^\\d\u00e9]").all());  // read as any character (regex_syntax.h)
  CHECK(MatchableBytes("a\\Qb\\E").all());  // not understood: every byte
  CHECK(MatchableBytes("^\\b$").none());
}

TEST_CASE("no match holds a byte outside the matchable bytes") {
  const std::vector<std::string> patterns = {"[^.;]+", "a.c", "(?i)[a-c]+ ?\\d", "\\w+\\s*:",
                                             "\\S+", "é+b", "(?:x|\\.){1,3}"};
  const std::string text =
      "abc. A1 b 2; x.x.x:  word: \u00e9\u00e9b cab;c\ta\nc ok, yes? AbC 9";
  for (const std::string& pattern : patterns) {
    Result<Regex> re = Regex::Compile(pattern);
    REQUIRE(re.ok());
    const std::bitset<256> matchable = MatchableBytes(pattern);
    size_t pos = 0, begin = 0, end = 0, matches = 0;
    while (pos < text.size() && re->Find(text, pos, &begin, &end)) {
      CAPTURE(pattern);
      CAPTURE(text.substr(begin, end - begin));
      for (size_t i = begin; i < end; ++i) CHECK(matchable[static_cast<unsigned char>(text[i])]);
      ++matches;
      pos = end > begin ? end : begin + 1;
    }
    CHECK(matches > 0);
  }
}

}  // namespace
}  // namespace gapmap
