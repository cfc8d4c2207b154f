// InsertionMap held to std::map: the same values for random keys (many
// sharing a hash slot, so probing and growing are exercised), entries in
// insertion order.
#include "lib/aggregate/insertion_map.h"

#include <doctest/doctest.h>

#include <map>
#include <random>
#include <vector>

namespace gapmap {
namespace {

struct Pair {
  uint32_t a = 0;
  uint16_t b = 0;
  friend bool operator==(const Pair&, const Pair&) = default;
  friend bool operator<(const Pair& x, const Pair& y) {
    return x.a != y.a ? x.a < y.a : x.b < y.b;
  }
};

// Only `a` reaches the high bits: keys differing in `b` alone collide.
struct PoorHash {
  size_t operator()(const Pair& p) const { return uint64_t{p.a} * 0x9E3779B97F4A7C15ULL; }
};

TEST_CASE("insertion map agrees with std::map and keeps insertion order") {
  std::mt19937 random(7);
  InsertionMap<Pair, int, PoorHash> map;
  std::map<Pair, int> reference;
  std::vector<Pair> order;
  for (int i = 0; i < 5000; ++i) {
    Pair key{static_cast<uint32_t>(random() % 300), static_cast<uint16_t>(random() % 5)};
    if (reference.find(key) == reference.end()) order.push_back(key);
    map[key] += i;
    reference[key] += i;
  }
  REQUIRE(map.size() == reference.size());
  size_t n = 0;
  for (const auto& [key, value] : map) {
    REQUIRE(n < order.size());
    CHECK(key == order[n]);
    CHECK(value == reference[key]);
    ++n;
  }
  CHECK(n == order.size());
  CHECK(map[order.front()] == reference[order.front()]);  // a lookup adds nothing
  CHECK(map.size() == reference.size());
}

TEST_CASE("an empty insertion map has no entries") {
  InsertionMap<Pair, int, PoorHash> map;
  CHECK(map.empty());
  CHECK(map.begin() == map.end());
}

}  // namespace
}  // namespace gapmap
