#include "lib/segment/line_classifier.h"

#include <doctest/doctest.h>

#include <fstream>
#include <random>
#include <string>

#include <fmt/format.h>

namespace gapmap {
namespace {

const StructureRules& ShippedRules() {
  static const StructureRules* rules = [] {
    auto* r = new StructureRules();
    std::vector<Diagnostic> errors;
    REQUIRE(LoadStructureRules(GAPMAP_SOURCE_DIR "/rules/structure.yaml", r, &errors));
    return r;
  }();
  return *rules;
}

struct Seen {
  LineShape shape;
  std::string marker;
  std::string body;
  int number;
  int depth;
  int footnote_number;
};

Seen See(std::string_view raw, const DocumentInfo& doc = DocumentInfo()) {
  LineClassifier c(ShippedRules(), doc);
  LineInfo info;
  REQUIRE(c.Classify(raw, &info).ok());
  return {info.shape, std::string(info.marker), std::string(info.body), info.number,
          info.depth, info.footnote_number};
}

// The byte-at-a-time count CountTokens() must agree with: a word starts at a
// byte that is not a space after one that is (or at the start), and counting
// stops at the first word past `limit`.
int CountTokensOneByOne(std::string_view text, int limit) {
  int n = 0;
  bool in_word = false;
  for (char c : text) {
    bool space = c == ' ';
    if (!space && !in_word && ++n > limit) return n;
    in_word = !space;
  }
  return n;
}

TEST_CASE("token counts agree with a byte-at-a-time count at every length and limit") {
  std::mt19937 rng(5);
  // Spaces in runs and alone, words of one byte and longer, at lengths on
  // both sides of every 16-byte block edge.
  const char alphabet[] = {' ', ' ', ' ', 'a', 'b', '.'};
  for (int round = 0; round < 4000; ++round) {
    size_t length = rng() % 80;
    std::string text;
    for (size_t k = 0; k < length; ++k) text.push_back(alphabet[rng() % sizeof(alphabet)]);
    for (int limit : {-1, 0, 1, 2, 3, 5, 8, 13, 20, 1 << 30}) {
      CAPTURE(text);
      CAPTURE(limit);
      CHECK(CountTokens(text, limit) == CountTokensOneByOne(text, limit));
    }
  }
  CHECK(CountTokens("", 3) == 0);
  CHECK(CountTokens(std::string(40, ' ') + "one two", 5) == 2);
  CHECK(CountTokens(std::string(20, 'x') + " y z", 1) == 2);
}

TEST_CASE("blank lines and the footnote rule line") {
  CHECK(See("").shape == LineShape::kBlank);
  CHECK(See("   ").shape == LineShape::kBlank);
  CHECK(See(std::string(49, ' ')).shape == LineShape::kSeparator);
  // Lines of spaces just short of the separator's shortest match and at it.
  size_t least = ShippedRules().separator_min_bytes;
  REQUIRE(least > 1);
  CHECK(See(std::string(least - 1, ' ')).shape == LineShape::kBlank);
  CHECK(See(std::string(least, ' ')).shape == LineShape::kSeparator);
}

TEST_CASE("page furniture") {
  CHECK(See("ICAT ").shape == LineShape::kFurniture);
  CHECK(See("Mandate and main activities ").shape == LineShape::kFurniture);
  CHECK(See("Gap Analysis and Recommendations ").shape == LineShape::kFurniture);
  CHECK(See("Key Definitions . . . . . . . . . . . . 7").shape == LineShape::kFurniture);
  CHECK(See("31%").shape == LineShape::kFurniture);
  CHECK(See("$25,000 \u2013 $49,999").shape == LineShape::kFurniture);
  CHECK(See("F I G U R E 4 \tRespondents Who Make Less").shape == LineShape::kFurniture);
  CHECK(See("<meta http-equiv='Content-Type' content='text/html; charset=utf-8' />").shape ==
        LineShape::kFurniture);
  // The part title as a heading is not the page header.
  CHECK(See("Gap analysis & Recommendations").shape == LineShape::kPartHeading);
  CHECK(See("ICAT has the following goals:").shape == LineShape::kText);
}

TEST_CASE("running headers repeat the manifest's title or issuer") {
  DocumentInfo doc;
  doc.title = "In Harm's Way: How Systems Fail Human Trafficking Survivors";
  doc.issuer = "Polaris";
  CHECK(See("IN HARM\u2019S WAY: HOW SYSTEMS FAIL HUMAN TRAFFICKING SURVIVORS", doc).shape ==
        LineShape::kFurniture);
  CHECK(See("Polaris", doc).shape == LineShape::kFurniture);
  CHECK(See("Polaris", DocumentInfo()).shape == LineShape::kText);
}

TEST_CASE("numbers alone and footnote starts") {
  Seen s = See(" 46 ");
  CHECK(s.shape == LineShape::kNumberOnly);
  CHECK(s.number == 46);
  s = See("12 CTOC/COP/2006/CRP.5. ");
  CHECK(s.shape == LineShape::kText);
  CHECK(s.footnote_number == 12);
  CHECK(See("2010. ").footnote_number == -1);
}

TEST_CASE("bullets and their markers") {
  Seen s = See("\u2022 Respect for human rights; ");
  CHECK(s.shape == LineShape::kBulletGlyph);
  CHECK(s.marker == "\u2022");
  CHECK(s.body == "Respect for human rights;");
  s = See("b) To encourage, support");
  CHECK(s.shape == LineShape::kBulletItem);
  CHECK(s.marker == "b)");
  CHECK(s.body == "To encourage, support");
  s = See("\u2013 Over 60 percent");
  CHECK(s.shape == LineShape::kBulletItem);
  CHECK(s.marker == "-");
  CHECK(See("(iv) fourth").marker == "(iv)");
}

TEST_CASE("numbered lines carry their depth") {
  Seen s = See("  1.1.1. Prevention ");
  CHECK(s.shape == LineShape::kNumbered);
  CHECK(s.marker == "1.1.1.");
  CHECK(s.depth == 3);
  CHECK(s.body == "Prevention");
  s = See(" 1.1.3 Prosecution ");
  CHECK(s.marker == "1.1.3");
  CHECK(s.depth == 3);
  s = See("1. 1. Trafficking for forced labour: ILO analysis");
  CHECK(s.marker == "1. 1.");
  CHECK(s.depth == 2);
  CHECK(See("1.   This Protocol supplements").body == "This Protocol supplements");
  CHECK(See("3.1). 'The best interests'").shape == LineShape::kText);
}

TEST_CASE("explicit and part headings") {
  Seen s = See("### Article  1  ");
  CHECK(s.shape == LineShape::kHeading);
  CHECK(s.marker == "###");
  CHECK(s.depth == 3);
  CHECK(s.body == "Article 1");
  CHECK(See("####General Provisions").body == "General Provisions");
  CHECK(See("Recommendations ").shape == LineShape::kPartHeading);
  CHECK(See("Gap analysis ").shape == LineShape::kPartHeading);
}

TEST_CASE("the indent counts the raw line's leading spaces and tabs, whatever the text") {
  LineClassifier c(ShippedRules(), DocumentInfo());
  auto indent = [&](std::string_view raw) {
    LineInfo info;
    REQUIRE(c.Classify(raw, &info).ok());
    return info.indent;
  };
  CHECK(indent("text") == 0);
  CHECK(indent("  text") == 2);
  CHECK(indent(" \ttext") == 2);
  CHECK(indent("  \u201Cquoted\u201D") == 2);  // text normalised into the scratch
  CHECK(indent("\x01 text") == 0);              // trimmed, but not a space
  CHECK(indent(" \x01 text") == 1);
  CHECK(indent("   ") == 3);
  CHECK(indent("") == 0);
}

// Every field of LineInfo, as text, for comparing two classifications.
std::string Describe(const LineInfo& i) {
  return fmt::format("shape {} indent {} text [{}] marker [{}] body [{}] number {} part {} depth {} "
                     "footnote {} [{}] words {}",
                     static_cast<int>(i.shape), i.indent, i.text, i.marker, i.body, i.number,
                     i.part, i.depth, i.footnote_number, i.footnote_text, i.words);
}

TEST_CASE("a line is classified as the RegexSet and RE2 alone would") {
  // The classifier asks the one pattern a line can match alone
  // (LinePrefixFilter::SolePattern), and asks several candidates each alone
  // through LineRegex; without the filter and LineRegex it always asks the
  // RegexSet, and RE2 for the groups. Both must agree.
  static const StructureRules* unfiltered = [] {
    auto* r = new StructureRules();
    std::vector<Diagnostic> errors;
    REQUIRE(LoadStructureRules(GAPMAP_SOURCE_DIR "/rules/structure.yaml", r, &errors));
    r->line_filter = LinePrefixFilter();
    for (LinePattern& p : r->line_patterns) p.fast.reset();
    return r;
  }();
  // LineRegex reads every shipped pattern, so no line needs the set.
  for (const LinePattern& p : ShippedRules().line_patterns) {
    CAPTURE(p.pattern);
    CHECK(p.fast.has_value());
  }
  REQUIRE(ShippedRules().line_filter.enabled());
  LineClassifier filtered_classifier(ShippedRules(), DocumentInfo());
  LineClassifier set_classifier(*unfiltered, DocumentInfo());
  std::vector<std::string> lines = {
      "- item",        "* item",       "a) To provide", "(iv) fourth",   "12 CTOC/COP/2006.",
      "46",            " 46 ",         "12",            "1.1.1. Prevention", "1.2 Priorities",
      "1. 1. Labour",  "3.1). 'The'",  "### Article 1", "####General",   "ICAT",
      "Recommendations", "Gap analysis", "45%",         "$1,000 or more", "10 - 20%",
      "TABLE 4",       "Fig. 3",       "<br/>",         "Women 45%",     "\u2022 Respect",
      "- ",            "a)",           "12 ",           "1.",            "a) b) c)"};
  std::size_t sole = 0, several = 0;
  for (const char* path : {GAPMAP_SOURCE_DIR "/corpus/icat-2010-analytical-review.txt",
                           GAPMAP_SOURCE_DIR "/tests/data/segment/report.txt"}) {
    std::ifstream in(path);
    REQUIRE(in);
    std::string line;
    while (std::getline(in, line)) lines.push_back(line);
  }
  for (const std::string& line : lines) {
    CAPTURE(line);
    LineInfo a, b;
    REQUIRE(filtered_classifier.Classify(line, &a).ok());
    REQUIRE(set_classifier.Classify(line, &b).ok());
    CHECK(Describe(a) == Describe(b));
    std::string_view text = a.text;
    if (!text.empty()) {
      const LinePrefixFilter& f = ShippedRules().line_filter;
      uint32_t candidates = f.Candidates(text);
      sole += f.SolePattern(candidates) >= 0;
      several += candidates != 0 && f.SolePattern(candidates) < 0;
    }
  }
  CHECK(sole > 100);    // the lines do take the single-pattern way
  CHECK(several > 50);  // and the several-patterns way
}

}  // namespace
}  // namespace gapmap
