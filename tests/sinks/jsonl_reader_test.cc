#include "lib/sinks/jsonl_reader.h"

#include <doctest/doctest.h>

#include <vector>

namespace gapmap {
namespace {

struct ReadResult {
  std::vector<TaggedUnit> units;
  std::vector<JsonlExtras> extras;
  Status status;
};

ReadResult ReadAll(const std::string& data, Schema* schema, size_t piece = 4096) {
  StringSource source(data, "t.jsonl", piece);
  JsonlReader reader(&source, schema);
  ReadResult result;
  TaggedUnit unit;
  JsonlExtras extras;
  while (reader.Next(&unit, &extras)) {
    result.units.push_back(unit);
    result.extras.push_back(extras);
  }
  result.status = reader.status();
  return result;
}

std::vector<std::string> Labels(const TaggedUnit& u, const Schema& schema, const char* dim) {
  std::vector<std::string> names;
  int d = schema.FindDimension(dim);
  if (d < 0 || d >= static_cast<int>(u.labels.size())) return names;
  for (uint16_t l : u.labels[d]) names.push_back(schema.label_name(d, l));
  return names;
}

const char* kTagged =
    R"({"doc":"r","id":"r:0042","kind":"bullet","line_start":10,"line_end":12,)"
    R"("section":["IOM","Gap analysis"],"agency":"IOM","part":"gap_analysis","marker":"•",)"
    R"("stance":"gap","fourp":["protection","prevention"],"rectype":[],"mentions":["IOM"],)"
    R"("text":"shelters for victims","evidence":[{"field":"fourp","label":"protection",)"
    R"("rule":"fourp/protection","match":"shelters","begin":0,"end":8}]})"
    "\n\n"
    R"({"doc":"r","id":"r:0043","kind":"heading","line_start":14,"line_end":14,"section":[],)"
    R"("agency":null,"part":null,"stance":null,"fourp":[],"rectype":[],"mentions":[],"text":"Gap analysis","evidence":[]})"
    "\n";

TEST_CASE("tagged JSONL reads back into units with interned labels at every buffer size") {
  for (size_t piece : {size_t{1}, size_t{7}, size_t{4096}}) {
    CAPTURE(piece);
    Schema schema;
    ReadResult r = ReadAll(kTagged, &schema, piece);
    REQUIRE(r.status.ok());
    REQUIRE(r.units.size() == 2);
    const Unit& u = r.units[0].unit;
    CHECK(u.doc == "r");
    CHECK(u.ordinal == 42);
    CHECK(u.kind == UnitKind::kBullet);
    CHECK(u.line_start == 10);
    CHECK(u.line_end == 12);
    CHECK(u.section.path == std::vector<std::string>{"IOM", "Gap analysis"});
    CHECK(u.section.agency == "IOM");
    CHECK(u.section.part == "gap_analysis");
    CHECK(u.marker == "•");
    CHECK(u.text == "shelters for victims");
    CHECK(Labels(r.units[0], schema, "stance") == std::vector<std::string>{"gap"});
    // Sorted by name whatever the interning order.
    CHECK(Labels(r.units[0], schema, "fourp") ==
          std::vector<std::string>{"prevention", "protection"});
    CHECK(Labels(r.units[0], schema, "mentions") == std::vector<std::string>{"IOM"});
    CHECK_FALSE(schema.dimension(schema.FindDimension("stance")).multi);
    CHECK(schema.dimension(schema.FindDimension("fourp")).multi);
    REQUIRE(r.units[0].evidence.size() == 1);
    CHECK(schema.rule_id(r.units[0].evidence[0].rule) == "fourp/protection");
    CHECK(r.units[0].evidence[0].end == 8);
    CHECK(r.units[1].unit.ordinal == 43);
    CHECK(r.units[1].unit.section.agency.empty());
    CHECK(Labels(r.units[1], schema, "stance").empty());
    CHECK(r.units[1].labels.size() == static_cast<size_t>(schema.dimension_count()));
  }
}

TEST_CASE("segment output has no label fields and adds no dimension") {
  Schema schema;
  ReadResult r = ReadAll(
      R"({"doc":"d","id":"d:0001","kind":"text","line_start":1,"line_end":3,"section":[],"agency":null,"part":null,"text":"x"})"
      "\n",
      &schema);
  REQUIRE(r.status.ok());
  REQUIRE(r.units.size() == 1);
  CHECK(schema.dimension_count() == 0);
}

TEST_CASE("gold records take the ordinal from unit and carry kind_alt") {
  Schema schema;
  ReadResult r = ReadAll(
      R"({"doc":"d","unit":7,"line_start":5,"line_end":5,"kind":"bullet","kind_alt":"heading","agency":"IOM","part":"mandate","stance":"activity","fourp":[],"rectype":[],"mentions":[],"text":"• Title"})"
      "\n"
      R"({"doc":"d","unit":8,"line_start":6,"line_end":6,"kind":"text","agency":"IOM","part":"mandate","stance":"activity","fourp":[],"rectype":[],"mentions":[],"text":"Body"})",
      &schema);
  REQUIRE(r.status.ok());
  REQUIRE(r.units.size() == 2);
  CHECK(r.units[0].unit.ordinal == 7);
  REQUIRE(r.extras[0].kind_alt.has_value());
  CHECK(*r.extras[0].kind_alt == UnitKind::kHeading);
  CHECK_FALSE(r.extras[1].kind_alt.has_value());
}

TEST_CASE("malformed records are input errors naming the file and line") {
  struct Case {
    const char* data;
    const char* message;
  };
  const Case cases[] = {
      {"{\"doc\":\"d\",\"kind\":\"text\",\"line_start\":1,\"line_end\":1}\n{oops\n",
       "t.jsonl:2: invalid JSON"},
      {"{\"kind\":\"text\",\"line_start\":1,\"line_end\":1}\n", "t.jsonl:1: missing field 'doc'"},
      {"{\"doc\":\"d\",\"kind\":\"para\",\"line_start\":1,\"line_end\":1}\n",
       "t.jsonl:1: field 'kind': unknown kind 'para'"},
      {"{\"doc\":\"d\",\"kind\":\"text\",\"line_start\":\"1\",\"line_end\":1}\n",
       "t.jsonl:1: field 'line_start'"},
      {"{\"doc\":\"d\",\"kind\":\"text\",\"line_start\":4,\"line_end\":3}\n",
       "t.jsonl:1: line_end 3 is before line_start 4"},
      {"[1,2]\n", "t.jsonl:1: expected a JSON object"},
      {"{\"doc\":\"d\",\"kind\":\"text\",\"line_start\":1,\"line_end\":1,\"stance\":\"gap\"}\n"
       "{\"doc\":\"d\",\"kind\":\"text\",\"line_start\":2,\"line_end\":2,\"stance\":[\"gap\"]}\n",
       "t.jsonl:2: field 'stance': expected a label or null"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.data);
    Schema schema;
    ReadResult r = ReadAll(c.data, &schema);
    REQUIRE_FALSE(r.status.ok());
    CHECK(r.status.code() == StatusCode::kInput);
    CHECK(r.status.message().find(c.message) == 0);
  }
}

}  // namespace
}  // namespace gapmap
