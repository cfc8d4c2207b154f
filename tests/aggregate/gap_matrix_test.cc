#include "lib/aggregate/gap_matrix.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>

#include "tests/aggregate/matrix_fixture.h"

namespace gapmap {
namespace {

using testing::MatrixFixture;

const MatrixRow* Find(const std::vector<MatrixRow>& rows, const std::string& agency,
                      const std::string& dimension, const std::string& category,
                      const std::string& stance) {
  for (const MatrixRow& r : rows) {
    if (r.agency == agency && r.dimension == dimension && r.category == category &&
        r.stance == stance) {
      return &r;
    }
  }
  return nullptr;
}

std::string Ids(const MatrixRow* row) {
  std::string s;
  for (const ExampleId& e : row->examples) {
    if (!s.empty()) s.push_back(' ');
    s += FormatExampleId(e);
  }
  return s;
}

std::vector<TaggedUnit> SmallCorpus(MatrixFixture& f) {
  return {
      f.Unit("r", 1, "IOM", "activity", {"prevention", "protection"}, {"awareness"}),
      f.Unit("r", 2, "IOM", "gap", {"protection"}),
      f.Unit("r", 3, "IOM", "recommendation", {"protection"}, {"legislation"}),
      f.Unit("r", 4, "IOM", "recommendation", {}, {"research_data"}),
      f.Unit("r", 5, "IOM", "", {}, {}, {}, UnitKind::kHeading),  // not content
      f.Unit("r", 6, "ILO", "recommendation", {"prevention"}),
      f.Unit("r", 7, "", "context", {"prevention"}),  // no agency chapter
  };
}

TEST_CASE("the matrix counts content units per agency category and stance") {
  MatrixFixture f;
  GapMatrix m;
  for (const TaggedUnit& u : SmallCorpus(f)) m.Add(u, f.schema);
  REQUIRE(m.status().ok());
  CHECK(m.content_units() == 6);
  CHECK(m.units_without_owner() == 1);
  std::vector<MatrixRow> rows = m.Rows(Normalize::kRow);
  // IOM has 4 content units, 2 of them recommendations; 3 mention protection.
  const MatrixRow* total = Find(rows, "IOM", "fourp", "all", "recommendation");
  REQUIRE(total != nullptr);
  CHECK(total->paragraphs == 2);
  CHECK(*total->share == doctest::Approx(1.0));
  CHECK(Ids(total) == "r:0003 r:0004");
  const MatrixRow* protection = Find(rows, "IOM", "fourp", "protection", "recommendation");
  REQUIRE(protection != nullptr);
  CHECK(protection->paragraphs == 1);
  CHECK(*protection->share == doctest::Approx(0.5));
  const MatrixRow* all = Find(rows, "IOM", "fourp", "protection", "all");
  REQUIRE(all != nullptr);
  CHECK(all->paragraphs == 3);
  CHECK(*all->share == doctest::Approx(0.75));
  CHECK(Ids(all) == "r:0001 r:0002 r:0003");
  // The row total is repeated for every dimension.
  CHECK(Find(rows, "IOM", "rectype", "all", "all")->paragraphs == 4);
  CHECK(Find(rows, "IOM", "fourp", "all", "all")->paragraphs == 4);
  // Empty cells are not rows; the heading and the unit without agency count nowhere.
  CHECK(Find(rows, "IOM", "fourp", "prevention", "gap") == nullptr);
  CHECK(Find(rows, "ILO", "fourp", "prevention", "recommendation")->paragraphs == 1);
  CHECK(m.Agencies() == std::vector<std::string>{"ILO", "IOM"});
  // Sorted by agency, dimension, category, stance.
  CHECK(std::is_sorted(rows.begin(), rows.end(), [](const MatrixRow& a, const MatrixRow& b) {
    return std::tie(a.agency, a.dimension, a.category, a.stance) <
           std::tie(b.agency, b.dimension, b.category, b.stance);
  }));
  // 2 agencies: ILO (rows: fourp all x2 stances, prevention x2, rectype all x2) = 6;
  // IOM: fourp all x4, prevention(activity, all), protection(activity, gap,
  // recommendation, all), rectype all x4, awareness x2, legislation x2,
  // research_data x2 = 4+2+4+4+2+2+2 = 20.
  CHECK(rows.size() == 26);
}

TEST_CASE("column and no normalisation") {
  MatrixFixture f;
  GapMatrix m;
  for (const TaggedUnit& u : SmallCorpus(f)) m.Add(u, f.schema);
  std::vector<MatrixRow> col = m.Rows(Normalize::kColumn);
  // prevention/all: IOM 1, ILO 1 -> 0.5 each.
  CHECK(*Find(col, "IOM", "fourp", "prevention", "all")->share == doctest::Approx(0.5));
  // all/all: IOM 4 of 5 content units with an agency.
  CHECK(*Find(col, "IOM", "fourp", "all", "all")->share == doctest::Approx(0.8));
  std::vector<MatrixRow> none = m.Rows(Normalize::kNone);
  CHECK_FALSE(Find(none, "IOM", "fourp", "prevention", "all")->share.has_value());
}

TEST_CASE("by mentions counts a unit for every agency it names") {
  MatrixFixture f;
  GapMatrix m(MatrixOptions{MatrixBy::kMentions, {}, {}, 5});
  m.Add(f.Unit("r", 1, "IOM", "gap", {"protection"}, {}, {"ILO", "UNODC"}), f.schema);
  m.Add(f.Unit("r", 2, "IOM", "gap", {"protection"}, {}, {}), f.schema);
  std::vector<MatrixRow> rows = m.Rows(Normalize::kRow);
  CHECK(m.Agencies() == std::vector<std::string>{"ILO", "UNODC"});
  CHECK(Find(rows, "ILO", "fourp", "protection", "gap")->paragraphs == 1);
  CHECK(Find(rows, "UNODC", "fourp", "protection", "gap")->paragraphs == 1);
  CHECK(m.units_without_owner() == 1);
}

TEST_CASE("dimension and stance filters keep only what was asked") {
  MatrixFixture f;
  GapMatrix m(MatrixOptions{MatrixBy::kAgency, {"rectype"}, {"recommendation"}, 5});
  for (const TaggedUnit& u : SmallCorpus(f)) m.Add(u, f.schema);
  std::vector<MatrixRow> rows = m.Rows(Normalize::kRow);
  for (const MatrixRow& r : rows) {
    CHECK(r.dimension == "rectype");
    CHECK(r.stance == "recommendation");
  }
  CHECK(Find(rows, "IOM", "rectype", "legislation", "recommendation")->paragraphs == 1);
  CHECK(m.Dimensions() == std::vector<std::string>{"rectype"});
  CHECK(m.Stances() == std::vector<std::string>{"recommendation"});
}

TEST_CASE("declared categories are known even when no unit has them") {
  MatrixFixture f;
  GapMatrix m;
  m.DeclareSchema(f.schema);
  CHECK(m.Dimensions() == std::vector<std::string>{"fourp", "rectype"});
  CHECK(m.Categories("fourp") ==
        std::vector<std::string>{"partnership", "prevention", "prosecution", "protection"});
  CHECK(m.Stances() ==
        std::vector<std::string>{"activity", "all", "context", "gap", "recommendation"});
  CHECK(m.Rows(Normalize::kRow).empty());
}

TEST_CASE("example ids are the smallest by doc and ordinal whatever the input order") {
  MatrixFixture f;
  GapMatrix m(MatrixOptions{MatrixBy::kAgency, {"fourp"}, {"all"}, 2});
  // Document "b" is read before "a"; within "a", ordinals arrive out of order.
  for (auto [doc, ordinal] : std::vector<std::pair<std::string, uint32_t>>{
           {"b", 1}, {"b", 2}, {"a", 9}, {"a", 10}, {"a", 3}}) {
    m.Add(f.Unit(doc, ordinal, "IOM", "gap", {"protection"}), f.schema);
  }
  std::vector<MatrixRow> rows = m.Rows(Normalize::kRow);
  const MatrixRow* row = Find(rows, "IOM", "fourp", "protection", "all");
  REQUIRE(row != nullptr);
  CHECK(row->paragraphs == 5);
  CHECK(Ids(row) == "a:0003 a:0009");
}

TEST_CASE("example ids are the smallest ones on random input orders and cell sizes") {
  MatrixFixture f;
  std::mt19937 rng(5);
  for (int round = 0; round < 200; ++round) {
    const int64_t keep = 1 + static_cast<int64_t>(rng() % 5);
    GapMatrix m(MatrixOptions{MatrixBy::kAgency, {"fourp"}, {"all"}, keep});
    // Mostly in order, as units come, with some going back.
    std::vector<std::pair<std::string, uint32_t>> units;
    const int count = 1 + static_cast<int>(rng() % 20);
    for (int i = 0; i < count; ++i) {
      const uint32_t ordinal = rng() % 4 == 0 ? 1 + rng() % 30 : static_cast<uint32_t>(i + 1);
      units.emplace_back(rng() % 3 == 0 ? "a" : "b", ordinal);
    }
    std::vector<std::string> want;
    for (const auto& [doc, ordinal] : units) {
      m.Add(f.Unit(doc, ordinal, "IOM", "gap", {"protection"}), f.schema);
      want.push_back(FormatExampleId(ExampleId{doc, ordinal}));
    }
    std::sort(want.begin(), want.end());  // ids of one width sort like (doc, ordinal)
    want.resize(std::min<size_t>(want.size(), static_cast<size_t>(keep)));
    std::string joined;
    for (const std::string& id : want) joined += (joined.empty() ? "" : " ") + id;
    std::vector<MatrixRow> rows = m.Rows(Normalize::kRow);
    const MatrixRow* row = Find(rows, "IOM", "fourp", "protection", "all");
    REQUIRE(row != nullptr);
    INFO("round " << round);
    CHECK(Ids(row) == joined);
  }
}

TEST_CASE("merged partial matrices equal one run over all units") {
  MatrixFixture f;
  std::vector<TaggedUnit> units;
  std::mt19937 random(7);
  const char* agencies[] = {"IOM", "ILO", "OHCHR", ""};
  const char* stances[] = {"activity", "gap", "recommendation", "context", ""};
  const char* fourp[] = {"prevention", "protection", "prosecution", "partnership"};
  for (uint32_t i = 1; i <= 300; ++i) {
    std::vector<std::string> labels;
    for (const char* l : fourp) {
      if (random() % 3 == 0) labels.push_back(l);
    }
    units.push_back(f.Unit(i % 2 ? "doc-a" : "doc-b", i, agencies[random() % 4],
                           stances[random() % 5], labels, {}, {},
                           random() % 6 ? UnitKind::kText : UnitKind::kFootnote));
  }
  MatrixOptions options{MatrixBy::kAgency, {}, {}, 3};
  GapMatrix whole(options);
  for (const TaggedUnit& u : units) whole.Add(u, f.schema);

  for (int shards : {2, 3, 7}) {
    CAPTURE(shards);
    std::vector<GapMatrix> parts(shards, GapMatrix(options));
    for (size_t i = 0; i < units.size(); ++i)
      parts[(i * 7 + i / 5) % shards].Add(units[i], f.schema);
    // Add the shards in reverse order: the result must not depend on it.
    GapMatrix merged(options);
    for (int s = shards - 1; s >= 0; --s) {
      REQUIRE(merged.Mergeable(parts[s]).ok());
      merged += parts[s];
    }
    CHECK(merged.content_units() == whole.content_units());
    CHECK(merged.units_without_owner() == whole.units_without_owner());
    std::vector<MatrixRow> a = whole.Rows(Normalize::kRow);
    std::vector<MatrixRow> b = merged.Rows(Normalize::kRow);
    REQUIRE(a.size() == b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      CHECK(a[i].agency == b[i].agency);
      CHECK(a[i].category == b[i].category);
      CHECK(a[i].stance == b[i].stance);
      CHECK(a[i].paragraphs == b[i].paragraphs);
      CHECK(a[i].share == b[i].share);
      CHECK(Ids(&a[i]) == Ids(&b[i]));
    }
  }
}

TEST_CASE("matrices made with different options are not mergeable") {
  GapMatrix a(MatrixOptions{MatrixBy::kAgency, {}, {}, 5});
  CHECK_FALSE(a.Mergeable(GapMatrix(MatrixOptions{MatrixBy::kMentions, {}, {}, 5})).ok());
  CHECK_FALSE(a.Mergeable(GapMatrix(MatrixOptions{MatrixBy::kAgency, {}, {}, 3})).ok());
  CHECK(a.Mergeable(GapMatrix(MatrixOptions{MatrixBy::kAgency, {}, {}, 5})).ok());
}

TEST_CASE("a label named all is an error because all names the totals") {
  MatrixFixture f;
  GapMatrix m;
  m.Add(f.Unit("r", 1, "IOM", "gap", {"all"}), f.schema);
  CHECK(m.status().code() == StatusCode::kRule);
  CHECK(m.status().message().find("'all'") != std::string::npos);
}

TEST_CASE("example ids parse back from their text") {
  CHECK(FormatExampleId({"icat-2010", 42}) == "icat-2010:0042");
  CHECK(FormatExampleId({"d", 123456}) == "d:123456");
  auto id = ParseExampleId("a:b:0042");
  REQUIRE(id.has_value());
  CHECK(id->doc == "a:b");
  CHECK(id->ordinal == 42);
  CHECK_FALSE(ParseExampleId("nocolon").has_value());
  CHECK_FALSE(ParseExampleId("d:").has_value());
  CHECK_FALSE(ParseExampleId("d:12x").has_value());
}

}  // namespace
}  // namespace gapmap

namespace gapmap {
namespace {

TEST_CASE("a matrix added to itself doubles every count") {
  testing::MatrixFixture f;
  GapMatrix m(MatrixOptions{MatrixBy::kAgency, {"fourp"}, {}, 5});
  m.Add(f.Unit("r", 1, "IOM", "gap", {"protection"}), f.schema);
  m += m;
  std::vector<MatrixRow> rows = m.Rows(Normalize::kRow);
  REQUIRE_FALSE(rows.empty());
  for (const MatrixRow& r : rows) {
    CHECK(r.paragraphs == 2);
    CHECK(r.examples.size() == 2);
  }
  CHECK(m.content_units() == 2);
}

}  // namespace
}  // namespace gapmap
