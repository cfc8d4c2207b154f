#include "lib/aggregate/gap_view.h"

#include <doctest/doctest.h>

#include "tests/aggregate/matrix_fixture.h"

namespace gapmap {
namespace {

using testing::MatrixFixture;

TEST_CASE("the gap view finds unaddressed crowded and thin categories") {
  MatrixFixture f;
  GapMatrix m(MatrixOptions{MatrixBy::kAgency, {"fourp"}, {"recommendation"}, 5});
  m.DeclareSchema(f.schema);
  // partnership: 3 agencies (crowded); protection: 1 agency with 2 paragraphs,
  // prevention: 1 agency with 1; prosecution: nobody.
  m.Add(f.Unit("r", 1, "IOM", "recommendation", {"partnership", "protection"}), f.schema);
  m.Add(f.Unit("r", 2, "IOM", "recommendation", {"protection"}), f.schema);
  m.Add(f.Unit("r", 3, "ILO", "recommendation", {"partnership", "prevention"}), f.schema);
  m.Add(f.Unit("r", 4, "UNODC", "recommendation", {"partnership"}), f.schema);
  m.Add(f.Unit("r", 5, "UNODC", "recommendation", {}), f.schema);
  std::vector<GapTable> tables = BuildGapView(m, GapViewOptions{3, 1});
  REQUIRE(tables.size() == 1);
  const GapTable& t = tables[0];
  CHECK(t.dimension == "fourp");
  CHECK(t.stance == "recommendation");
  CHECK(t.agencies == std::vector<std::string>{"ILO", "IOM", "UNODC"});
  CHECK(t.agency_paragraphs == std::vector<int64_t>{1, 2, 2});
  CHECK(t.categories ==
        std::vector<std::string>{"partnership", "prevention", "prosecution", "protection"});
  CHECK(t.coverage[0].coverage == Coverage::kCrowded);
  CHECK(t.coverage[0].agencies == std::vector<std::string>{"ILO", "IOM", "UNODC"});
  CHECK(t.coverage[2].coverage == Coverage::kUnaddressed);
  CHECK(t.coverage[3].coverage == Coverage::kCovered);
  CHECK(t.coverage[3].paragraphs == 2);
  // UNODC: 1 of 2 paragraphs in partnership.
  CHECK(t.Share(2, 0) == doctest::Approx(0.5));
  // Unaddressed first, then fewest agencies, then fewest paragraphs.
  CHECK(t.CoverageOrder() == std::vector<size_t>{2, 1, 3, 0});
  // A higher bar for "addresses" turns protection's single agency into none
  // but keeps it (2 paragraphs).
  std::vector<GapTable> strict = BuildGapView(m, GapViewOptions{2, 2});
  CHECK(strict[0].coverage[3].coverage == Coverage::kCovered);
  CHECK(strict[0].coverage[0].coverage == Coverage::kUnaddressed);
}

}  // namespace
}  // namespace gapmap
