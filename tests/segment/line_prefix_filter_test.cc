#include "lib/segment/line_prefix_filter.h"

#include <doctest/doctest.h>

#include <fstream>
#include <string>
#include <vector>

#include "lib/rules/regex.h"
#include "lib/segment/normaliser.h"
#include "tests/segment/segment_testing.h"

namespace gapmap {
namespace {

TEST_CASE("the filter rejects lines whose first two bytes no pattern can start with") {
  LinePrefixFilter f({R"(^(\(?[a-z]\))\s+)", R"(^(\d{1,4})$)"});
  REQUIRE(f.enabled());
  CHECK(f.MayMatch("a) item"));
  CHECK(f.MayMatch("(b) item"));
  CHECK(f.MayMatch("7"));
  CHECK(f.MayMatch("12"));
  CHECK_FALSE(f.MayMatch("the text goes on"));
  CHECK_FALSE(f.MayMatch("Text"));
  CHECK_FALSE(f.MayMatch("a"));
}

TEST_CASE("the candidates name the one pattern a line can match, when there is one") {
  LinePrefixFilter f({R"(^(\(?[a-z]\))\s+)", R"(^(\d{1,4})$)", R"(^(\d{1,3})\s+(\S.*)$)"});
  REQUIRE(f.enabled());
  CHECK(f.SolePattern(f.Candidates("a) item")) == 0);
  CHECK(f.SolePattern(f.Candidates("(b) item")) == 0);
  CHECK(f.SolePattern(f.Candidates("12 a note")) == 2);  // does not end like a number
  CHECK(f.SolePattern(f.Candidates("12")) == -1);        // a number or a note: both can
  CHECK(f.Candidates("the text goes on") == 0);
  CHECK(f.SolePattern(0) == -1);
  // Off, every pattern may match; and beyond 32 patterns bits are shared.
  CHECK(LinePrefixFilter().SolePattern(LinePrefixFilter().Candidates("a) item")) == -1);
  std::vector<std::string> many(33, "^x");
  many[0] = "^a";
  LinePrefixFilter crowded(many);
  REQUIRE(crowded.enabled());
  CHECK(crowded.Candidates("a") != 0);
  CHECK(crowded.SolePattern(crowded.Candidates("a")) == -1);
}

TEST_CASE("case folding, alternatives, repetition and multi-byte characters") {
  LinePrefixFilter f({"^(?i)mandate$", "^(-|\\*)\\s+", "^([\u2022\u25CF])\\s*", "^x{0,3}y"});
  REQUIRE(f.enabled());
  CHECK(f.MayMatch("Mandate"));
  CHECK(f.MayMatch("mAndate"));
  CHECK(f.MayMatch("- item"));
  CHECK(f.MayMatch("* item"));
  CHECK(f.MayMatch("\u2022 item"));
  CHECK(f.MayMatch("\u25CF item"));
  CHECK(f.MayMatch("y"));
  CHECK(f.MayMatch("xy"));
  CHECK(f.MayMatch("xxy"));
  CHECK_FALSE(f.MayMatch("monday"));
  CHECK_FALSE(f.MayMatch("-item"));
  CHECK_FALSE(f.MayMatch("+ item"));
  CHECK_FALSE(f.MayMatch("zebra"));
  // Without case folding a multi-byte character is told apart by its second byte.
  LinePrefixFilter glyph({"^\u2022 "});
  CHECK(glyph.MayMatch("\u2022 item"));
  CHECK_FALSE(glyph.MayMatch("\u25CF item"));
}

TEST_CASE("a pattern ending in $ must also end like the line") {
  LinePrefixFilter f({R"(^[A-Z][A-Za-z ]{0,40} \d{1,3}%$)", "^(?i)recommendations$"});
  REQUIRE(f.enabled());
  CHECK(f.MayMatch("Women 45%"));
  CHECK(f.MayMatch("RECOMMENDATIONS"));
  CHECK_FALSE(f.MayMatch("Women and children are"));
  CHECK_FALSE(f.MayMatch("Recommendations:"));
  // One alternative without '$' leaves the end open.
  LinePrefixFilter open({"^Ab$|^Ab"});
  CHECK(open.MayMatch("Abc"));
  LinePrefixFilter closed({"^Ab$|^Ac$"});
  CHECK_FALSE(closed.MayMatch("Abd"));
  CHECK(closed.MayMatch("Ab"));
}

TEST_CASE("a pattern matching the empty string or one it cannot read turns the filter off") {
  CHECK_FALSE(LinePrefixFilter({"^a", "^x*"}).enabled());
  CHECK_FALSE(LinePrefixFilter({"^a", "^\\Qliteral\\E"}).enabled());
  CHECK_FALSE(LinePrefixFilter({"^a", "^(unclosed"}).enabled());
  CHECK(LinePrefixFilter({"^x*", "^a"}).MayMatch("anything at all") == true);
  CHECK_FALSE(LinePrefixFilter().enabled());
  CHECK(LinePrefixFilter().MayMatch("anything"));
}

// The filter must never reject a line the RegexSet matches.
void CheckNeverRejectsAMatch(const StructureRules& rules, const std::string& line) {
  std::string text;
  NormaliseLine(line, &text);
  if (text.empty() || rules.line_filter.MayMatch(text)) return;
  Result<bool> any = rules.line_set->MatchesAny(text);
  REQUIRE(any.ok());
  INFO("line: ", text);
  CHECK_FALSE(*any);
}

TEST_CASE("with the shipped structure rules, no line the patterns match is rejected") {
  const StructureRules& rules = testing::ShippedStructure();
  REQUIRE(rules.line_set != nullptr);
  REQUIRE(rules.line_filter.enabled());
  // Every start of two bytes (ASCII, and the lead bytes of the glyphs), each
  // with tails that complete the shapes the patterns look for.
  const std::vector<std::string> tails = {
      "",      "1",    "12",      " 12",         ") x",
      "1.2 x", " x",   "andate",  "ap analysis", "ecommendations",
      "CAT",   " 12%", "% ",      "ABLE 4",      "IGURE 4",
      "a>",    ". 3",  "\u2022 x"};
  std::vector<std::string> starts;
  for (int a = 0x20; a < 0x7F; ++a) {
    for (int b = 0x20; b < 0x7F; ++b)
      starts.push_back({static_cast<char>(a), static_cast<char>(b)});
    starts.push_back(std::string(1, static_cast<char>(a)));
  }
  for (const char* glyph : {"\u2022", "\u25CF", "\u25E6", "\u25AA", "\u27A2", "\u00B7", "\uF0B7",
                            "\u2013", "\u201C", "\u00E9"}) {
    starts.push_back(glyph);
  }
  for (const std::string& start : starts) {
    for (const std::string& tail : tails) CheckNeverRejectsAMatch(rules, start + tail);
  }
  // And every line of the shipped corpus and the test report.
  for (const char* path : {GAPMAP_SOURCE_DIR "/corpus/icat-2010-analytical-review.txt",
                           GAPMAP_SOURCE_DIR "/tests/data/segment/report.txt"}) {
    std::ifstream in(path);
    REQUIRE(in);
    std::string line;
    while (std::getline(in, line)) CheckNeverRejectsAMatch(rules, line);
  }
}

TEST_CASE("the shipped structure rules let the set skip most lines of prose") {
  const StructureRules& rules = testing::ShippedStructure();
  CHECK_FALSE(rules.line_filter.MayMatch("the coordination of the agencies"));
  CHECK_FALSE(rules.line_filter.MayMatch("of trafficking in persons"));
  CHECK(rules.line_filter.MayMatch("a) the first item"));
  CHECK(rules.line_filter.MayMatch("recommendations"));
}

}  // namespace
}  // namespace gapmap
