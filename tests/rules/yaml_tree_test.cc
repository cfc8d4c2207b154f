#include "lib/rules/yaml_tree.h"

#include <doctest/doctest.h>

#include <string>

#include "lib/rules/yaml_access.h"

namespace gapmap {
namespace {

TEST_CASE("nodes remember 1-based line and column") {
  std::vector<Diagnostic> errors;
  YamlDocument doc = ParseYaml("a: 1\nlist:\n  - x\n  - 'y'\n", "f.yaml", {}, &errors);
  REQUIRE(errors.empty());
  const YamlNode* list = doc.root()->Find("list");
  REQUIRE(list != nullptr);
  REQUIRE(list->items.size() == 2);
  CHECK(list->items[0]->line == 3);
  CHECK(list->items[0]->column == 5);
  CHECK_FALSE(list->items[0]->quoted);
  CHECK(list->items[1]->quoted);
}

TEST_CASE("duplicate keys are errors at the second key") {
  std::vector<Diagnostic> errors;
  ParseYaml("labels:\n  a: 1\n  b: 2\n  a: 3\n", "f.yaml", {}, &errors);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].location.ToString() == "f.yaml:4:3");
  CHECK(errors[0].message == "duplicate key 'a' (first defined at line 2)");
}

TEST_CASE("syntax errors carry the parser's position") {
  std::vector<Diagnostic> errors;
  YamlDocument doc = ParseYaml("a: [1, 2\nb: 3\n", "f.yaml", {}, &errors);
  REQUIRE(errors.size() == 1);
  CHECK(doc.root() == nullptr);
  CHECK(errors[0].message.rfind("YAML syntax error: ", 0) == 0);
  CHECK(errors[0].location.line > 0);
}

TEST_CASE("deep nesting is refused") {
  std::string deep(100, '[');
  deep += std::string(100, ']');
  std::vector<Diagnostic> errors;
  ParseYaml(deep, "f.yaml", YamlLimits{}, &errors);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "nesting deeper than 32 levels");
}

TEST_CASE("an alias bomb is stopped by the expanded node limit") {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'j'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [*" + prev + ", *" + prev + ", *" + prev + ", *" +
            prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev + ", *" + prev +
            ", *" + prev + "]\n";
    prev = c;
  }
  std::vector<Diagnostic> errors;
  ParseYaml(bomb, "bomb.yaml", YamlLimits{}, &errors);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message.find("alias bomb") != std::string::npos);
}

TEST_CASE("oversized input is refused before parsing") {
  std::vector<Diagnostic> errors;
  YamlLimits limits;
  limits.max_bytes = 10;
  ParseYaml("a: 12345678901", "big.yaml", limits, &errors);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].message == "file is 14 bytes; rule files are limited to 10 bytes");
}

TEST_CASE("unknown keys get a did-you-mean") {
  std::vector<Diagnostic> errors;
  YamlDocument doc = ParseYaml("any: [x]\nregexp: [y]\n", "f.yaml", {}, &errors);
  YamlChecker check("f.yaml", &errors);
  check.CheckKeys(*doc.root(), {"any", "regex", "not"}, "label 'x'");
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].location.ToString() == "f.yaml:2:1");
  CHECK(errors[0].message == "label 'x': unknown key 'regexp'; did you mean 'regex'?");
}

TEST_CASE("typed accessors report what they expected") {
  std::vector<Diagnostic> errors;
  YamlDocument doc = ParseYaml("n: abc\nb: maybe\nl: {x: 1}\ne: ['']\n", "f.yaml", {}, &errors);
  YamlChecker check("f.yaml", &errors);
  CHECK_FALSE(check.Int(*doc.root()->Find("n"), "min_hits", 1, 10).has_value());
  CHECK_FALSE(check.Bool(*doc.root()->Find("b"), "multi").has_value());
  CHECK_FALSE(check.StringList(*doc.root()->Find("l"), "any").has_value());
  CHECK_FALSE(check.StringList(*doc.root()->Find("e"), "any").has_value());
  REQUIRE(errors.size() == 4);
  CHECK(errors[0].message == "min_hits: expected a whole number, found 'abc'");
  CHECK(errors[1].message == "multi: expected true or false, found 'maybe'");
  CHECK(errors[2].message == "any: expected a list of strings, found a mapping");
  CHECK(errors[3].message == "any: empty pattern");
}

}  // namespace
}  // namespace gapmap
