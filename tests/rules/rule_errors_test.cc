// Every error a rule file can have, with its exact message and place.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "lib/rules/dimension_loader.h"
#include "tests/rules/rules_fixture.h"

namespace gapmap {
namespace {

using testing::LoadRules;
using testing::Messages;
using Strings = std::vector<std::string>;

// The errors of one dimension file named d.yaml.
Strings Errors(const std::string& text, RuleSetOptions options = {}) {
  std::vector<Diagnostic> errors;
  auto rules = LoadRules({{"d.yaml", text}}, &errors, options);
  CHECK(rules == nullptr);
  return Messages(errors);
}

TEST_CASE("a valid file loads without errors") {
  std::vector<Diagnostic> errors;
  auto rules = LoadRules({{"d.yaml", "dimension: topic\nlabels:\n  a:\n    any: [x]\n"}}, &errors);
  CHECK(Messages(errors) == Strings{});
  CHECK(rules != nullptr);
}

TEST_CASE("unknown keys get a did-you-mean") {
  CHECK(Errors("dimension: topic\nlables:\n  a: {any: [x]}\n") ==
        Strings{"d.yaml:1:1: dimension 'topic': missing 'labels:'",
                "d.yaml:2:1: dimension file: unknown key 'lables'; did you mean 'labels'?"});
  CHECK(Errors("dimension: topic\nlabels:\n  a:\n    any: [x]\n    nott: [y]\n") ==
        Strings{"d.yaml:5:5: rule topic/a: unknown key 'nott'; did you mean 'not'?"});
  CHECK(Errors("dimension: topic\nlabels:\n  a:\n    any: [x]\n    frobnicate: 1\n") ==
        Strings{"d.yaml:5:5: rule topic/a: unknown key 'frobnicate' (expected one of: "
                "description, any, weak, exact, first, regex, near, not, unless, weight, min_hits, "
                "min_score, priority, scope, prior, implies, implies_unless, examples)"});
}

TEST_CASE("wrong types say what was expected") {
  CHECK(Errors("dimension: topic\nlabels:\n  a:\n    any: [x]\n    min_hits: many\n") ==
        Strings{"d.yaml:5:15: rule topic/a: min_hits: expected a whole number, found 'many'"});
  CHECK(Errors("dimension: topic\nmulti: perhaps\nlabels:\n  a: {any: [x]}\n") ==
        Strings{"d.yaml:2:8: dimension 'topic': multi: expected true or false, found 'perhaps'"});
  CHECK(Errors("dimension: topic\nlabels:\n  a:\n    any: [[x]]\n") ==
        Strings{"d.yaml:4:11: rule topic/a: any: expected a term, found a list"});
  CHECK(Errors("dimension: topic\nlabels:\n  a:\n    any: [x]\n    weight: -1\n") ==
        Strings{"d.yaml:5:13: rule topic/a: weight: -1 is out of range [0, 1000]"});
  CHECK(Errors("dimension: topic\nlabels: [a, b]\n") ==
        Strings{"d.yaml:2:9: dimension 'topic': labels: expected a mapping (key: value lines), "
                "found a list"});
}

TEST_CASE("duplicate keys and duplicate label ids are errors") {
  CHECK(Errors("dimension: topic\nlabels:\n  a:\n    any: [x]\n    any: [y]\n") ==
        Strings{"d.yaml:5:5: duplicate key 'any' (first defined at line 4)"});
  CHECK(Errors("dimension: topic\nlabels:\n  a:\n    any: [x]\n  a:\n    any: [y]\n") ==
        Strings{"d.yaml:5:3: rule topic/a: duplicate label id 'a' (first defined at line 3)"});
}

TEST_CASE("empty patterns are errors") {
  CHECK(Errors("dimension: topic\nlabels:\n  a:\n    any: [x, '']\n") ==
        Strings{"d.yaml:4:14: rule topic/a: any: empty pattern"});
  CHECK(Errors("dimension: topic\nlabels:\n  a:\n    any: ['//']\n") ==
        Strings{"d.yaml:4:11: rule topic/a: any: empty pattern"});
  CHECK(Errors("dimension: topic\nlabels:\n  a:\n    any: []\n") ==
        Strings{"d.yaml:4:10: rule topic/a: any: empty list"});
}

TEST_CASE("invalid regexes carry RE2's message") {
  CHECK(Errors("dimension: topic\nlabels:\n  a:\n    regex: ['victim(']\n") ==
        Strings{"d.yaml:4:13: rule topic/a: regex: invalid regex /victim(/: missing ): victim("});
  CHECK(Errors("dimension: topic\nlabels:\n  a:\n    any: ['/x{2,1}/']\n") ==
        Strings{"d.yaml:4:11: rule topic/a: any: invalid regex /x{2,1}/: invalid "
                "repetition size: {2,1}"});
  CHECK(Errors("dimension: topic\nlabels:\n  a:\n    regex: ['x*']\n") ==
        Strings{"d.yaml:4:13: rule topic/a: regex: regex /x*/ matches the empty string, so it "
                "would match every unit"});
}

TEST_CASE("first holds terms only") {
  CHECK(Errors("dimension: topic\nlabels:\n  a:\n    first: ['/^x/']\n") ==
        Strings{"d.yaml:4:13: rule topic/a: first: /^x/: 'first:' holds terms; write a regex "
                "that must start the unit under 'regex:', beginning with '^'"});
}

TEST_CASE("a star not at the end of a word is an error") {
  CHECK(Errors("dimension: topic\nlabels:\n  a:\n    any: ['*trafficking']\n") ==
        Strings{"d.yaml:4:11: rule topic/a: any: '*' must come at the end of a word, as in "
                "'reintegrat*'; '*trafficking' has it at the start"});
}

TEST_CASE("a dimension defined twice names both places") {
  std::vector<Diagnostic> errors;
  auto rules = LoadRules({{"a.yaml", "dimension: topic\nlabels:\n  a: {any: [x]}\n"},
                          {"b.yaml", "# again\ndimension: topic\nlabels:\n  b: {any: [y]}\n"}},
                         &errors);
  CHECK(rules == nullptr);
  REQUIRE(errors.size() == 1);
  CHECK(std::filesystem::path(errors[0].location.file).filename() == "b.yaml");
  CHECK(errors[0].location.line == 2);
  CHECK(errors[0].location.column == 12);
  std::string first = std::filesystem::path(errors[0].message.substr(
                          errors[0].message.find(" at ") + 4)).filename().string();
  CHECK(errors[0].message.rfind("dimension 'topic' is defined twice: here and at ", 0) == 0);
  CHECK(first == "a.yaml:1:12");
}

TEST_CASE("names, kinds, parts and defaults are checked") {
  CHECK(Errors("dimension: Topic\nlabels:\n  a: {any: [x]}\n") ==
        Strings{"d.yaml:1:12: dimension: 'Topic' is not a name: use lower-case letters, digits "
                "and '_', starting with a letter"});
  CHECK(Errors("dimension: text\nlabels:\n  a: {any: [x]}\n") ==
        Strings{"d.yaml:1:12: dimension: 'text' is a field every unit already has; choose "
                "another name"});
  CHECK(Errors("dimension: mentions\nlabels:\n  a: {any: [x]}\n") ==
        Strings{"d.yaml:1:12: dimension: 'mentions' is derived from agencies.yaml; add names "
                "there instead"});
  CHECK(Errors("dimension: topic\nlabels:\n  Big-One: {any: [x]}\n") ==
        Strings{"d.yaml:3:3: rule topic/Big-One: label ids are lower-case letters, digits and "
                "'_' (as in 'victim_assistance'), not 'Big-One'"});
  CHECK(Errors("dimension: topic\nkinds: [text, bulet]\nlabels:\n  a: {any: [x]}\n") ==
        Strings{"d.yaml:2:15: dimension 'topic': kinds: unknown unit kind 'bulet'; did you mean "
                "'bullet'?"});
  CHECK(Errors("dimension: topic\nlabels:\n  a:\n    any: [x]\n    scope: {parts: [recomendations]}\n") ==
        Strings{"d.yaml:5:21: rule topic/a: scope: parts: unknown part 'recomendations'; did "
                "you mean 'recommendations'?"});
  CHECK(Errors("dimension: topic\nlabels:\n  a:\n    any: [x]\n    scope: {kinds: [heading]}\n") ==
        Strings{"d.yaml:5:20: rule topic/a: scope: kinds: 'heading' is not one of the "
                "dimension's kinds (text, bullet)"});
  CHECK(Errors("dimension: tone\nmulti: false\nlabels:\n  a: {any: [x]}\n") ==
        Strings{"d.yaml:1:1: dimension 'tone': a single-valued dimension (multi: false) needs "
                "'default:', the label of a unit no label fits"});
  CHECK(Errors("dimension: topic\ndefault: other\nlabels:\n  a: {any: [x]}\n") ==
        Strings{"d.yaml:2:10: dimension 'topic': 'default:' is only for single-valued "
                "dimensions (add 'multi: false')"});
  CHECK(Errors("dimension: tone\nmulti: false\ndefault: other\ndecide: vote\nlabels:\n  a: {any: [x]}\n") ==
        Strings{"d.yaml:4:9: dimension 'tone': decide: expected 'priority' or 'score', found "
                "'vote'"});
}

TEST_CASE("labels need cues and priors need conditions") {
  CHECK(Errors("dimension: topic\nlabels:\n  a:\n    description: nothing else\n") ==
        Strings{"d.yaml:3:3: rule topic/a: has no cues: give at least one of any, weak, exact, "
                "first, regex, near (or a prior)"});
  CHECK(Errors("dimension: topic\nlabels:\n  a:\n    any: [x]\n    prior: [{score: 1}]\n") ==
        Strings{"d.yaml:5:13: rule topic/a: prior: needs a condition: one or more of part, "
                "kind, section, lead_in"});
  CHECK(Errors("dimension: topic\nlabels:\n  a:\n    any: [x]\n    prior: [{part: mandate}]\n") ==
        Strings{"d.yaml:5:13: rule topic/a: prior: missing 'score:' (what the condition adds)"});
  CHECK(Errors("dimension: topic\nlabels:\n  a:\n    any: [x]\n    prior: [{lead_in: b, score: 1}]\n  bb: {any: [y]}\n") ==
        Strings{"d.yaml:5:23: rule topic/a: prior: lead_in: 'b' is not a label of this "
                "dimension; did you mean 'a'?"});
  CHECK(Errors("dimension: topic\nlabels:\n  a:\n    prior: [{part: mandate, score: 1}]\n    min_hits: 1\n") ==
        Strings{"d.yaml:3:3: rule topic/a: min_hits is 1 but the label has no cues, so it can "
                "never be assigned"});
  CHECK(Errors("dimension: topic\nlabels:\n  a:\n    near: [{a: [x], within: 3}]\n") ==
        Strings{"d.yaml:4:12: rule topic/a: near: needs both 'a:' and 'b:' term lists"});
}

TEST_CASE("implies targets are checked across files") {
  std::vector<Diagnostic> errors;
  auto rules = LoadRules(
      {{"a.yaml", "dimension: topic\nlabels:\n  a:\n    any: [x]\n    implies: {area: [partnershp], tone: [b], aera: [c], topic: [a]}\n"},
       {"b.yaml", "dimension: area\nlabels:\n  partnership: {any: [y]}\n"},
       {"c.yaml", "dimension: tone\nmulti: false\ndefault: b\nlabels:\n  c: {any: [z]}\n"}},
      &errors);
  CHECK(rules == nullptr);
  CHECK(Messages(errors) ==
        Strings{"a.yaml:5:22: rule topic/a: implies: 'partnershp' is not a label of dimension "
                "'area'; did you mean 'partnership'?",
                "a.yaml:5:42: rule topic/a: implies: 'tone' is single-valued; implied labels go "
                "to multi-valued dimensions",
                "a.yaml:5:53: rule topic/a: implies: unknown dimension 'aera'; did you mean "
                "'area'?",
                "a.yaml:5:65: rule topic/a: implies: a label cannot imply labels of its own "
                "dimension"});
}

TEST_CASE("implies_unless is checked like implies") {
  std::vector<Diagnostic> errors;
  auto rules =
      LoadRules({{"a.yaml",
                  "dimension: topic\nlabels:\n  a:\n    any: [x]\n    implies: {area: [p]}\n"
                  "    implies_unless: {area: [q], aera: [p]}\n  b:\n    any: [y]\n"
                  "    implies_unless: {area: [p]}\n"},
                 {"b.yaml", "dimension: area\nlabels:\n  p: {any: [y]}\n"}},
                &errors);
  CHECK(rules == nullptr);
  CHECK(Messages(errors) ==
        Strings{"a.yaml:6:29: rule topic/a: implies_unless: 'q' is not a label of dimension "
                "'area'; did you mean 'p'?",
                "a.yaml:6:40: rule topic/a: implies_unless: unknown dimension 'aera'; did you "
                "mean 'area'?",
                "a.yaml:9:21: rule topic/b: implies_unless: the label implies nothing (add "
                "'implies:')"});
}

TEST_CASE("relative and weak_alone are checked") {
  CHECK(Errors("dimension: topic\nmulti: false\ndefault: a\nrelative: 0.5\nlabels:\n  a: {any: "
               "[x]}\n") ==
        Strings{"d.yaml:4:11: dimension 'topic': 'relative:' is only for multi-valued "
                "dimensions (a single-valued one keeps its best label anyway)"});
  CHECK(Errors("dimension: topic\nrelative: 2\nlabels:\n  a: {any: [x]}\n") ==
        Strings{"d.yaml:2:11: dimension 'topic': relative: 2 is out of range [0, 1]"});
  CHECK(Errors("dimension: topic\nweak_alone: sometimes\nlabels:\n  a: {any: [x]}\n") ==
        Strings{"d.yaml:2:13: dimension 'topic': weak_alone: expected true or false, found "
                "'sometimes'"});
}

TEST_CASE("all errors of a file are reported at once") {
  Strings errors = Errors(
      "dimension: topic\nlabels:\n  a:\n    any: ['*x', y]\n    nott: [z]\n  b:\n    regex: ['(']\n"
      "    min_hits: -2\n");
  CHECK(errors.size() == 4);
}

TEST_CASE("hostile files are stopped by limits") {
  RuleSetOptions small;
  small.limits.max_bytes = 40;
  CHECK(Errors("dimension: topic\nlabels:\n  a:\n    any: [x, y, z, w]\n", small) ==
        Strings{"d.yaml: file is 52 bytes; rule files are limited to 40 bytes"});
  RuleSetOptions shallow;
  shallow.limits.max_depth = 3;
  CHECK(Errors("dimension: topic\nlabels:\n  a:\n    near: [{a: [x], b: [y]}]\n", shallow) ==
        Strings{"d.yaml:4:11: nesting deeper than 3 levels"});
  RuleSetOptions few;
  few.limits.max_nodes = 10;
  CHECK(Errors("dimension: topic\nlabels:\n  a:\n    any: [a, b, c, d, e, f, g]\n", few) ==
        Strings{"d.yaml:4:14: more than 10 YAML nodes"});
  RuleSetOptions tiny_program;
  tiny_program.max_program_size = 50;
  CHECK(Errors("dimension: topic\nlabels:\n  a:\n    regex: ['[a-z]{20}x']\n", tiny_program) ==
        Strings{"d.yaml:4:13: rule topic/a: regex: regex /[a-z]{20}x/ compiles to 125 "
                "instructions, more than the limit of 50; simplify it (fewer or smaller "
                "repetitions)"});
}

TEST_CASE("empty and broken files are reported") {
  CHECK(Errors("") == Strings{"d.yaml: empty dimension file (expected 'dimension:' and 'labels:')"});
  Strings syntax = Errors("dimension: topic\nlabels: [a\n");
  REQUIRE(syntax.size() == 1);
  CHECK(syntax[0].rfind("d.yaml:", 0) == 0);
  CHECK(syntax[0].find("YAML syntax error") != std::string::npos);
}

}  // namespace
}  // namespace gapmap
