#include "lib/rules/regex_length.h"

#include <doctest/doctest.h>

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

}  // namespace
}  // namespace gapmap
