// JsonlWriter held to AppendUnitJson, which quotes every document id
// afresh (the writer reuses one from record to record), and texts and
// matches held to AppendJsonString (both copy those that need no escaping
// as they are).
#include "lib/sinks/jsonl_writer.h"

#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <functional>
#include <fstream>
#include <sstream>

#include "lib/core/json_writer.h"
#include "lib/tag/tagger.h"
#include "tests/rules/rules_fixture.h"

namespace gapmap {
namespace {

namespace fs = std::filesystem;

// The file's bytes; the file is removed.
std::string ReadAndRemove(const fs::path& path) {
  std::string bytes;
  {
    std::ifstream in(path);
    std::stringstream read;
    read << in.rdbuf();
    bytes = read.str();
  }
  fs::remove(path);
  return bytes;
}

// Tags each unit and writes it through a JsonlWriter into a file and
// through AppendUnitJson into *expected; `each` sees every tagged unit.
// Returns the file's bytes (the file is removed).
std::string WriteTagged(const RuleSet& rules, const std::vector<Unit>& units,
                        const std::string& name, std::string* expected,
                        const std::function<void(const TaggedUnit&)>& each = {}) {
  const std::string file = "gapmap-jsonl-writer-" + name + "-" + std::to_string(::getpid());
  const fs::path path = fs::temp_directory_path() / (file + ".jsonl");
  {
    auto output = Output::Open(path.string());
    REQUIRE(output.ok());
    JsonlWriter writer(&rules.schema, output->get());
    Tagger tagger(rules);
    for (const Unit& unit : units) {
      TaggedUnit tagged;
      REQUIRE(tagger.Tag(unit, &tagged).ok());
      AppendUnitJson(tagged, &rules.schema, expected);
      if (each) each(tagged);
      REQUIRE(writer.Write(tagged).ok());
    }
    REQUIRE((*output)->Commit().ok());
  }
  return ReadAndRemove(path);
}

TEST_CASE("the JSONL writer writes what AppendUnitJson writes, across documents") {
  std::vector<Diagnostic> errors;
  auto rules = testing::LoadRules(
      {{"t.yaml",
        "dimension: topic\nlabels:\n  a: {any: [x, \"caf\xC3\xA9\", \"q\"]}\n"
        "  b: {regex: ['z[a ]*z']}\n"}},
      &errors);
  REQUIRE(rules != nullptr);
  // Plain texts, texts to escape (quote, backslash, control, non-ASCII,
  // invalid UTF-8) and document ids to escape, a document coming back.
  const std::vector<std::pair<std::string, std::string>> units = {
      {"a", "x and x"},          {"a", "say \"x\" q"},          {"b\"2", "caf\xC3\xA9 x"},
      {"b\"2", "x\\q\tx"},       {"caf\xC3\xA9", "x \xFF x"},   {"a", "no match"},
      {"a\xE2\x80", "x"},        {"", "q x"},
      {"long", "x z" + std::string(700, 'a') + "z"},  // a match longer than the record buffer
  };
  std::vector<Unit> tagged_units;
  for (size_t i = 0; i < units.size(); ++i) {
    tagged_units.push_back(testing::MakeUnit(units[i].second, UnitKind::kText, "", {"S\"1"},
                                             static_cast<uint32_t>(i + 1)));
    tagged_units.back().doc = units[i].first;
  }
  std::string expected;
  std::vector<std::vector<std::string>> fragments;  // per record: text and matches, quoted
  const std::string written =
      WriteTagged(*rules, tagged_units, "test", &expected, [&](const TaggedUnit& tagged) {
        std::vector<std::string> quoted(1, ",\"text\":");
        AppendJsonString(&quoted.back(), tagged.unit.text);
        for (const Evidence& e : tagged.evidence) {
          quoted.push_back(",\"match\":");
          std::string_view text = tagged.unit.text;
          AppendJsonString(&quoted.back(), text.substr(e.begin, e.end - e.begin));
        }
        fragments.push_back(quoted);
      });
  CHECK(written == expected);
  std::istringstream lines(written);
  std::string line;
  for (const std::vector<std::string>& quoted : fragments) {
    REQUIRE(std::getline(lines, line));
    for (const std::string& q : quoted) CHECK(line.find(q) != std::string::npos);
  }
  CHECK(expected.find("\"match\":\"x\"") != std::string::npos);  // evidence was written
  CHECK(expected.find("\"match\":\"z" + std::string(700, 'a')) != std::string::npos);
}

TEST_CASE("the JSONL writer writes each record's section and numbers as AppendUnitJson does") {
  // The writer quotes a section (path, agency, part) once for the records
  // that repeat it, and writes short numbers from a table: sections that
  // change in each of their parts, come back, or differ only in a heading;
  // numbers of every length around the table's limits.
  std::vector<Diagnostic> errors;
  auto rules = testing::LoadRules({{"t.yaml", "dimension: topic\nlabels:\n  a: {any: [x]}\n"}},
                                  &errors);
  REQUIRE(rules != nullptr);
  struct Section {
    std::vector<std::string> path;
    std::string agency, part;
  };
  const std::vector<Section> sections = {
      {{"A"}, "", ""},          {{"A"}, "", ""},          {{"A", "B"}, "", ""},
      {{"A", "C"}, "", ""},     {{"A", "C"}, "IOM", ""},  {{"A", "C"}, "IOM", "intro"},
      {{"A", "C"}, "", "intro"}, {{}, "", ""},            {{"A\"q"}, "I\\", "gap_analysis"},
      {{"A"}, "", ""},          {{"A", "C"}, "IOM", "intro"},
  };
  const std::vector<uint32_t> numbers = {0,    1,    9,     10,    99,     100,       101,
                                         999,  1000, 1234,  9999,  10000,  10001,     99999,
                                         1234567, 4294967295u};
  std::vector<Unit> units;
  for (size_t i = 0; i < sections.size() * numbers.size(); ++i) {
    const Section& section = sections[i % sections.size()];
    const uint32_t number = numbers[i % numbers.size()];
    // Matches at offsets of every length: a text of `number % 2000` bytes first.
    std::string text(number % 2000, 'w');
    text += " x and x";
    Unit unit = testing::MakeUnit(text, UnitKind::kText, section.part, section.path,
                                  static_cast<uint32_t>(i + 1));
    unit.section.agency = section.agency;
    unit.line_start = number;
    unit.line_end = numbers[(i + 3) % numbers.size()];
    units.push_back(std::move(unit));
  }
  std::string expected;
  CHECK(WriteTagged(*rules, units, "sections", &expected) == expected);
  CHECK(expected.find("\"line_start\":4294967295,") != std::string::npos);
  CHECK(expected.find("\"section\":[\"A\",\"C\"],\"agency\":\"IOM\",\"part\":\"intro\"") !=
        std::string::npos);
}

TEST_CASE("the JSONL writer writes markers and labels as AppendUnitJson does") {
  // The writer quotes a list marker once for the records that repeat it,
  // and writes a plain text's record by pointer into room it bounds first:
  // markers that repeat, change, need escaping or are absent; a
  // single-valued dimension and a multi-valued one with none, one and
  // several labels; evidence from several labels, in plain and escaped texts.
  std::vector<Diagnostic> errors;
  auto rules = testing::LoadRules(
      {{"s.yaml",
        "dimension: stance\nmulti: false\ndefault: other\nlabels:\n  gap: {any: [gap]}\n"
        "  other: {any: [other]}\n"},
       {"t.yaml",
        "dimension: topic\nlabels:\n  a: {any: [x]}\n  b: {any: [y]}\n  c: {any: [x y]}\n"}},
      &errors);
  REQUIRE(rules != nullptr);
  const std::vector<std::pair<std::string, std::string>> units = {
      {"-", "x y gap"}, {"-", "x"},         {"\xE2\x80\xA2", "y gap"}, {"\xE2\x80\xA2", "none"},
      {"a)", "x y"},    {"\"q", "gap \"x\""}, {"", "x y x y"},           {"1.2.", "caf\xC3\xA9 x"},
      {"-", "gap"},
  };
  std::vector<Unit> list;
  for (size_t i = 0; i < units.size(); ++i) {
    list.push_back(testing::MakeUnit(units[i].second, UnitKind::kBullet, "", {"S"},
                                     static_cast<uint32_t>(i + 1)));
    list.back().marker = units[i].first;
  }
  std::string expected;
  CHECK(WriteTagged(*rules, list, "markers", &expected) == expected);
  CHECK(expected.find("\"marker\":\"\xE2\x80\xA2\"") != std::string::npos);
  CHECK(expected.find("\"marker\":\"\\\"q\"") != std::string::npos);
  CHECK(expected.find("\"topic\":[\"a\",\"b\",\"c\"]") != std::string::npos);
  CHECK(expected.find("\"stance\":\"gap\"") != std::string::npos);
}

TEST_CASE("the JSONL writer without a schema writes what AppendUnitJson writes") {
  // `gapmap segment`: no label fields, no evidence; documents, markers and
  // texts plain and to escape.
  std::vector<Unit> units;
  const std::vector<std::string> texts = {"plain", "say \"x\"", "caf\xC3\xA9", "bad \xFF", ""};
  for (size_t i = 0; i < 12; ++i) {
    units.push_back(testing::MakeUnit(texts[i % texts.size()], UnitKind::kBullet, "p", {"S"},
                                      static_cast<uint32_t>(i + 1)));
    units.back().doc = i < 6 ? "d\"1" : "d2";
    units.back().marker = i % 3 == 0 ? "" : (i % 3 == 1 ? "-" : "\xE2\x80\xA2");
  }
  const fs::path path =
      fs::temp_directory_path() / ("gapmap-jsonl-writer-segment-" + std::to_string(::getpid()));
  std::string expected;
  {
    auto output = Output::Open(path.string());
    REQUIRE(output.ok());
    JsonlWriter writer(nullptr, output->get());
    for (const Unit& unit : units) {
      TaggedUnit tagged;
      tagged.unit = unit;
      AppendUnitJson(tagged, nullptr, &expected);
      REQUIRE(writer.Write(tagged).ok());
    }
    REQUIRE((*output)->Commit().ok());
  }
  CHECK(ReadAndRemove(path) == expected);
  CHECK(expected.find("\"evidence\"") == std::string::npos);
  CHECK(expected.find("\"marker\":\"\xE2\x80\xA2\"") != std::string::npos);
}

TEST_CASE("the JSONL writer's lines arrive whole and in order past the output's buffer") {
  // The writer appends each line to the output's buffer, which is written
  // out once full: enough units for several buffers, each line checked.
  std::vector<Diagnostic> errors;
  auto rules = testing::LoadRules({{"t.yaml", "dimension: topic\nlabels:\n  a: {any: [x]}\n"}},
                                  &errors);
  REQUIRE(rules != nullptr);
  std::vector<Unit> units;
  for (uint32_t i = 1; i <= 3000; ++i) {
    std::string text;
    for (uint32_t w = 0; w < 20 + i % 50; ++w) text += w % 3 == 0 ? "x " : "word ";
    units.push_back(testing::MakeUnit(text, UnitKind::kText, "", {"S"}, i));
    units.back().doc = i < 1500 ? "first" : "second";
  }
  std::string expected;
  const std::string written = WriteTagged(*rules, units, "big", &expected);
  REQUIRE(expected.size() > 3 * 256 * 1024);
  CHECK(written == expected);
}

}  // namespace
}  // namespace gapmap
