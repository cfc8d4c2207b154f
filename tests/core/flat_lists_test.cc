#include "lib/core/flat_lists.h"

#include <doctest/doctest.h>

#include <vector>

namespace gapmap {
namespace {

std::vector<int> ListOf(const FlatLists& lists, size_t i) {
  FlatLists::Items items = lists[i];
  return std::vector<int>(items.begin(), items.end());
}

TEST_CASE("flat lists give back each index's list, empty ones included") {
  const std::vector<std::vector<int>> lists = {{3, 1}, {}, {7}, {}, {2, 2, 9}};
  FlatLists flat;
  flat.Assign(lists);
  REQUIRE(flat.size() == lists.size());
  for (size_t i = 0; i < lists.size(); ++i) {
    CAPTURE(i);
    CHECK(ListOf(flat, i) == lists[i]);
  }
  // Assign replaces what was there; Add appends the next index.
  flat.Assign({{5}});
  const std::vector<int> more = {4, 6};
  flat.Add(more.begin(), more.end());
  CHECK(flat.size() == 2);
  CHECK(ListOf(flat, 0) == std::vector<int>{5});
  CHECK(ListOf(flat, 1) == more);
  auto [first, last] = flat[1];
  CHECK(last - first == 2);
  CHECK(FlatLists().size() == 0);
}

}  // namespace
}  // namespace gapmap
