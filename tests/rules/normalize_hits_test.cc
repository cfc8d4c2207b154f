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

TEST_CASE("NormalizeHits equals the plain definition on hits in the order the matchers give") {
  // Term hits by word, a few out of place around each word, then runs of
  // regex hits in order (each run goes back to the start of the text): the
  // order NormalizeHits expects. Up to hundreds of hits, so that more hits
  // are set aside than fit at once.
  std::mt19937 rng(11);
  for (int round = 0; round < 2000; ++round) {
    std::vector<Hit> hits;
    const int words = static_cast<int>(rng() % 60);
    const int patterns = 1 + static_cast<int>(rng() % 12);
    for (int w = 0; w < words; ++w) {
      const int at_word = static_cast<int>(rng() % 4);
      for (int k = 0; k < at_word; ++k) {
        // Now and then a hit of the word before (a two-word key found late).
        const uint32_t begin = static_cast<uint32_t>(w > 0 && rng() % 5 == 0 ? w - 1 : w) * 4;
        hits.push_back(Hit{static_cast<uint32_t>(rng() % patterns), begin,
                           begin + 1 + static_cast<uint32_t>(rng() % 12)});
      }
    }
    const int runs = static_cast<int>(rng() % 5);
    for (int r = 0; r < runs; ++r) {
      const uint32_t pattern = static_cast<uint32_t>(patterns + r);
      uint32_t pos = static_cast<uint32_t>(rng() % 8);
      const int count = static_cast<int>(rng() % (round % 10 == 0 ? 120 : 10));
      for (int k = 0; k < count; ++k) {
        const uint32_t length = 1 + static_cast<uint32_t>(rng() % 6);
        hits.push_back(Hit{pattern, pos, pos + length});
        pos += length + static_cast<uint32_t>(rng() % 9);
      }
    }
    std::vector<Hit> got = hits;
    NormalizeHits(&got);
    INFO("round " << round << ", " << hits.size() << " hits");
    CHECK(Same(got, Reference(hits)));
  }
}

TEST_CASE("NormalizeHits sorts hits in reverse order, more than it sets aside at once") {
  std::vector<Hit> hits;
  for (uint32_t i = 0; i < 500; ++i) hits.push_back(Hit{i % 7, 1000 - 2 * i, 1002 - 2 * i + i % 3});
  std::vector<Hit> got = hits;
  NormalizeHits(&got);
  CHECK(got.size() == 500);
  CHECK(Same(got, Reference(hits)));
}

}  // namespace
}  // namespace gapmap
