#include "lib/aggregate/gap_view.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <tuple>

namespace gapmap {

std::string_view CoverageName(Coverage c) {
  switch (c) {
    case Coverage::kUnaddressed:
      return "unaddressed";
    case Coverage::kCovered:
      return "covered";
    case Coverage::kCrowded:
      return "crowded";
  }
  return "covered";
}

std::vector<size_t> GapTable::CoverageOrder() const {
  std::vector<size_t> order(coverage.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const CategoryCoverage& x = coverage[a];
    const CategoryCoverage& y = coverage[b];
    return std::make_tuple(x.agencies.size(), x.paragraphs, std::cref(x.category)) <
           std::make_tuple(y.agencies.size(), y.paragraphs, std::cref(y.category));
  });
  return order;
}

std::vector<GapTable> BuildGapView(const GapMatrix& matrix, const GapViewOptions& options) {
  std::vector<MatrixRow> rows = matrix.Rows(Normalize::kNone);
  // (dimension, stance) -> agency -> category -> paragraphs
  std::map<std::pair<std::string, std::string>,
           std::map<std::string, std::map<std::string, int64_t>>>
      cells;
  for (const MatrixRow& r : rows)
    cells[{r.dimension, r.stance}][r.agency][r.category] = r.paragraphs;

  std::vector<GapTable> tables;
  for (const std::string& dimension : matrix.Dimensions()) {
    for (const std::string& stance : matrix.Stances()) {
      auto it = cells.find({dimension, stance});
      if (it == cells.end()) continue;
      GapTable t;
      t.dimension = dimension;
      t.stance = stance;
      t.categories = matrix.Categories(dimension);
      for (const auto& [agency, by_category] : it->second) {
        auto total = by_category.find(std::string(kAllLabel));
        if (total == by_category.end() || total->second == 0) continue;
        t.agencies.push_back(agency);
        t.agency_paragraphs.push_back(total->second);
        std::vector<int64_t> counts;
        for (const std::string& c : t.categories) {
          auto n = by_category.find(c);
          counts.push_back(n == by_category.end() ? 0 : n->second);
        }
        t.paragraphs.push_back(std::move(counts));
      }
      int64_t agencies = static_cast<int64_t>(t.agencies.size());
      t.crowded_threshold = options.crowded_agencies > 0 ? options.crowded_agencies
                                                         : std::max<int64_t>(3, (agencies + 1) / 2);
      for (size_t c = 0; c < t.categories.size(); ++c) {
        CategoryCoverage cov;
        cov.category = t.categories[c];
        for (size_t a = 0; a < t.agencies.size(); ++a) {
          cov.paragraphs += t.paragraphs[a][c];
          if (t.paragraphs[a][c] >= std::max<int64_t>(options.min_paragraphs, 1)) {
            cov.agencies.push_back(t.agencies[a]);
          }
        }
        int64_t n = static_cast<int64_t>(cov.agencies.size());
        cov.coverage = n == 0                     ? Coverage::kUnaddressed
                       : n >= t.crowded_threshold ? Coverage::kCrowded
                                                  : Coverage::kCovered;
        t.coverage.push_back(std::move(cov));
      }
      tables.push_back(std::move(t));
    }
  }
  return tables;
}

}  // namespace gapmap
