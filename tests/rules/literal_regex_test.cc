#include "lib/rules/literal_regex.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "lib/rules/regex.h"

namespace gapmap {
namespace {

size_t Strings(const std::string& pattern) {
  std::optional<LiteralRegex> re = LiteralRegex::Read(pattern);
  return re ? re->string_count() : 0;
}

TEST_CASE("phrase lists are read as their strings") {
  CHECK(Strings("(?i)\\bcalls? (?:up)?on\\b") == 4);
  CHECK(Strings("(?i)\\b(?:has|have|had) (?:also )?(?:done|made)\\b") == 12);
  CHECK(Strings("(?i)\\borgani[sz]e\\b") == 2);
  CHECK(Strings("(?i)\\b(?:un|not )able to\\b") == 2);
  CHECK(Strings("(?i)\\bx{2,3}\\b") == 2);
  CHECK(Strings("(?i)\\bfund(?:ing)?\\b") == 2);  // "fund" cannot match before "i"
  CHECK(Strings("(?i)\\bgoals?\\b,") == 2);       // nor "goal," before "s"
  CHECK(Strings("(?-i:\\b[Tt][Hh]e\\b)") == 4);   // "e" in one case only: exact bytes
  CHECK(Strings("(?-i:\\b[Tt][Hh][Ee]\\b)") == 1);  // each letter in both cases
  CHECK(Strings("(?i)\\d\\d") == 100);
  CHECK(Strings("(?i)a\\b\\Bb") == 0);  // never matches: no strings
  CHECK(Strings("(?i)(?:a|b){8}x{1000}") == 256);  // 256 KB of strings
  // Anchored at the text's start; letters in one case.
  CHECK(Strings("(?i)^(?:develop|ensure) ") == 2);
  CHECK(Strings("(?i)\\A\\b(?:develop|ensure) ") == 2);
  CHECK(Strings("(?i)^(?-i:(?:Develop|Ensure|Set up) )") == 3);
  CHECK(Strings("(?i)(?-i:S)et") == 4);  // S then e/E, t/T
  CHECK(Strings("(?i)a^b") == 0);       // ^ after a byte never holds: no strings
}

TEST_CASE("a regex anchored at the start matches only there") {
  std::optional<LiteralRegex> re = LiteralRegex::Read("(?i)^(?-i:(?:Develop|Ensure) )");
  REQUIRE(re.has_value());
  CHECK(re->at_start());
  CHECK(re->max_length() == 8);
  size_t b = 0, e = 0;
  CHECK(re->Find("Develop laws", 0, 12, &b, &e));
  CHECK(b == 0);
  CHECK(e == 8);
  CHECK_FALSE(re->Find("develop laws", 0, 12, &b, &e));  // one case only
  CHECK_FALSE(re->Find(" Develop laws", 0, 13, &b, &e));
  CHECK_FALSE(re->Find("Develop laws", 1, 12, &b, &e));
  CHECK_FALSE(LiteralRegex::Read("(?i)\\bhas\\b")->at_start());
}

TEST_CASE("what a trie of strings cannot answer is left to RE2") {
  for (const char* pattern : {
           "(?i)\\bnot (?:be )?punish\\w*",  // unbounded
           "(?i)aids$", "(?im)^to\\b",       // an end anchor; a line's start
           "(?i)^a|b",                       // anchored in part
           "(?i)\\b(?:aims|aims to)\\b",     // two strings may match at one place
           "(?i)fund(?:s|ing)?",             // "fund" and "funds" at one place
           "(?i)(?-i:A)bcdefghijklmn",       // one case: 2^13 strings for both cases of the rest
           "(?i)caf\xC3\xA9", "(?i)caf.",     // non-ASCII, any character
           "(?i)x?", "(?i)\\b",              // the empty string
           "[a-z]{1,5}",                     // too many strings
           "(?i)(?:a|b){12}x{1000}",         // too many bytes of them
           "(?i)(?:a|b",                     // not RE2 syntax
       }) {
    CAPTURE(pattern);
    CHECK_FALSE(LiteralRegex::Read(pattern).has_value());
  }
}

// Random texts of the strings' pieces and of every kind of byte beside
// them: for every start and end of the search, the trie finds what RE2
// finds.
TEST_CASE("a literal regex finds what RE2 finds") {
  const std::vector<std::string> patterns = {
      "(?i)\\bcalls? (?:up)?on\\b",
      "(?i)\\b(?:has|have) (?:also )?(?:done|made)\\b",
      "(?i)\\b(?:it is|is|are) (?:also )?key\\b",
      "(?i)\\bgoals?\\b",
      "(?i)\\b(?:no|without) access\\b",
      "(?i)ing\\b",
      "(?i)\\Bing\\b",
      "(?i)\\bis\\B",
      "(?i)(?:, |; )key",
      "(?i)\\b(?:x_?1|_)\\b",
      "(?-i:\\b[Hh][Aa][Ss]\\b)",
      "(?i)\\bco-?operation\\b",
      // Strings that start alike but ask different things of the byte before.
      "(?i)(?:\\bkey|kex)",
      "(?i)(?:\\bgoal\\b|\\Bgoals)",
      // Exact bytes, anchored at the start, and both.
      "(?-i:\\b(?:Has|KEY|goal)\\b)",
      "(?i)(?-i:K)ey\\b",
      "(?i)^(?:has|key)\\b",
      "(?i)\\A(?:it is|are) ",
      "(?i)^(?-i:(?:Has|Goals|Co) )",
  };
  const std::vector<std::string> pieces = {
      "call", "calls", "up", "on", "upon", "has", "have", "also", "done", "made",
      "it", "is", "are", "key", "goal", "goals", "no", "without", "access", "ing",
      "doing", "x", "1", "_", "kex", "akex", "agoals", "Co", "operation", "HAS", "Has", "hAs", "KEY", "Goal"};
  const std::vector<std::string> gaps = {" ", " ", " ", "", "-", ", ", "; ", "_", "\xC3\xA9",
                                         "\n", "9", ".", "  "};
  std::mt19937 rng(20261207);
  for (const std::string& pattern : patterns) {
    CAPTURE(pattern);
    std::optional<LiteralRegex> literal = LiteralRegex::Read(pattern);
    REQUIRE(literal.has_value());
    Result<Regex> re = Regex::Compile(pattern);
    REQUIRE(re.ok());
    for (int round = 0; round < 300; ++round) {
      std::string text;
      const int parts = static_cast<int>(rng() % 8);
      for (int k = 0; k < parts; ++k) {
        text += gaps[rng() % gaps.size()];
        text += pieces[rng() % pieces.size()];
      }
      if (rng() % 2 == 0) text += gaps[rng() % gaps.size()];
      CAPTURE(text);
      for (size_t from = 0; from <= text.size(); ++from) {
        for (size_t to = from; to <= text.size(); to += 1 + rng() % 3) {
          size_t b1 = 0, e1 = 0, b2 = 0, e2 = 0;
          const bool found = literal->Find(text, from, to, &b1, &e1);
          REQUIRE(found == re->Find(text, from, to, &b2, &e2));
          if (found) {
            CHECK(b1 == b2);
            CHECK(e1 == e2);
          }
          // Bounded by the last start: RE2's leftmost match, if it starts by then.
          const size_t last_start = from + rng() % (to - from + 1);
          CHECK(literal->Find(text, from, to, last_start, &b1, &e1) ==
                (found && b2 <= last_start));
        }
      }
    }
  }
}

}  // namespace
}  // namespace gapmap
