#include "lib/segment/structure_rules.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace gapmap {
namespace {

std::vector<std::string> Errors(std::string_view yaml) {
  StructureRules rules;
  std::vector<Diagnostic> errors;
  bool ok = ParseStructureRules(yaml, "structure.yaml", &rules, &errors);
  std::vector<std::string> messages;
  for (const Diagnostic& d : errors) {
    messages.push_back(d.location.ToString() + ": " + d.message);
  }
  CHECK(ok == messages.empty());
  return messages;
}

TEST_CASE("the shipped structure rules load") {
  StructureRules rules;
  std::vector<Diagnostic> errors;
  REQUIRE(LoadStructureRules(GAPMAP_SOURCE_DIR "/rules/structure.yaml", &rules, &errors));
  CHECK(errors.empty());
  CHECK(rules.line_set != nullptr);
  CHECK(rules.line_set->size() == static_cast<int>(rules.line_patterns.size()));
  CHECK(rules.before_first_chapter == "intro");
  CHECK(rules.chapter_default == "mandate");
  CHECK(rules.header_is_title);
  CHECK(rules.header_is_issuer);
  CHECK(std::binary_search(rules.keep_prefixes.begin(), rules.keep_prefixes.end(), "counter"));
}

TEST_CASE("part headings map to part names") {
  StructureRules rules;
  std::vector<Diagnostic> errors;
  REQUIRE(ParseStructureRules(R"(
parts:
  headings:
    gap_analysis: ['^(?i)gap analysis( ?(&|and) ?recommendations)?$']
    recommendations: '^(?i)recommendations$'
)",
                              "s.yaml", &rules, &errors));
  REQUIRE(rules.part_names.size() == 2);
  CHECK(rules.part_names[rules.PartOfHeading("Gap analysis")] == "gap_analysis");
  CHECK(rules.part_names[rules.PartOfHeading("Gap analysis & Recommendations")] == "gap_analysis");
  CHECK(rules.part_names[rules.PartOfHeading("RECOMMENDATIONS")] == "recommendations");
  CHECK(rules.PartOfHeading("Recommendations for States") == -1);
  CHECK(rules.PartOfHeading("The gap analysis") == -1);
}

TEST_CASE("an unknown key is reported where it is with a suggestion") {
  auto errors = Errors("furnitur:\n  - '^ICAT$'\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] ==
        "structure.yaml:1:1: structure rules: unknown key 'furnitur'; did you mean 'furniture'?");
  errors = Errors("footnotes:\n  windw: 3\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find(
            "structure.yaml:2:3: footnotes: unknown key 'windw'; did you mean 'window'?") == 0);
}

TEST_CASE("an invalid regex is reported with RE2's message") {
  auto errors = Errors("furniture:\n  - '^(ICAT$'\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find(
            "structure.yaml:2:5: furniture: invalid regular expression '^(ICAT$': missing )") == 0);
}

TEST_CASE("wrong types and missing capture groups are reported") {
  auto errors = Errors("page_gap: three\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0] == "structure.yaml:1:11: page_gap: expected a whole number, found 'three'");
  errors = Errors("bullets:\n  glyphs: '^•'\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("structure.yaml:2:11: bullets glyphs: pattern '^•' needs 1 capture group") ==
        0);
  errors = Errors("furniture: {a: b}\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("expected a list of patterns, found a mapping") != std::string::npos);
  errors = Errors("running_headers: [title, isuer]\n");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find("unknown field 'isuer'; did you mean 'issuer'?") != std::string::npos);
}

TEST_CASE("every error of a file is reported at once") {
  auto errors = Errors("page_gap: x\nfurniture: ['(']\nlead_in: {a: b}\n");
  CHECK(errors.size() == 3);
}

TEST_CASE("a syntax error fails the load") {
  auto errors = Errors("furniture: [\n");
  CHECK(!errors.empty());
}

}  // namespace
}  // namespace gapmap
