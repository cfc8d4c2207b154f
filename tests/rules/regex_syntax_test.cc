#include "lib/rules/regex_syntax.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>

namespace gapmap {
namespace {

// A tree as a short string: c[...] for a character (its ASCII members, then
// + for any non-ASCII code point, U+... for exact ones, ~ for the (?i) extras),
// e, ^, $, \b, cat(...), alt(...), rep{min,max}(...).
std::string Shape(const RegexNode& n) {
  auto list = [](const RegexNode& p) {
    std::string s;
    for (const RegexNode& c : p.children) {
      if (!s.empty()) s += ',';
      s += Shape(c);
    }
    return s;
  };
  switch (n.kind) {
    case RegexNode::Kind::kChar: {
      std::string s = "c[";
      if (n.chars.ascii.all()) {
        s += "ascii";
      } else {
        for (int b = 0; b < 0x80; ++b) {
          if (n.chars.ascii[b]) s += static_cast<char>(b);
        }
      }
      if (n.chars.any_other) s += "+";
      for (char32_t cp : n.chars.others) s += "U+" + std::to_string(cp);
      if (n.chars.folds_from_non_ascii) s += "~";
      return s + "]";
    }
    case RegexNode::Kind::kEmpty:
      return "e";
    case RegexNode::Kind::kAnchor:
      return n.at_end ? "$" : "^";
    case RegexNode::Kind::kWordBoundary:
      return "\\b";
    case RegexNode::Kind::kConcat:
      return "cat(" + list(n) + ")";
    case RegexNode::Kind::kAlternate:
      return "alt(" + list(n) + ")";
    case RegexNode::Kind::kRepeat:
      return "rep{" + std::to_string(n.min) + "," + std::to_string(n.max) + "}(" + list(n) + ")";
  }
  return "?";
}

std::string ShapeOf(const char* pattern) {
  std::optional<RegexNode> tree = ParseRegexSyntax(pattern);
  REQUIRE(tree.has_value());
  return Shape(*tree);
}

TEST_CASE("the syntax reader builds the tree of a pattern") {
  CHECK(ShapeOf("ab|c") == "alt(cat(c[a],c[b]),c[c])");
  CHECK(ShapeOf("^x?y*z+$") == "cat(^,rep{0,1}(c[x]),rep{0,-1}(c[y]),rep{1,-1}(c[z]),$)");
  CHECK(ShapeOf("a{2,5}?b{3}c{1,}") == "cat(rep{2,5}(c[a]),rep{3,3}(c[b]),rep{1,-1}(c[c]))");
  CHECK(ShapeOf("(?:a|)\\b") == "cat(alt(c[a],e),\\b)");
  CHECK(ShapeOf("(?P<n>[a-c\\d])") == "c[0123456789abc]");
  // A negated class of ASCII members: every other ASCII character and any
  // non-ASCII one; under (?i) both cases of a letter member are left out.
  for (const auto& [pattern, out] : {std::pair{"[^x.]", "x."}, {"(?i)[^x.]", "xX."}}) {
    std::optional<RegexNode> n = ParseRegexSyntax(pattern);
    REQUIRE(n.has_value());
    CAPTURE(pattern);
    // (?i) reads as an empty node before the class.
    const RegexNode& k = n->kind == RegexNode::Kind::kConcat ? n->children.back() : *n;
    REQUIRE(k.kind == RegexNode::Kind::kChar);
    CHECK(k.chars.ascii.count() == 128 - std::string(out).size());
    for (char c : std::string(out)) CHECK_FALSE(k.chars.ascii[static_cast<unsigned char>(c)]);
    CHECK(k.chars.any_other);
  }
  CHECK(ShapeOf("[^\\d\u00e9]") == "c[ascii+]");  // a non-ASCII member: any character
  CHECK(ShapeOf("\\x{e9}\u00e9") == "cat(c[U+233],c[U+233])");
  CHECK(ShapeOf("[\u00e9a]") == "c[a+]");
  CHECK(ShapeOf("\\.\\n\\z") == "cat(c[.],c[\n],$)");
}

TEST_CASE("(?i) folds case from where it is set to the end of its group") {
  CHECK(ShapeOf("a(?i)b|c") == "alt(cat(c[a],e,c[Bb~]),c[Cc~])");
  CHECK(ShapeOf("(?i:a)b") == "cat(c[Aa~],c[b])");
  CHECK(ShapeOf("(?i)a(?-i:b)c") == "cat(e,c[Aa~],c[b],c[Cc~])");
  CHECK(ShapeOf("(?i)1") == "cat(e,c[1])");
  // A non-ASCII literal may fold to ASCII (U+212A to k): any character.
  CHECK(ShapeOf("(?i)\u00e9") == "cat(e,c[ascii+])");
}

TEST_CASE("the syntax reader refuses what it does not know") {
  for (const char* pattern :
       {"\\Qa*\\E", "(unclosed", "a)", "a{x}", "a{,5}", "a{3,1}", "a**", "*a", "\\1", "\\0",
        "[b-a]", "[\\b]", "[unclosed", "\\x{110000}", "\\xZZ", "(?i", "a\\"}) {
    INFO(pattern);
    CHECK_FALSE(ParseRegexSyntax(pattern).has_value());
  }
}

// Which patterns can only match at the start, or only at the end, of the
// text: the unit matcher's start-anchored set and the structure rules' line
// filter rest on these.
TEST_CASE("anchoring at the start and at the end of the text") {
  auto start = [](const char* pattern) {
    std::optional<RegexNode> tree = ParseRegexSyntax(pattern);
    REQUIRE(tree.has_value());
    return AnchoredAtStart(*tree);
  };
  auto end = [](const char* pattern) {
    std::optional<RegexNode> tree = ParseRegexSyntax(pattern);
    REQUIRE(tree.has_value());
    return AnchoredAtEnd(*tree);
  };
  CHECK(start("^To [a-z]+"));
  CHECK(start("\\AThe"));
  CHECK(start("(?i)^co\\b"));         // after a flags-only group
  CHECK(start("(?-i:^To [a-z]+)"));    // inside a flag group around it all
  CHECK(start("^a|^b"));
  CHECK(start("(?s:^(?:a|ab)\\b)"));
  CHECK_FALSE(start("^a|b"));          // one alternative is free
  CHECK_FALSE(start("(?i:^a)|b"));
  CHECK_FALSE(start("a^"));
  CHECK_FALSE(start("(?m)^a"));        // ^ at every line
  CHECK_FALSE(start("(?m:^a)"));
  CHECK_FALSE(start("(?m:x)|^a"));      // an alternative without the anchor
  CHECK_FALSE(start("(?m:x)^a"));       // a character before it
  CHECK(start("(?m)\\Aa"));            // \A ignores (?m)
  CHECK(start("(?m:)^a"));             // (?m) ends with its group

  CHECK(end("aids$"));
  CHECK(end("a$|b\\z"));
  CHECK_FALSE(end("(?i)^co\\b|aids$"));
  CHECK_FALSE(end("$a"));
  CHECK_FALSE(end("(?m)aids$"));       // $ at every line end
  CHECK(end("(?m)a\\z"));
}

}  // namespace
}  // namespace gapmap
