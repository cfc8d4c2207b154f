// GapMatrix: which agency addresses which category, counted in paragraphs
// (content units), with the unit ids that let a reader trace every cell.
//
// A cell is keyed by (agency, dimension, category, stance) and holds the
// number of content units and up to N example ids. Two marginals are kept
// as cells of their own, both named `all`:
// - stance `all`: the total over stances (a unit without a stance counts
//   only here);
// - category `all`: the agency's content units in that stance, whatever
//   their categories — the denominator of the row-normalised share, kept as
//   a cell so that partial matrices written to CSV still merge exactly.
// `all` is therefore reserved: a stance or category label of that name is
// an error (status()).
//
// Rows are owned by the unit's chapter agency (MatrixBy::kAgency; content
// units outside any agency chapter are counted in units_without_owner()) or
// by every agency the unit mentions (kMentions).
//
// Merging: the matrix is a sum over units, so operator+= adds partial
// matrices exactly. Example ids are the N smallest by (doc, ordinal) — not
// the first N seen — so a merge of shards keeps the same ids as one run
// over all inputs, whatever the order of the shards.
//
// Hot path: Add() is called once per unit. Names are interned to small
// integers, schema indices are mapped through caches, and a cell update is
// a lookup in a flat hash index on an integer key; no allocation once the
// cells exist.
#ifndef GAPMAP_AGGREGATE_GAP_MATRIX_H_
#define GAPMAP_AGGREGATE_GAP_MATRIX_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "lib/aggregate/insertion_map.h"
#include "lib/core/schema.h"
#include "lib/core/status.h"
#include "lib/core/tagged_unit.h"

namespace gapmap {

inline constexpr std::string_view kAllLabel = "all";

enum class MatrixBy : uint8_t { kAgency, kMentions };
std::string_view MatrixByName(MatrixBy by);  // "agency", "mentions"
std::optional<MatrixBy> ParseMatrixBy(std::string_view name);

enum class Normalize : uint8_t { kRow, kColumn, kNone };
std::string_view NormalizeName(Normalize n);  // "row", "col", "none"
std::optional<Normalize> ParseNormalize(std::string_view name);

struct MatrixOptions {
  MatrixBy by = MatrixBy::kAgency;
  // Dimensions counted; empty: every multi-valued dimension except mentions.
  std::vector<std::string> dimensions;
  // Stances kept (may include "all"); empty: every stance and "all".
  std::vector<std::string> stances;
  // Example ids kept per cell; negative: all of them.
  int64_t max_examples = 5;
  friend bool operator==(const MatrixOptions&, const MatrixOptions&) = default;
};

// A usage error if `options` names a dimension `schema` does not have as a
// multi-valued one, or a stance that is neither one of its labels nor "all"
// (a typo would otherwise give an empty matrix).
Status CheckMatrixOptions(const MatrixOptions& options, const Schema& schema);

struct ExampleId {
  std::string doc;
  uint32_t ordinal = 0;
  friend auto operator<=>(const ExampleId&, const ExampleId&) = default;
};

// "doc:0042" <-> {doc, 42}; nullopt when `id` does not end in ":<number>".
std::string FormatExampleId(const ExampleId& id);
std::optional<ExampleId> ParseExampleId(std::string_view id);

// One non-empty cell, with names, for writers and comparisons.
struct MatrixRow {
  std::string agency;
  std::string dimension;
  std::string category;  // "all": the agency's content units in the stance
  std::string stance;    // "all": every stance
  int64_t paragraphs = 0;
  std::optional<double> share;      // nullopt with Normalize::kNone
  std::vector<ExampleId> examples;  // sorted, at most max_examples
};

class GapMatrix {
 public:
  explicit GapMatrix(MatrixOptions options = {});

  const MatrixOptions& options() const { return options_; }

  // Declares the categories of the counted dimensions and the stances that
  // `schema` defines, so that categories nobody addresses still appear as
  // (empty) columns of the wide layout and in the gap view.
  void DeclareSchema(const Schema& schema);
  void DeclareDimension(std::string_view dimension) { InternDimension(dimension); }
  void DeclareCategory(std::string_view dimension, std::string_view category);
  void DeclareStance(std::string_view stance);

  // Counts one unit (non-content units are ignored). `schema` gives the
  // names of the unit's label indices and may grow between calls.
  void Add(const TaggedUnit& unit, const Schema& schema);

  // Adds `paragraphs` to a cell (category "all": to the row total) and offers
  // `examples`: how readers of written matrices rebuild one.
  void AddCell(std::string_view agency, std::string_view dimension, std::string_view category,
               std::string_view stance, int64_t paragraphs, const std::vector<ExampleId>& examples);
  void AddUnitCounts(int64_t content_units, int64_t without_owner) {
    content_units_ += content_units;
    units_without_owner_ += without_owner;
  }

  // Adds `other` cell by cell (names are matched, not indices), leaving out
  // the dimensions and stances this matrix's options do not keep. Both must
  // have been built with compatible options (see Mergeable).
  GapMatrix& operator+=(const GapMatrix& other);
  // OK, or why `other` cannot be added exactly (different `by` or number of
  // examples).
  Status Mergeable(const GapMatrix& other) const;

  // The first error met while counting (a label named "all"); OK otherwise.
  const Status& status() const { return status_; }

  int64_t content_units() const { return content_units_; }
  int64_t units_without_owner() const { return units_without_owner_; }

  // Every non-empty cell, sorted by agency, dimension, category, stance (byte
  // order), with `share` computed under `normalize`:
  //   row: paragraphs / the agency's content units in the stance (the `all`
  //        category cell), so the `all` cell's share is 1;
  //   col: paragraphs / the column's sum over agencies;
  //   none: no share.
  std::vector<MatrixRow> Rows(Normalize normalize) const;

  // Names known for the layout: counted dimensions, each with its categories
  // (declared or seen, sorted, without "all"); stances (sorted, with "all" if
  // kept); agencies with at least one content unit (sorted).
  std::vector<std::string> Dimensions() const;
  std::vector<std::string> Categories(std::string_view dimension) const;
  std::vector<std::string> Stances() const;
  std::vector<std::string> Agencies() const;

 private:
  struct Key {
    uint32_t agency;
    uint16_t dimension;  // kRowTotal: the `all` category cell
    uint16_t category;
    uint16_t stance;
    friend bool operator==(const Key&, const Key&) = default;
  };
  struct KeyHash {  // the multiply mixes every bit into the high ones InsertionMap takes
    size_t operator()(const Key& k) const {
      uint64_t v = (uint64_t{k.agency} << 32) ^ (uint64_t{k.dimension} << 24) ^
                   (uint64_t{k.category} << 12) ^ k.stance;
      return std::hash<uint64_t>()(v * 0x9E3779B97F4A7C15ULL);
    }
  };
  struct ExampleRef {
    uint32_t doc;
    uint32_t ordinal;
  };
  struct Cell {
    int64_t paragraphs = 0;
    std::vector<ExampleRef> examples;
    // A copy of examples.back() (when there are examples): a full cell turns
    // most units away on it alone, and the vector's own storage is a cache
    // miss away (~1.5 % of `gapmap matrix` went to that miss).
    ExampleRef last{};
  };
  struct Names {
    std::vector<std::string> names;
    std::unordered_map<std::string, uint32_t> index;
    uint32_t Intern(std::string_view name);
  };
  struct DimensionNames {
    std::string name;
    Names categories;
  };
  static constexpr uint16_t kRowTotal = 0xFFFF;
  // Examples a cell reserves room for at once, at most (the default keeps 5).
  static constexpr int64_t kReservedExamples = 64;

  bool Counts(std::string_view dimension_name, bool multi) const;
  bool KeepsStance(std::string_view stance) const;
  uint16_t InternDimension(std::string_view name);
  uint16_t InternCategory(uint16_t dimension, std::string_view category);
  // Caches mapping the schema's indices to ours; grown as the schema grows.
  void SyncSchema(const Schema& schema);
  void Count(const Key& key, ExampleRef example);
  void Offer(Cell* cell, ExampleRef example) const;
  bool ExampleLess(ExampleRef a, ExampleRef b) const;
  uint32_t DocIndex(std::string_view doc);

  MatrixOptions options_;
  Status status_;
  Names agencies_;
  Names stances_;
  Names docs_;
  std::vector<DimensionNames> dimensions_;
  InsertionMap<Key, Cell, KeyHash> cells_;
  int64_t content_units_ = 0;
  int64_t units_without_owner_ = 0;

  // Schema caches (see SyncSchema).
  const Schema* schema_ = nullptr;
  int schema_dimensions_ = -1;
  int stance_dimension_ = -1;
  int mentions_dimension_ = -1;
  // For each schema dimension: our dimension index or -1, and per label our
  // category index (-1: not yet mapped).
  std::vector<int> dimension_map_;
  std::vector<int> counted_dimensions_;  // schema indices with dimension_map_ >= 0
  std::vector<std::vector<int>> category_map_;
  std::vector<int> stance_map_;    // stance label -> stance index, -2 unmapped, -1 dropped
  std::vector<int> mentions_map_;  // mentions label -> agency index, -1 unmapped
  uint32_t last_doc_ = UINT32_MAX;
  uint32_t last_agency_ = UINT32_MAX;
  int all_stance_ = -1;                   // index of "all" if kept
  std::vector<uint32_t> owners_scratch_;  // Add() with kMentions, reused
};

}  // namespace gapmap

#endif  // GAPMAP_AGGREGATE_GAP_MATRIX_H_
