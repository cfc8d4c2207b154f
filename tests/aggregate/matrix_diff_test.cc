#include "lib/aggregate/matrix_diff.h"

#include <doctest/doctest.h>

#include "tests/aggregate/matrix_fixture.h"

namespace gapmap {
namespace {

using testing::MatrixFixture;

TEST_CASE("the diff lists changed cells with old and new counts and the ids that moved") {
  MatrixFixture f;
  MatrixOptions options{MatrixBy::kAgency, {"fourp"}, {"gap"}, -1};
  GapMatrix before(options);
  before.Add(f.Unit("r", 1, "IOM", "gap", {"protection"}), f.schema);
  before.Add(f.Unit("r", 2, "IOM", "gap", {"protection"}), f.schema);
  before.Add(f.Unit("r", 3, "ILO", "gap", {"prevention"}), f.schema);
  GapMatrix after(options);
  after.Add(f.Unit("r", 1, "IOM", "gap", {"protection"}), f.schema);
  after.Add(f.Unit("r", 2, "IOM", "gap", {"prevention"}), f.schema);  // moved category
  after.Add(f.Unit("r", 3, "ILO", "gap", {"prevention"}), f.schema);

  std::vector<CellChange> changes =
      DiffRows(before.Rows(Normalize::kRow), after.Rows(Normalize::kRow));
  REQUIRE(changes.size() == 2);
  CHECK(changes[0].agency == "IOM");
  CHECK(changes[0].category == "prevention");
  CHECK(changes[0].old_paragraphs == 0);
  CHECK(changes[0].new_paragraphs == 1);
  CHECK(changes[0].entered == std::vector<ExampleId>{{"r", 2}});
  CHECK(changes[1].category == "protection");
  CHECK(changes[1].old_paragraphs == 2);
  CHECK(changes[1].new_paragraphs == 1);
  CHECK(changes[1].left == std::vector<ExampleId>{{"r", 2}});
  CHECK(FormatDiff(changes) ==
        "IOM fourp prevention gap: new cell, 1 paragraphs, share 0.500\n"
        "    entered: r:0002\n"
        "IOM fourp protection gap: 2 -> 1 paragraphs, share 1.000 -> 0.500\n"
        "    left:    r:0002\n");
  CHECK(DiffRows(after.Rows(Normalize::kRow), after.Rows(Normalize::kRow)).empty());
}

TEST_CASE("a diff over truncated example lists says that ids are partial") {
  MatrixFixture f;
  MatrixOptions options{MatrixBy::kAgency, {"fourp"}, {"all"}, 1};
  GapMatrix before(options);
  GapMatrix after(options);
  for (uint32_t i = 1; i <= 3; ++i)
    before.Add(f.Unit("r", i, "IOM", "gap", {"protection"}), f.schema);
  for (uint32_t i = 1; i <= 4; ++i)
    after.Add(f.Unit("r", i, "IOM", "gap", {"protection"}), f.schema);
  std::vector<CellChange> changes =
      DiffRows(before.Rows(Normalize::kRow), after.Rows(Normalize::kRow));
  REQUIRE(changes.size() == 2);  // the all cell and protection
  CHECK_FALSE(changes[0].ids_complete);
  CHECK(changes[0].entered.empty());
  CHECK(FormatDiff(changes).find("--examples all") != std::string::npos);
}

}  // namespace
}  // namespace gapmap
