#include "lib/rules/grep_export.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "tests/rules/rules_fixture.h"

namespace gapmap {
namespace {

std::string Ere(const std::string& re2) {
  std::string ere, reason;
  if (!Re2ToEre(re2, &ere, &reason)) return "skipped: " + reason;
  return ere;
}

TEST_CASE("Re2ToEre keeps regexes with case flags (grep -i ignores case anyway)") {
  CHECK(Ere("(?-i:^To [a-z]+)") == "(^To [a-z]+)");
  CHECK(Ere("^(?-i:(?:Strengthen|Develop) )") == "^((Strengthen|Develop) )");
  CHECK(Ere("(?i)\\bshelters?\\b") == "\\bshelters?\\b");
  CHECK(Ere("a(?i)b") == "ab");
  CHECK(Ere("\\b(?:has|have) \\w+") == "\\b(has|have) [[:alnum:]_]+");
}

TEST_CASE("Re2ToEre skips what ERE cannot say") {
  CHECK(Ere("(?s:a.b)").rfind("skipped", 0) == 0);
  CHECK(Ere("(?P<x>a)").rfind("skipped", 0) == 0);
  CHECK(Ere("\\x{2019}").rfind("skipped", 0) == 0);
}

TEST_CASE("grep export leaves out vetoes unless asked for every pattern") {
  std::vector<Diagnostic> errors;
  auto rules = testing::LoadRules({{"t.yaml", R"(dimension: topic
multi: true
labels:
  shelter:
    any: [shelter*, '/(?-i:\bSafe House\b)/']
    not: [animal shelter]
)"}},
                                  &errors);
  REQUIRE(rules != nullptr);
  GrepExport cues = ExportGrep(*rules);
  GrepExport all = ExportGrep(*rules, /*with_vetoes=*/true);
  auto has = [](const GrepExport& e, const std::string& needle) {
    return std::any_of(e.lines.begin(), e.lines.end(),
                       [&](const std::string& l) { return l.find(needle) != std::string::npos; });
  };
  CHECK(has(cues, "shelter"));
  CHECK(has(cues, "Safe House"));  // was skipped for its (?-i:
  CHECK_FALSE(has(cues, "animal"));
  CHECK(has(all, "animal"));
  CHECK(has(all, "who[[:space:]-]+guidelines"));  // the agencies' vetoes too
  CHECK(all.lines.size() == cues.lines.size() + 2);
  CHECK(cues.skipped.empty());
}

}  // namespace
}  // namespace gapmap
