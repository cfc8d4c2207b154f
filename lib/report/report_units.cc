#include "lib/report/report_units.h"

#include <algorithm>
#include <tuple>

#include "lib/core/utf8.h"

namespace gapmap {
namespace {

constexpr uint32_t kUnmapped = UINT32_MAX;

// Converts byte offsets of `text` to UTF-16 offsets; offsets may come in any
// order, but mostly ascending, so the cursor moves forward in the common case.
class Utf16Offsets {
 public:
  explicit Utf16Offsets(std::string_view text) : text_(text) {}
  uint32_t At(uint32_t byte) {
    if (byte > text_.size()) byte = static_cast<uint32_t>(text_.size());
    if (byte < byte_) byte_ = unit_ = 0;
    while (byte_ < byte) {
      size_t len = Utf8SequenceLength(text_.substr(byte_));
      if (len == 0) {
        len = 1;  // written as U+FFFD: one code unit
        ++unit_;
      } else {
        unit_ += len == 4 ? 2 : 1;
      }
      byte_ += static_cast<uint32_t>(len);
    }
    return unit_;
  }

 private:
  std::string_view text_;
  uint32_t byte_ = 0;
  uint32_t unit_ = 0;
};

}  // namespace

uint32_t NameTable::Intern(std::string_view name) {
  auto it = index_.find(std::string(name));
  if (it != index_.end()) return it->second;
  uint32_t id = static_cast<uint32_t>(names_.size());
  names_.emplace_back(name);
  index_.emplace(names_.back(), id);
  return id;
}

ReportUnits::ReportUnits() {
  // Kinds in their declaration order, so indices do not depend on the input.
  for (int k = 0; k < kUnitKindCount; ++k) kinds_.Intern(KindName(static_cast<UnitKind>(k)));
}

uint32_t ReportUnits::Label(const Schema& schema, int dimension, int label) {
  if (label_cache_.size() <= static_cast<size_t>(dimension)) label_cache_.resize(dimension + 1);
  std::vector<uint32_t>& cache = label_cache_[dimension];
  if (cache.size() <= static_cast<size_t>(label)) cache.resize(label + 1, kUnmapped);
  const std::string& dimension_name = schema.dimension(dimension).name;
  const std::string& name = schema.label_name(dimension, label);
  uint32_t cached = cache[label];
  if (cached != kUnmapped && labels_[cached].name == name &&
      dimensions_.names()[labels_[cached].dimension] == dimension_name) {
    return cached;
  }
  std::string key = dimension_name;
  key.push_back('\0');
  key += name;
  auto it = label_index_.find(key);
  uint32_t id;
  if (it != label_index_.end()) {
    id = it->second;
  } else {
    id = static_cast<uint32_t>(labels_.size());
    labels_.push_back({dimensions_.Intern(dimension_name), name});
    label_index_.emplace(std::move(key), id);
  }
  cache[label] = id;
  return id;
}

uint32_t ReportUnits::Rule(const Schema& schema, uint32_t rule) {
  if (rule >= static_cast<uint32_t>(schema.rule_count())) return rules_.Intern("");
  if (rule_cache_.size() <= rule) rule_cache_.resize(rule + 1, kUnmapped);
  const std::string& name = schema.rule_id(static_cast<int>(rule));
  uint32_t cached = rule_cache_[rule];
  if (cached != kUnmapped && rules_.names()[cached] == name) return cached;
  return rule_cache_[rule] = rules_.Intern(name);
}

Status ReportUnits::Observe(const TaggedUnit& tagged, const Schema& schema) {
  const Unit& u = tagged.unit;
  if (!IsContent(u.kind)) return Status::Ok();
  ReportUnit r;
  r.doc = docs_.Intern(u.doc);
  r.ordinal = u.ordinal;
  r.kind = static_cast<uint32_t>(u.kind);
  r.line_start = u.line_start;
  r.line_end = u.line_end;
  if (!u.section.agency.empty()) r.agency = agencies_.Intern(u.section.agency);
  if (!u.section.part.empty()) r.part = parts_.Intern(u.section.part);
  path_.clear();
  for (size_t i = 0; i < u.section.path.size(); ++i) {
    if (i > 0) path_ += kPathSeparator;
    path_ += u.section.path[i];
  }
  r.section = sections_.Intern(path_);
  for (int d : schema.OutputOrder()) {
    if (d >= static_cast<int>(tagged.labels.size())) continue;
    for (uint16_t label : tagged.labels[d]) r.labels.push_back(Label(schema, d, label));
  }
  std::sort(r.labels.begin(), r.labels.end());
  r.text = u.text;
  Utf16Offsets offsets(r.text);
  r.evidence.reserve(tagged.evidence.size() * 4);
  for (const Evidence& e : tagged.evidence) {
    if (e.end <= e.begin || e.dimension >= schema.dimension_count()) continue;
    r.evidence.push_back(offsets.At(e.begin));
    r.evidence.push_back(offsets.At(e.end));
    r.evidence.push_back(Label(schema, e.dimension, e.label));
    r.evidence.push_back(Rule(schema, e.rule));
  }
  units_.push_back(std::move(r));
  return Status::Ok();
}

void ReportUnits::Finish() {
  const std::vector<std::string>& docs = docs_.names();
  std::stable_sort(units_.begin(), units_.end(), [&](const ReportUnit& a, const ReportUnit& b) {
    return std::tie(docs[a.doc], a.ordinal) < std::tie(docs[b.doc], b.ordinal);
  });
}

int64_t ReportUnits::Find(const ExampleId& id) const {
  const std::vector<std::string>& docs = docs_.names();
  auto it = std::lower_bound(units_.begin(), units_.end(), id,
                             [&](const ReportUnit& u, const ExampleId& key) {
                               int c = docs[u.doc].compare(key.doc);
                               return c < 0 || (c == 0 && u.ordinal < key.ordinal);
                             });
  if (it == units_.end() || it->ordinal != id.ordinal || docs[it->doc] != id.doc) return -1;
  return it - units_.begin();
}

}  // namespace gapmap
