#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <vector>

#include "lib/rules/unit_matcher.h"

namespace gapmap {
namespace {

// The definition NormalizeHits must keep, written the plain way: per
// (pattern, begin) the longest hit, then HitLess order.
std::vector<Hit> Reference(std::vector<Hit> hits) {
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
    if (a.pattern != b.pattern) return a.pattern < b.pattern;
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.end > b.end;
  });
  hits.erase(std::unique(hits.begin(), hits.end(),
                         [](const Hit& a, const Hit& b) {
                           return a.pattern == b.pattern && a.begin == b.begin;
                         }),
             hits.end());
  std::sort(hits.begin(), hits.end(), HitLess);
  return hits;
}

bool Same(const std::vector<Hit>& a, const std::vector<Hit>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Hit& x, const Hit& y) {
    return x.pattern == y.pattern && x.begin == y.begin && x.end == y.end;
  });
}

TEST_CASE("NormalizeHits keeps the longest hit per pattern and start in HitLess order") {
  std::vector<Hit> hits = {{2, 5, 9}, {1, 0, 3}, {2, 5, 12}, {1, 0, 3}, {3, 5, 9}, {2, 7, 8}};
  NormalizeHits(&hits);
  std::vector<Hit> want = {{1, 0, 3}, {3, 5, 9}, {2, 5, 12}, {2, 7, 8}};
  CHECK(Same(hits, want));
}

TEST_CASE("NormalizeHits equals the plain definition on random hits") {
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    // Few patterns and starts, so that repeats and shared starts are common.
    const int patterns = 1 + static_cast<int>(rng() % 6);
    const int starts = 1 + static_cast<int>(rng() % 8);
    std::vector<Hit> hits(rng() % 24);
    for (Hit& h : hits) {
      h.pattern = static_cast<uint32_t>(rng() % patterns);
      h.begin = static_cast<uint32_t>(rng() % starts);
      h.end = h.begin + 1 + static_cast<uint32_t>(rng() % 5);
    }
    std::vector<Hit> got = hits;
    NormalizeHits(&got);
    INFO("round " << round);
    CHECK(Same(got, Reference(hits)));
  }
}

}  // namespace
}  // namespace gapmap
