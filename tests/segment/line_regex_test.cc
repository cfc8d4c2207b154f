#include "lib/segment/line_regex.h"

#include <doctest/doctest.h>

#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "lib/rules/regex.h"
#include "lib/segment/normaliser.h"
#include "lib/segment/structure_rules.h"

namespace gapmap {
namespace {

// The groups as text, an unset group apart from an empty one.
std::string Show(const std::vector<std::string_view>& groups, std::string_view text) {
  std::string s;
  for (std::string_view g : groups) {
    if (g.data() == nullptr) {
      s += "<unset>";
    } else {
      // Appends, not "[" + std::string(...): GCC 12 warns falsely (-Wrestrict) on that.
      s.append("[").append(std::to_string(g.data() - text.data())).append(",").append(g);
      s.append("]");
    }
  }
  return s;
}

// LineRegex must give RE2's answer and groups for `text`, or say it cannot.
// Returns false when it could not answer.
bool AgreesWithRe2(const LineRegex& fast, const Regex& re2, std::string_view text) {
  std::vector<std::string_view> want, got;
  bool matched = re2.PartialMatchGroups(text, &want);
  LineRegex::Outcome outcome = fast.Match(text, &got);
  INFO("pattern: ", re2.pattern(), "  text: ", std::string(text));
  if (outcome == LineRegex::Outcome::kUnknown) return false;
  CHECK((outcome == LineRegex::Outcome::kMatch) == matched);
  if (matched && outcome == LineRegex::Outcome::kMatch) CHECK(Show(got, text) == Show(want, text));
  return true;
}

struct Compiled {
  Regex re2;
  LineRegex fast;
};

Compiled Compile(const std::string& pattern) {
  Result<Regex> re = Regex::Compile(pattern);
  REQUIRE(re.ok());
  std::optional<LineRegex> fast = LineRegex::Build(pattern, re->group_count());
  INFO("pattern: ", pattern);
  REQUIRE(fast.has_value());
  return {std::move(*re), std::move(*fast)};
}

// Random texts of pieces that the patterns below look for, so that many of
// them match in part or in whole; a fixed seed keeps every run the same.
std::vector<std::string> RandomTexts(size_t count) {
  // clang-format off
  const std::vector<std::string> pieces = {
      "a",  "b",  "k",  "K",  "s",  "S",  "x",  "ii", "iv", "Fig", "app", "12", "3", "0",
      ".",  ",",  " ",  "  ", "\t", "-",  "+",  "$",  "%",  "(",   ")",   "#",  "<", ">",
      "/",  "_",  "\"", "'",  ":",  "\v", "\x01", "\x7F", "or more", "mandate", "Gap analysis",
      "\u2022", "\u00B7", "\u212A", "\u017F", "\u0130", "\u0131", "\u00E9", "\uF0B7", "TABLE",
      "T A B L E", "9.", "1.1", "ICAT", "and", "&", "recommendations", "\u25CF"};
  // clang-format on
  std::mt19937 rng(20261207);
  std::vector<std::string> texts = {""};
  for (size_t n = 0; n < count; ++n) {
    std::string t;
    size_t len = rng() % 8;
    for (size_t k = 0; k < len; ++k) t += pieces[rng() % pieces.size()];
    texts.push_back(t);
  }
  return texts;
}

TEST_CASE("LineRegex answers as RE2 does, groups included") {
  const std::vector<std::string> patterns = {
      "^a",
      "^(a|ab)(c|bcd)(d*)",
      "^(?:(a)|b)+",
      "^(a+?)(a*)",
      "^(a{2,3})(a{1,}?)",
      "^x{0}(a)?b?",
      "^(?i)(fig|app)\\.? ?\\d+$",
      "^(?i:k)s",
      "^(?i)[a-k]+(?-i)s",
      "^(?i)\\w+",
      "^[^a-c\\d]+",
      "^[\\D]",
      "^\\S+\\s",
      "^\\W",
      "^.+$",
      "^(.*?)(\\d+)",
      "^\\bab?\\b",
      "^a\\B.",
      "^(?P<num>\\d+)\\.(\\d)?",
      "^\\x{2022}\\x41?",
      "^[\\x{F0B7}\\x{2022}-\\x{2024}]",
      "^[-+]?\\$?\\d[\\d,.]*%$",
      "^[]a]+",
      "\\A(ab|a)(b?)\\z",
      "^(?:^a|^b)c",
      "^(a|)b",
      "^a|^b",
  };
  std::vector<std::string> texts = RandomTexts(3000);
  for (const std::string& pattern : patterns) {
    Compiled c = Compile("^(?:" + pattern + ")");
    size_t answered = 0;
    for (const std::string& t : texts) answered += AgreesWithRe2(c.fast, c.re2, t);
    CHECK(answered == texts.size());  // none of these is too much work
  }
}

TEST_CASE("LineRegex answers as RE2 does for every shipped line pattern and line") {
  StructureRules rules;
  std::vector<Diagnostic> errors;
  REQUIRE(LoadStructureRules(GAPMAP_SOURCE_DIR "/rules/structure.yaml", &rules, &errors));
  std::vector<std::string> texts = RandomTexts(3000);
  for (const char* path : {GAPMAP_SOURCE_DIR "/corpus/icat-2010-analytical-review.txt",
                           GAPMAP_SOURCE_DIR "/tests/data/segment/report.txt"}) {
    std::ifstream in(path);
    REQUIRE(in);
    std::string line, text;
    while (std::getline(in, line)) {
      NormaliseLine(line, &text);
      texts.push_back(text);
    }
  }
  size_t matches = 0;
  for (const LinePattern& p : rules.line_patterns) {
    REQUIRE(p.fast.has_value());
    for (const std::string& t : texts) {
      CHECK(AgreesWithRe2(*p.fast, p.regex, t));
      matches += p.regex.PartialMatch(t);
    }
  }
  CHECK(matches > 500);  // the texts do exercise the patterns
}

TEST_CASE("LineRegex leaves to RE2 the syntax it cannot read exactly") {
  for (const char* pattern : {"a",             // not anchored at the start
                              "^(a*)*",        // a repeated piece that can match nothing
                              "^(?:a|)+",      // the same
                              "^\\pL",         // Unicode classes
                              "^[[:alpha:]]",  // POSIX classes
                              "^a{,3}",        // a brace RE2 reads as itself
                              "^(?m)a",        // flags other than i
                              "^(?s).",        //
                              "^\\Qa\\E",      // quoting
                              "^(?i)\u00E9",   // a non-ASCII letter under (?i): its folds are RE2's
                              "^(?i)\\W",      // a negated class under (?i)
                              "^a**",          // not RE2 syntax
                              "^(a",           //
                              "^a)"}) {
    CAPTURE(pattern);
    CHECK_FALSE(LineRegex::Build(pattern, 0).has_value());
    CHECK_FALSE(LineRegex::Build(pattern, 1).has_value());
  }
  // The group count must be RE2's.
  CHECK(LineRegex::Build("^(a)(b)", 2).has_value());
  CHECK_FALSE(LineRegex::Build("^(a)(b)", 1).has_value());
}

TEST_CASE("LineRegex says it cannot answer for text that is not UTF-8 or too much work") {
  Compiled dot = Compile("^(.)");
  std::vector<std::string_view> groups;
  CHECK(dot.fast.Match("\xFF", &groups) == LineRegex::Outcome::kUnknown);
  CHECK(dot.fast.Match("\xC3\xA9", &groups) == LineRegex::Outcome::kMatch);
  CHECK(groups.at(0) == "\xC3\xA9");
  // Exponential backtracking stops at the budget; RE2 answers instead.
  Compiled slow = Compile("^(?:a|a)+b");
  CHECK(slow.fast.Match(std::string(40, 'a'), &groups) == LineRegex::Outcome::kUnknown);
  CHECK(slow.fast.Match("aab", &groups) == LineRegex::Outcome::kMatch);
  // So does a line too long for the depth budget.
  Compiled deep = Compile("^(?:ab)+$");
  std::string long_line;
  for (int i = 0; i < 5000; ++i) long_line += "ab";
  CHECK(deep.fast.Match(long_line, &groups) == LineRegex::Outcome::kUnknown);
  CHECK(deep.fast.Match("abab", &groups) == LineRegex::Outcome::kMatch);
}

}  // namespace
}  // namespace gapmap
