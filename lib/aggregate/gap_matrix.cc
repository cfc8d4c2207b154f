#include "lib/aggregate/gap_matrix.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>
#include <map>
#include <tuple>

namespace gapmap {

std::string_view MatrixByName(MatrixBy by) {
  return by == MatrixBy::kAgency ? "agency" : "mentions";
}

std::optional<MatrixBy> ParseMatrixBy(std::string_view name) {
  if (name == "agency") return MatrixBy::kAgency;
  if (name == "mentions") return MatrixBy::kMentions;
  return std::nullopt;
}

std::string_view NormalizeName(Normalize n) {
  switch (n) {
    case Normalize::kRow:
      return "row";
    case Normalize::kColumn:
      return "col";
    case Normalize::kNone:
      return "none";
  }
  return "row";
}

std::optional<Normalize> ParseNormalize(std::string_view name) {
  if (name == "row") return Normalize::kRow;
  if (name == "col" || name == "column") return Normalize::kColumn;
  if (name == "none") return Normalize::kNone;
  return std::nullopt;
}

Status CheckMatrixOptions(const MatrixOptions& options, const Schema& schema) {
  std::vector<std::string> multi;
  for (int d = 0; d < schema.dimension_count(); ++d) {
    if (schema.dimension(d).multi) multi.push_back(schema.dimension(d).name);
  }
  for (const std::string& name : options.dimensions) {
    if (std::find(multi.begin(), multi.end(), name) == multi.end()) {
      return Status::Usage(
          fmt::format("--dimension {}: not a multi-valued dimension of the rules ({})", name,
                      fmt::join(multi, ", ")));
    }
  }
  int stance = schema.FindDimension(kStanceDimension);
  std::vector<std::string> stances = {std::string(kAllLabel)};
  if (stance >= 0) {
    const auto& labels = schema.dimension(stance).labels;
    stances.insert(stances.end(), labels.begin(), labels.end());
  }
  for (const std::string& name : options.stances) {
    if (std::find(stances.begin(), stances.end(), name) == stances.end()) {
      return Status::Usage(fmt::format("--stance {}: not a stance of the rules ({})", name,
                                       fmt::join(stances, ", ")));
    }
  }
  return Status::Ok();
}

std::string FormatExampleId(const ExampleId& id) {
  return fmt::format("{}:{:04d}", id.doc, id.ordinal);
}

std::optional<ExampleId> ParseExampleId(std::string_view id) {
  size_t colon = id.rfind(':');
  if (colon == std::string_view::npos || colon + 1 == id.size()) return std::nullopt;
  ExampleId parsed;
  auto [ptr, ec] = std::from_chars(id.data() + colon + 1, id.data() + id.size(), parsed.ordinal);
  if (ec != std::errc() || ptr != id.data() + id.size()) return std::nullopt;
  parsed.doc = std::string(id.substr(0, colon));
  return parsed;
}

uint32_t GapMatrix::Names::Intern(std::string_view name) {
  auto it = index.find(std::string(name));
  if (it != index.end()) return it->second;
  uint32_t i = static_cast<uint32_t>(names.size());
  names.emplace_back(name);
  index.emplace(std::string(name), i);
  return i;
}

GapMatrix::GapMatrix(MatrixOptions options) : options_(std::move(options)) {
  if (KeepsStance(kAllLabel)) all_stance_ = static_cast<int>(stances_.Intern(kAllLabel));
  for (const std::string& d : options_.dimensions) InternDimension(d);
}

bool GapMatrix::Counts(std::string_view name, bool multi) const {
  if (!options_.dimensions.empty()) {
    return std::find(options_.dimensions.begin(), options_.dimensions.end(), name) !=
           options_.dimensions.end();
  }
  return multi && name != kMentionsDimension;
}

bool GapMatrix::KeepsStance(std::string_view stance) const {
  return options_.stances.empty() || std::find(options_.stances.begin(), options_.stances.end(),
                                               stance) != options_.stances.end();
}

uint16_t GapMatrix::InternDimension(std::string_view name) {
  for (size_t i = 0; i < dimensions_.size(); ++i) {
    if (dimensions_[i].name == name) return static_cast<uint16_t>(i);
  }
  dimensions_.push_back(DimensionNames{std::string(name), {}});
  return static_cast<uint16_t>(dimensions_.size() - 1);
}

uint16_t GapMatrix::InternCategory(uint16_t dimension, std::string_view category) {
  return static_cast<uint16_t>(dimensions_[dimension].categories.Intern(category));
}

void GapMatrix::DeclareSchema(const Schema& schema) {
  for (int d = 0; d < schema.dimension_count(); ++d) {
    const Dimension& dim = schema.dimension(d);
    if (dim.name == kStanceDimension) {
      for (const std::string& stance : dim.labels) DeclareStance(stance);
    } else if (Counts(dim.name, dim.multi)) {
      for (const std::string& category : dim.labels) DeclareCategory(dim.name, category);
      if (dim.labels.empty()) InternDimension(dim.name);
    }
  }
}

void GapMatrix::DeclareCategory(std::string_view dimension, std::string_view category) {
  if (category == kAllLabel) {
    if (status_.ok()) {
      status_ = Status::Rule(
          fmt::format("{}: a category may not be named '{}' (the matrix uses it for row totals)",
                      dimension, kAllLabel));
    }
    return;
  }
  InternCategory(InternDimension(dimension), category);
}

void GapMatrix::DeclareStance(std::string_view stance) {
  if (stance == kAllLabel) {
    if (status_.ok()) {
      status_ = Status::Rule(fmt::format(
          "stance: a label may not be named '{}' (the matrix uses it for the total)", kAllLabel));
    }
    return;
  }
  if (KeepsStance(stance)) stances_.Intern(stance);
}

void GapMatrix::SyncSchema(const Schema& schema) {
  if (&schema != schema_) {
    schema_ = &schema;
    schema_dimensions_ = 0;
    dimension_map_.clear();
    counted_dimensions_.clear();
    category_map_.clear();
    stance_map_.clear();
    mentions_map_.clear();
    stance_dimension_ = mentions_dimension_ = -1;
  }
  if (schema.dimension_count() == schema_dimensions_) return;
  for (int d = schema_dimensions_; d < schema.dimension_count(); ++d) {
    const Dimension& dim = schema.dimension(d);
    int mapped = -1;
    if (dim.name == kStanceDimension) {
      stance_dimension_ = d;
    } else if (Counts(dim.name, dim.multi)) {
      mapped = InternDimension(dim.name);
      counted_dimensions_.push_back(d);
    }
    if (dim.name == kMentionsDimension) mentions_dimension_ = d;
    dimension_map_.push_back(mapped);
    category_map_.emplace_back();
  }
  schema_dimensions_ = schema.dimension_count();
}

inline bool GapMatrix::ExampleLess(ExampleRef a, ExampleRef b) const {
  if (a.doc == b.doc) return a.ordinal < b.ordinal;
  int c = docs_.names[a.doc].compare(docs_.names[b.doc]);
  return c < 0 || (c == 0 && a.ordinal < b.ordinal);
}

uint32_t GapMatrix::DocIndex(std::string_view doc) {
  if (last_doc_ != UINT32_MAX && docs_.names[last_doc_] == doc) return last_doc_;
  last_doc_ = docs_.Intern(doc);
  return last_doc_;
}

void GapMatrix::Offer(Cell* cell, ExampleRef example) const {
  auto& v = cell->examples;
  if (options_.max_examples == 0) return;
  if (options_.max_examples > 0 && static_cast<int64_t>(v.size()) >= options_.max_examples) {
    if (!ExampleLess(example, cell->last)) return;
    v.pop_back();
  }
  // A cell's first example reserves room for all it keeps: grown 1, 2, 4, 8,
  // the vector cost an allocation, a copy and a free per step (~3,000 per
  // 2 MB of `gapmap matrix`, most after the cells existed).
  if (v.capacity() == 0 && options_.max_examples > 0) {
    v.reserve(static_cast<size_t>(std::min<int64_t>(options_.max_examples, kReservedExamples)));
  }
  // Units mostly arrive in document order: appending is the common case.
  if (v.empty() || !ExampleLess(example, v.back())) {
    v.push_back(example);
    cell->last = example;
    return;
  }
  auto at = std::upper_bound(v.begin(), v.end(), example,
                             [this](ExampleRef a, ExampleRef b) { return ExampleLess(a, b); });
  v.insert(at, example);
  cell->last = v.back();
}

void GapMatrix::Count(const Key& key, ExampleRef example) {
  Cell& cell = cells_[key];
  ++cell.paragraphs;
  // Most units reach full cells, which turn them away on the last example
  // alone: without a call to Offer.
  const int64_t most = options_.max_examples;
  if (most > 0 && static_cast<int64_t>(cell.examples.size()) >= most &&
      !ExampleLess(example, cell.last)) {
    return;
  }
  Offer(&cell, example);
}

void GapMatrix::Add(const TaggedUnit& tagged, const Schema& schema) {
  const Unit& unit = tagged.unit;
  if (!IsContent(unit.kind)) return;
  ++content_units_;
  SyncSchema(schema);
  const auto& labels = tagged.labels;
  auto labels_of = [&](int d) -> const std::vector<uint16_t>* {
    return d >= 0 && d < static_cast<int>(labels.size()) ? &labels[d] : nullptr;
  };

  // Owners: the chapter's agency, or every agency mentioned.
  uint32_t single_owner = 0;
  const uint32_t* owners = &single_owner;
  size_t owner_count = 0;
  std::vector<uint32_t>& mentioned = owners_scratch_;  // only used with kMentions
  mentioned.clear();
  if (options_.by == MatrixBy::kAgency) {
    const std::string& agency = unit.section.agency;
    if (!agency.empty()) {
      if (last_agency_ == UINT32_MAX || agencies_.names[last_agency_] != agency) {
        last_agency_ = agencies_.Intern(agency);
      }
      single_owner = last_agency_;
      owner_count = 1;
    }
  } else if (const auto* m = labels_of(mentions_dimension_)) {
    for (uint16_t label : *m) {
      if (label >= mentions_map_.size()) mentions_map_.resize(label + 1, -1);
      if (mentions_map_[label] < 0) {
        mentions_map_[label] =
            static_cast<int>(agencies_.Intern(schema.label_name(mentions_dimension_, label)));
      }
      mentioned.push_back(static_cast<uint32_t>(mentions_map_[label]));
    }
    owners = mentioned.data();
    owner_count = mentioned.size();
  }
  if (owner_count == 0) {
    ++units_without_owner_;
    return;
  }

  // Stances: "all" and the unit's own, as far as they are kept.
  uint16_t stances[2];
  int stance_count = 0;
  if (all_stance_ >= 0) stances[stance_count++] = static_cast<uint16_t>(all_stance_);
  if (const auto* s = labels_of(stance_dimension_); s != nullptr && !s->empty()) {
    uint16_t label = s->front();
    if (label >= stance_map_.size()) stance_map_.resize(label + 1, -2);
    if (stance_map_[label] == -2) {
      const std::string& name = schema.label_name(stance_dimension_, label);
      if (name == kAllLabel) {
        DeclareStance(name);  // records the error
        stance_map_[label] = -1;
      } else {
        stance_map_[label] = KeepsStance(name) ? static_cast<int>(stances_.Intern(name)) : -1;
      }
    }
    if (stance_map_[label] >= 0)
      stances[stance_count++] = static_cast<uint16_t>(stance_map_[label]);
  }
  if (stance_count == 0) return;

  ExampleRef example{DocIndex(unit.doc), unit.ordinal};
  for (size_t o = 0; o < owner_count; ++o) {
    for (int s = 0; s < stance_count; ++s) {
      Count(Key{owners[o], kRowTotal, 0, stances[s]}, example);
    }
    for (int d : counted_dimensions_) {
      const auto* assigned = labels_of(d);
      if (assigned == nullptr) continue;
      auto& categories = category_map_[d];
      uint16_t dimension = static_cast<uint16_t>(dimension_map_[d]);
      for (uint16_t label : *assigned) {
        if (label >= categories.size()) categories.resize(label + 1, -1);
        if (categories[label] < 0) {
          const std::string& name = schema.label_name(d, label);
          if (name == kAllLabel) {
            DeclareCategory(schema.dimension(d).name, name);  // records the error
            continue;
          }
          categories[label] = InternCategory(dimension, name);
        }
        for (int s = 0; s < stance_count; ++s) {
          Count(Key{owners[o], dimension, static_cast<uint16_t>(categories[label]), stances[s]},
                example);
        }
      }
    }
  }
}

void GapMatrix::AddCell(std::string_view agency, std::string_view dimension,
                        std::string_view category, std::string_view stance, int64_t paragraphs,
                        const std::vector<ExampleId>& examples) {
  Key key{agencies_.Intern(agency), kRowTotal, 0, static_cast<uint16_t>(stances_.Intern(stance))};
  if (!dimension.empty()) {
    uint16_t d = InternDimension(dimension);
    if (category != kAllLabel) {
      key.dimension = d;
      key.category = InternCategory(d, category);
    }
  }
  Cell& cell = cells_[key];
  cell.paragraphs += paragraphs;
  for (const ExampleId& e : examples) Offer(&cell, ExampleRef{DocIndex(e.doc), e.ordinal});
}

Status GapMatrix::Mergeable(const GapMatrix& other) const {
  if (options_.by != other.options_.by) {
    return Status::Input(fmt::format("matrices counted by {} and by {} cannot be added",
                                     MatrixByName(options_.by), MatrixByName(other.options_.by)));
  }
  if (options_.max_examples != other.options_.max_examples) {
    return Status::Input(
        fmt::format("matrices keeping {} and {} example ids per cell cannot be added exactly",
                    options_.max_examples, other.options_.max_examples));
  }
  return Status::Ok();
}

GapMatrix& GapMatrix::operator+=(const GapMatrix& other) {
  if (&other == this) {
    GapMatrix copy(other);  // adding to itself would iterate cells it inserts
    return *this += copy;
  }
  constexpr int kDropped = -1;
  std::vector<int> dimension_map;
  for (const DimensionNames& d : other.dimensions_) {
    bool counted = options_.dimensions.empty() ||
                   std::find(options_.dimensions.begin(), options_.dimensions.end(), d.name) !=
                       options_.dimensions.end();
    if (!counted) {
      dimension_map.push_back(kDropped);
      continue;
    }
    uint16_t mine = InternDimension(d.name);
    dimension_map.push_back(mine);
    for (const std::string& c : d.categories.names) InternCategory(mine, c);
  }
  std::vector<int> stance_map;
  for (const std::string& s : other.stances_.names) {
    stance_map.push_back(KeepsStance(s) ? static_cast<int>(stances_.Intern(s)) : kDropped);
  }
  std::vector<uint32_t> doc_map;
  for (const std::string& doc : other.docs_.names) doc_map.push_back(docs_.Intern(doc));
  for (const auto& [key, cell] : other.cells_) {
    if (stance_map[key.stance] == kDropped) continue;
    if (key.dimension != kRowTotal && dimension_map[key.dimension] == kDropped) continue;
    Key mine{agencies_.Intern(other.agencies_.names[key.agency]), kRowTotal, 0,
             static_cast<uint16_t>(stance_map[key.stance])};
    if (key.dimension != kRowTotal) {
      mine.dimension = static_cast<uint16_t>(dimension_map[key.dimension]);
      mine.category = InternCategory(
          mine.dimension, other.dimensions_[key.dimension].categories.names[key.category]);
    }
    Cell& target = cells_[mine];
    target.paragraphs += cell.paragraphs;
    for (ExampleRef e : cell.examples) Offer(&target, ExampleRef{doc_map[e.doc], e.ordinal});
  }
  content_units_ += other.content_units_;
  units_without_owner_ += other.units_without_owner_;
  if (status_.ok() && !other.status_.ok()) status_ = other.status_;
  // Our caches map schema indices to our names, which merging did not move.
  return *this;
}

std::vector<MatrixRow> GapMatrix::Rows(Normalize normalize) const {
  using TotalKey = std::pair<uint32_t, uint16_t>;  // agency, stance
  std::map<TotalKey, int64_t> row_totals;
  std::map<std::tuple<uint16_t, uint16_t, uint16_t>, int64_t> column_totals;  // dim, cat, stance
  std::map<uint16_t, int64_t> all_column_totals;                              // stance
  for (const auto& [key, cell] : cells_) {
    if (cell.paragraphs == 0) continue;
    if (key.dimension == kRowTotal) {
      row_totals[{key.agency, key.stance}] += cell.paragraphs;
      all_column_totals[key.stance] += cell.paragraphs;
    } else {
      column_totals[{key.dimension, key.category, key.stance}] += cell.paragraphs;
    }
  }
  auto share = [&](int64_t paragraphs, int64_t denominator) -> std::optional<double> {
    if (normalize == Normalize::kNone || denominator <= 0) return std::nullopt;
    return static_cast<double>(paragraphs) / static_cast<double>(denominator);
  };
  auto examples = [&](const Cell& cell) {
    std::vector<ExampleId> ids;
    ids.reserve(cell.examples.size());
    for (ExampleRef e : cell.examples) ids.push_back(ExampleId{docs_.names[e.doc], e.ordinal});
    return ids;
  };

  std::vector<MatrixRow> rows;
  for (const auto& [key, cell] : cells_) {
    if (cell.paragraphs == 0) continue;
    const std::string& agency = agencies_.names[key.agency];
    const std::string& stance = stances_.names[key.stance];
    if (key.dimension == kRowTotal) {
      // The row total appears once per dimension, so that any one dimension
      // of the output is complete on its own.
      for (const DimensionNames& d : dimensions_) {
        int64_t denominator =
            normalize == Normalize::kRow ? cell.paragraphs : all_column_totals[key.stance];
        rows.push_back(MatrixRow{agency, d.name, std::string(kAllLabel), stance, cell.paragraphs,
                                 share(cell.paragraphs, denominator), examples(cell)});
      }
      continue;
    }
    auto total = row_totals.find({key.agency, key.stance});
    int64_t denominator = normalize == Normalize::kRow
                              ? (total == row_totals.end() ? 0 : total->second)
                              : column_totals[{key.dimension, key.category, key.stance}];
    const DimensionNames& d = dimensions_[key.dimension];
    rows.push_back(MatrixRow{agency, d.name, d.categories.names[key.category], stance,
                             cell.paragraphs, share(cell.paragraphs, denominator), examples(cell)});
  }
  std::sort(rows.begin(), rows.end(), [](const MatrixRow& a, const MatrixRow& b) {
    return std::tie(a.agency, a.dimension, a.category, a.stance) <
           std::tie(b.agency, b.dimension, b.category, b.stance);
  });
  return rows;
}

std::vector<std::string> GapMatrix::Dimensions() const {
  std::vector<std::string> names;
  for (const DimensionNames& d : dimensions_) names.push_back(d.name);
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> GapMatrix::Categories(std::string_view dimension) const {
  std::vector<std::string> names;
  for (const DimensionNames& d : dimensions_) {
    if (d.name == dimension) names = d.categories.names;
  }
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> GapMatrix::Stances() const {
  std::vector<std::string> names = stances_.names;
  std::sort(names.begin(), names.end());
  return names;
}

std::vector<std::string> GapMatrix::Agencies() const {
  std::vector<bool> present(agencies_.names.size(), false);
  for (const auto& [key, cell] : cells_) {
    if (key.dimension == kRowTotal && cell.paragraphs > 0) present[key.agency] = true;
  }
  std::vector<std::string> names;
  for (size_t i = 0; i < present.size(); ++i) {
    if (present[i]) names.push_back(agencies_.names[i]);
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace gapmap
