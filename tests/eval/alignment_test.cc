#include "lib/eval/alignment.h"

#include <doctest/doctest.h>

namespace gapmap {
namespace {

EvalUnit U(std::string doc, uint32_t ordinal, uint32_t start, uint32_t end,
           UnitKind kind = UnitKind::kText) {
  EvalUnit u;
  u.doc = std::move(doc);
  u.ordinal = ordinal;
  u.line_start = start;
  u.line_end = end;
  u.kind = kind;
  return u;
}

TEST_CASE("a gold unit aligns with the innermost tagged unit containing its first line") {
  // A paragraph rejoined across a page break (lines 10-30) with a footnote
  // (line 20) and furniture (line 21-22) inside it.
  std::vector<EvalUnit> tagged = {U("d", 1, 1, 5), U("d", 2, 10, 30), U("d", 3, 20, 20),
                                  U("d", 4, 21, 22)};
  std::vector<EvalUnit> gold = {U("d", 1, 3, 4), U("d", 2, 10, 19), U("d", 3, 20, 20),
                                U("d", 4, 22, 22), U("d", 5, 23, 30)};
  Alignment a = Align(gold, tagged);
  CHECK(a.tagged_index == std::vector<int>{0, 1, 2, 3, 1});
  CHECK(a.unaligned.empty());
}

TEST_CASE("alignment only uses the gold unit's first line") {
  // The gold block starts inside unit 1 and runs into unit 2.
  std::vector<EvalUnit> tagged = {U("d", 1, 1, 4), U("d", 2, 5, 9)};
  std::vector<EvalUnit> gold = {U("d", 1, 3, 7)};
  CHECK(Align(gold, tagged).tagged_index == std::vector<int>{0});
}

TEST_CASE("units with the same span go to the first in document order") {
  std::vector<EvalUnit> tagged = {U("d", 8, 7, 7), U("d", 7, 7, 7), U("d", 9, 6, 8)};
  std::vector<EvalUnit> gold = {U("d", 1, 7, 7)};
  CHECK(Align(gold, tagged).tagged_index == std::vector<int>{1});
}

TEST_CASE("gold units outside every tagged unit or in another doc are unaligned") {
  std::vector<EvalUnit> tagged = {U("a", 1, 1, 2), U("a", 2, 5, 6)};
  std::vector<EvalUnit> gold = {U("a", 1, 3, 4), U("b", 2, 1, 1), U("a", 3, 6, 6), U("a", 4, 7, 9)};
  Alignment a = Align(gold, tagged);
  CHECK(a.tagged_index == std::vector<int>{-1, -1, 1, -1});
  CHECK(a.unaligned == std::vector<int>{0, 1, 3});
}

TEST_CASE("a unit that ended is not used for later lines but longer ones still are") {
  // Unit 1 (1-100) encloses 2 (2-3); after line 3, only unit 1 contains lines.
  std::vector<EvalUnit> tagged = {U("d", 1, 1, 100), U("d", 2, 2, 3), U("d", 3, 50, 50)};
  std::vector<EvalUnit> gold = {U("d", 1, 40, 40), U("d", 2, 2, 2), U("d", 3, 50, 50),
                                U("d", 4, 51, 51)};
  CHECK(Align(gold, tagged).tagged_index == std::vector<int>{0, 1, 2, 0});
}

}  // namespace
}  // namespace gapmap
