#include "lib/report/report_units.h"

#include <doctest/doctest.h>

#include <memory>

#include "tests/aggregate/matrix_fixture.h"

namespace gapmap {
namespace {

using testing::MatrixFixture;

// The labels of unit `i` as "dimension:name", in the store's order.
std::vector<std::string> LabelNames(const ReportUnits& store, size_t i) {
  std::vector<std::string> out;
  for (uint32_t l : store.units()[i].labels) {
    const ReportLabel& label = store.labels()[l];
    out.push_back(store.dimensions()[label.dimension] + ":" + label.name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST_CASE("report units keep content units sorted by document and ordinal") {
  MatrixFixture f;
  ReportUnits store;
  TaggedUnit heading = f.Unit("b", 1, "IOM", "", {}, {}, {}, UnitKind::kHeading);
  CHECK(store.Observe(heading, f.schema).ok());
  CHECK(store.Observe(f.Unit("b", 3, "IOM", "gap", {"protection"}), f.schema).ok());
  CHECK(store.Observe(f.Unit("b", 2, "", "activity", {}), f.schema).ok());
  CHECK(store
            .Observe(f.Unit("a", 9, "ILO", "gap", {"prevention"}, {}, {}, UnitKind::kBullet),
                     f.schema)
            .ok());
  store.Finish();
  REQUIRE(store.units().size() == 3);  // the heading is not kept
  CHECK(store.docs()[store.units()[0].doc] == "a");
  CHECK(store.units()[1].ordinal == 2);
  CHECK(store.units()[1].agency == ReportUnit::kNone);
  CHECK(store.agencies()[store.units()[2].agency] == "IOM");
  CHECK(store.kinds()[store.units()[0].kind] == "bullet");
  CHECK(store.Find(ExampleId{"b", 3}) == 2);
  CHECK(store.Find(ExampleId{"a", 9}) == 0);
  CHECK(store.Find(ExampleId{"b", 1}) == -1);  // the heading
  CHECK(store.Find(ExampleId{"c", 1}) == -1);
  CHECK(LabelNames(store, 2) == std::vector<std::string>{"fourp:protection", "stance:gap"});
}

TEST_CASE("report units name labels right when schemas change at the same address") {
  // Two JSONL inputs have schemas of their own, with different label orders;
  // the second may be built where the first was.
  ReportUnits store;
  auto make = [](std::vector<const char*> order) {
    auto s = std::make_unique<Schema>();
    int d = s->InternDimension("fourp", true);
    for (const char* name : order) s->InternLabel(d, name);
    s->InternRule(order[0]);
    return s;
  };
  alignas(Schema) unsigned char storage[sizeof(Schema)];
  auto observe = [&](std::vector<const char*> order, const char* doc) {
    std::unique_ptr<Schema> proto = make(order);
    Schema* s = new (storage) Schema(*proto);
    TaggedUnit t;
    t.unit.doc = doc;
    t.unit.ordinal = 1;
    t.unit.text = "abc";
    t.labels = {{0}};
    t.evidence.push_back(Evidence{0, 0, 0, 0, 2});
    CHECK(store.Observe(t, *s).ok());
    s->~Schema();
  };
  observe({"prevention", "protection"}, "a");
  observe({"protection", "prevention"}, "b");
  store.Finish();
  CHECK(LabelNames(store, 0) == std::vector<std::string>{"fourp:prevention"});
  CHECK(LabelNames(store, 1) == std::vector<std::string>{"fourp:protection"});
  CHECK(store.rules()[store.units()[0].evidence[3]] == "prevention");
  CHECK(store.rules()[store.units()[1].evidence[3]] == "protection");
}

TEST_CASE("report units convert evidence spans to UTF-16 offsets") {
  MatrixFixture f;
  int rule = f.schema.InternRule("fourp/protection");
  TaggedUnit t = f.Unit("d", 1, "IOM", "gap", {"protection"});
  // "é" is 2 bytes and 1 code unit, "😀" 4 bytes and 2 code units, the lone
  // 0xFF byte is written as U+FFFD: 1 code unit.
  t.unit.text = "\xC3\xA9 \xF0\x9F\x98\x80 \xFF shelter";
  uint32_t begin = static_cast<uint32_t>(t.unit.text.find("shelter"));
  uint16_t label = static_cast<uint16_t>(f.schema.FindLabel(f.fourp, "protection"));
  t.evidence.push_back(Evidence{static_cast<uint16_t>(f.fourp), label, static_cast<uint32_t>(rule),
                                begin, begin + 7});
  t.evidence.push_back(
      Evidence{static_cast<uint16_t>(f.fourp), label, static_cast<uint32_t>(rule), 0, 2});
  // A zero-length span (a default rule) highlights nothing and is dropped.
  t.evidence.push_back(
      Evidence{static_cast<uint16_t>(f.stance), 1, static_cast<uint32_t>(rule), 3, 3});
  ReportUnits store;
  CHECK(store.Observe(t, f.schema).ok());
  store.Finish();
  const std::vector<uint32_t>& ev = store.units()[0].evidence;
  REQUIRE(ev.size() == 8);
  // "é" (1) + " " (1) + "😀" (2) + " " (1) + U+FFFD (1) + " " (1) = 7
  CHECK(ev[0] == 7);
  CHECK(ev[1] == 14);
  CHECK(store.labels()[ev[2]].name == "protection");
  CHECK(store.rules()[ev[3]] == "fourp/protection");
  CHECK(ev[4] == 0);
  CHECK(ev[5] == 1);
}

}  // namespace
}  // namespace gapmap
