// GapView: the matrix read as answers, per dimension and stance:
// - categories no agency addresses (empty columns: gaps nobody covers);
// - categories many agencies address (possible duplication), at or above a
//   threshold of agencies (by default half of the table's agencies, at least 3:
//   with few agencies 3 is already many, with twenty it is not);
// - every other category with the agencies that address it, fewest first
//   (the thinly covered ones are the next gaps);
// - each agency's share: its paragraphs in the category over its content
//   units in the stance (the row-normalised share of the matrix).
// "Addresses" means at least `min_paragraphs` paragraphs in the cell.
#ifndef GAPMAP_AGGREGATE_GAP_VIEW_H_
#define GAPMAP_AGGREGATE_GAP_VIEW_H_

#include <cstdint>
#include <string>
#include <vector>

#include "lib/aggregate/gap_matrix.h"

namespace gapmap {

struct GapViewOptions {
  // A category addressed by this many agencies or more is crowded; 0: half
  // of the table's agencies (rounded up), at least 3.
  int64_t crowded_agencies = 0;
  int64_t min_paragraphs = 1;  // an agency addresses a category with this many paragraphs
};

enum class Coverage : uint8_t { kUnaddressed, kCovered, kCrowded };
std::string_view CoverageName(Coverage c);  // "unaddressed", "covered", "crowded"

struct CategoryCoverage {
  std::string category;
  Coverage coverage = Coverage::kUnaddressed;
  int64_t paragraphs = 0;             // over all agencies
  std::vector<std::string> agencies;  // those that address it, sorted
};

struct GapTable {
  std::string dimension;
  std::string stance;
  std::vector<std::string> agencies;       // with content units in the stance, sorted
  int64_t crowded_threshold = 3;           // agencies that make a category crowded
  std::vector<int64_t> agency_paragraphs;  // their content units in the stance
  std::vector<std::string> categories;     // every known category, sorted
  // paragraphs[a][c] for agencies[a], categories[c]
  std::vector<std::vector<int64_t>> paragraphs;
  // In category order; see CoverageOrder() for the reading order.
  std::vector<CategoryCoverage> coverage;

  double Share(size_t agency, size_t category) const {
    return agency_paragraphs[agency] == 0
               ? 0.0
               : static_cast<double>(paragraphs[agency][category]) / agency_paragraphs[agency];
  }
  // Indices into `coverage`: unaddressed first, then by number of agencies
  // ascending (thinnest coverage first), then by paragraphs, then by name.
  std::vector<size_t> CoverageOrder() const;
};

// One table per (dimension, stance) of the matrix, in name order. Stances
// with no content unit are left out.
std::vector<GapTable> BuildGapView(const GapMatrix& matrix, const GapViewOptions& options);

}  // namespace gapmap

#endif  // GAPMAP_AGGREGATE_GAP_VIEW_H_
