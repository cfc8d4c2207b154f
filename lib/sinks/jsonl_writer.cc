#include "lib/sinks/jsonl_writer.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <iterator>

#include "lib/core/json_writer.h"

namespace gapmap {

using namespace std::string_view_literals;

namespace {

// A label field of a record: a dimension of the schema, or (dimension -1) a
// fixed field the schema lacks, written as `absent`.
struct LabelField {
  int dimension;
  std::string absent;
};

std::vector<LabelField> LabelFields(const Schema& schema) {
  // FORMATS.md promises these four fields, in this order, even if no rule
  // file defines them; then user-defined dimensions in rule order.
  constexpr std::string_view kFixed[] = {kStanceDimension, kFourpDimension, kRectypeDimension,
                                         kMentionsDimension};
  std::vector<LabelField> fields;
  for (std::string_view fixed : kFixed) {
    int d = schema.FindDimension(fixed);
    if (d >= 0) {
      fields.push_back({d, {}});
    } else {
      fields.push_back({-1, fixed == kStanceDimension ? ",\"" + std::string(fixed) + "\":null"
                                                      : ",\"" + std::string(fixed) + "\":[]"});
    }
  }
  for (int d = 0; d < schema.dimension_count(); ++d) {
    const std::string& name = schema.dimension(d).name;
    if (std::find(std::begin(kFixed), std::end(kFixed), name) != std::end(kFixed)) continue;
    fields.push_back({d, {}});
  }
  return fields;
}

}  // namespace

// The JSON forms of the schema's names, quoted once instead of per record
// (a unit has a dozen evidence records, each naming a field, label and rule).
struct JsonlWriter::Names {
  explicit Names(const Schema& schema) {
    for (int d = 0; d < schema.dimension_count(); ++d) {
      const Dimension& dim = schema.dimension(d);
      dimensions.push_back(Quote(dim.name));
      keys.push_back("," + dimensions.back() + ":");
      multi.push_back(dim.multi);
      labels.emplace_back();
      evidence_heads.emplace_back();
      for (const std::string& label : dim.labels) {
        labels.back().push_back(Quote(label));
        evidence_heads.back().push_back("{\"field\":" + dimensions.back() +
                                        ",\"label\":" + labels.back().back() + ",\"rule\":");
      }
    }
    fields = LabelFields(schema);
    for (int r = 0; r < schema.rule_count(); ++r) {
      rules.push_back(Quote(schema.rule_id(r)));
      rule_tails.push_back(rules.back() + ",\"match\":");
    }
  }
  static std::string Quote(std::string_view s) {
    std::string out;
    AppendJsonString(&out, s);
    return out;
  }
  std::vector<std::string> dimensions;
  std::vector<std::string> keys;  // ,"name":
  std::vector<bool> multi;
  std::vector<std::vector<std::string>> labels;
  std::vector<std::string> rules;
  // An evidence record up to its rule's name: {"field":..,"label":..,"rule":
  std::vector<std::vector<std::string>> evidence_heads;
  std::vector<std::string> rule_tails;  // the rule's name, then ,"match":
  std::vector<LabelField> fields;
};

namespace {

using Names = JsonlWriter::Names;

// --- AppendUnitJson: the record built by appends, every name quoted afresh.
// The writer's own path (below) is held to it by the tests.

void AppendNullableString(std::string* out, const std::string& s) {
  if (s.empty()) {
    out->append("null"sv);
  } else {
    AppendJsonString(out, s);
  }
}

// "00", "01", ..., "99": two digits at a time.
constexpr std::array<char, 200> kDigitPairs = [] {
  std::array<char, 200> pairs{};
  for (int i = 0; i < 100; ++i) {
    pairs[2 * i] = static_cast<char>('0' + i / 10);
    pairs[2 * i + 1] = static_cast<char>('0' + i % 10);
  }
  return pairs;
}();

// Decimal digits of `v` written to `p`; returns the end. The numbers of a
// record (line numbers, offsets in a unit) are nearly all below 10,000:
// those are written from digit pairs, without to_chars's count of the
// digits first (two numbers per evidence record).
char* PutUint(char* p, uint64_t v) {
  if (v >= 10000) return std::to_chars(p, p + 20, v).ptr;
  if (v < 100) {
    if (v < 10) {
      *p = static_cast<char>('0' + v);
      return p + 1;
    }
    std::memcpy(p, &kDigitPairs[2 * v], 2);
    return p + 2;
  }
  const uint64_t high = v / 100, low = v % 100;
  if (high < 10) {
    *p++ = static_cast<char>('0' + high);
  } else {
    std::memcpy(p, &kDigitPairs[2 * high], 2);
    p += 2;
  }
  std::memcpy(p, &kDigitPairs[2 * low], 2);
  return p + 2;
}

// Appends `a`, the number `x`, `b` and the number `y` in one go.
void AppendTwoNumbers(std::string* out, std::string_view a, uint64_t x, std::string_view b,
                      uint64_t y, char last) {
  char buffer[96];
  char* p = buffer;
  std::memcpy(p, a.data(), a.size());
  p = PutUint(p + a.size(), x);
  std::memcpy(p, b.data(), b.size());
  p = PutUint(p + b.size(), y);
  *p++ = last;
  out->append(buffer, p);
}

// The text an evidence record quotes (its span, clamped to the text).
inline std::string_view MatchOf(const TaggedUnit& unit, const Evidence& e) {
  const std::string_view text = unit.unit.text;
  const size_t begin = std::min<size_t>(e.begin, text.size());
  const size_t end = std::clamp<size_t>(e.end, begin, text.size());
  return text.substr(begin, end - begin);
}

void AppendDimension(const TaggedUnit& unit, const Schema& schema, int d, std::string* out) {
  const Dimension& dim = schema.dimension(d);
  out->push_back(',');
  AppendJsonString(out, dim.name);
  out->push_back(':');
  const std::vector<uint16_t>* labels =
      d < static_cast<int>(unit.labels.size()) ? &unit.labels[d] : nullptr;
  if (!dim.multi) {
    if (labels == nullptr || labels->empty()) {
      out->append("null"sv);
    } else {
      AppendJsonString(out, schema.label_name(d, labels->front()));
    }
    return;
  }
  out->push_back('[');
  if (labels != nullptr) {
    for (size_t i = 0; i < labels->size(); ++i) {
      if (i > 0) out->push_back(',');
      AppendJsonString(out, schema.label_name(d, (*labels)[i]));
    }
  }
  out->push_back(']');
}

void AppendLabels(const TaggedUnit& unit, const Schema& schema, std::string* out) {
  for (const LabelField& field : LabelFields(schema)) {
    if (field.dimension >= 0) {
      AppendDimension(unit, schema, field.dimension, out);
    } else {
      out->append(field.absent);
    }
  }
}

void AppendEvidence(const TaggedUnit& unit, const Schema& schema, std::string* out) {
  out->append(",\"evidence\":["sv);
  bool first = true;
  for (const Evidence& e : unit.evidence) {
    if (!first) out->push_back(',');
    first = false;
    out->append("{\"field\":"sv);
    AppendJsonString(out, schema.dimension(e.dimension).name);
    out->append(",\"label\":"sv);
    AppendJsonString(out, schema.label_name(e.dimension, e.label));
    out->append(",\"rule\":"sv);
    AppendJsonString(out, schema.rule_id(static_cast<int>(e.rule)));
    out->append(",\"match\":"sv);
    AppendJsonString(out, MatchOf(unit, e));
    AppendTwoNumbers(out, ",\"begin\":"sv, e.begin, ",\"end\":"sv, e.end, '}');
  }
  out->push_back(']');
}

// "section":[...],"agency":...,"part":... of `unit`.
void AppendSection(const Unit& unit, std::string* out) {
  out->append("\"section\":["sv);
  for (size_t i = 0; i < unit.section.path.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendJsonString(out, unit.section.path[i]);
  }
  out->append("],\"agency\":"sv);
  AppendNullableString(out, unit.section.agency);
  out->append(",\"part\":"sv);
  AppendNullableString(out, unit.section.part);
}

void AppendUnit(const TaggedUnit& tagged, const Schema* schema, std::string* out) {
  const Unit& unit = tagged.unit;
  out->append("{\"doc\":"sv);
  AppendJsonString(out, unit.doc);
  out->append(",\"id\":"sv);
  AppendJsonString(out, UnitId(unit.doc, unit.ordinal));
  out->append(",\"kind\":\""sv);
  out->append(KindName(unit.kind));
  AppendTwoNumbers(out, "\",\"line_start\":"sv, unit.line_start, ",\"line_end\":"sv, unit.line_end,
                   ',');
  AppendSection(unit, out);
  if (!unit.marker.empty()) {
    out->append(",\"marker\":"sv);
    AppendJsonString(out, unit.marker);
  }
  if (schema != nullptr) AppendLabels(tagged, *schema, out);
  out->append(",\"text\":"sv);
  AppendJsonString(out, unit.text);
  if (schema != nullptr) AppendEvidence(tagged, *schema, out);
  out->append("}\n"sv);
}

// --- The writer's path: a record written by pointer into room bounded
// first, with names quoted once (Names) and what consecutive records share
// quoted once (Repeated). Appending field by field into the output's
// string cost a capacity check and a call per field (~1,600 instructions
// per record).

// Copies the n bytes at `from` to `p`, W <= n <= 2W, as two blocks of W
// bytes that may overlap: both loads before the stores, in registers.
template <size_t W>
inline void PutOverlapping(char* p, const char* from, size_t n) {
  char head[W], tail[W];
  std::memcpy(head, from, W);
  std::memcpy(tail, from + n - W, W);
  std::memcpy(p, head, W);
  std::memcpy(p + n - W, tail, W);
}

// Copies `s` to `p`; returns the end. Most strings of a record are short
// (names, keys, matches of a few words): up to 32 bytes they are copied
// by two loads and stores that may overlap, without a call (memcpy's call
// and its dispatch on the length cost more than the copy).
inline char* Put(char* p, std::string_view s) {
  const char* const from = s.data();
  const size_t n = s.size();
  if (n > 32) {
    std::memcpy(p, from, n);
  } else if (n >= 16) {
    PutOverlapping<16>(p, from, n);
  } else if (n >= 8) {
    PutOverlapping<8>(p, from, n);
  } else if (n >= 4) {
    PutOverlapping<4>(p, from, n);
  } else if (n > 0) {
    const char first = from[0], middle = from[n / 2], last = from[n - 1];
    p[0] = first;
    p[n / 2] = middle;
    p[n - 1] = last;
  }
  return p + n;
}

// Bytes that `s` may take quoted: as it is when plain, else at most six
// per byte (a control character becomes \u00XX).
inline size_t QuotedBound(std::string_view s, bool plain) {
  return 2 + (plain ? s.size() : 6 * s.size());
}

// `s` as it goes between the quotes of a JSON string: itself when plain,
// else escaped into `scratch` (AppendJsonString's quotes left out).
inline std::string_view Unquoted(std::string_view s, bool plain, std::string* scratch) {
  if (plain) return s;
  scratch->clear();
  AppendJsonString(scratch, s);
  return std::string_view(*scratch).substr(1, scratch->size() - 2);
}

constexpr std::string_view kEvidenceOpen = ",\"evidence\":["sv;
constexpr std::string_view kBeginKey = "\",\"begin\":";
constexpr std::string_view kEndKey = ",\"end\":";
// The bytes of an evidence record besides its head, tail and match.
constexpr size_t kRecordExtra = 1 + kBeginKey.size() + 20 + kEndKey.size() + 20 + 1;

// One evidence record, its match already unquoted (see Unquoted), written
// at `p`; returns the end.
char* PutRecord(char* p, std::string_view head, std::string_view tail, std::string_view match,
                uint64_t begin, uint64_t end) {
  p = Put(p, head);
  p = Put(p, tail);
  *p++ = '"';
  p = Put(p, match);
  p = Put(p, kBeginKey);
  p = PutUint(p, begin);
  p = Put(p, kEndKey);
  p = PutUint(p, end);
  *p++ = '}';
  return p;
}

// Bytes PutEvidence() writes at most.
size_t EvidenceBound(const TaggedUnit& unit, const Names& names, bool text_plain) {
  size_t most = kEvidenceOpen.size() + 1;
  for (const Evidence& e : unit.evidence) {
    most += 1 + names.evidence_heads[e.dimension][e.label].size() +
            names.rule_tails[e.rule].size() + QuotedBound(MatchOf(unit, e), text_plain) +
            kRecordExtra;
  }
  return most;
}

// `text_plain`: the unit's text is IsPlainJson, and so is every match in it.
char* PutEvidence(char* p, const TaggedUnit& unit, const Names& names, bool text_plain,
                  std::string* scratch) {
  p = Put(p, kEvidenceOpen);
  bool first = true;
  for (const Evidence& e : unit.evidence) {
    if (!first) *p++ = ',';
    first = false;
    const std::string_view match = MatchOf(unit, e);
    p = PutRecord(p, names.evidence_heads[e.dimension][e.label], names.rule_tails[e.rule],
                  Unquoted(match, text_plain || IsPlainJson(match), scratch), e.begin, e.end);
  }
  *p++ = ']';
  return p;
}

// Brings `repeated` up to `unit`: its document, section (path, agency,
// part) and marker, quoted again only when they change.
void Refresh(const Unit& unit, JsonlWriter::Repeated* repeated) {
  if (repeated->doc != unit.doc || repeated->doc_json.empty()) {
    repeated->doc = unit.doc;
    repeated->doc_json.clear();
    AppendJsonString(&repeated->doc_json, unit.doc);
  }
  const SectionRef& section = unit.section;
  if (!repeated->section_valid || section.part != repeated->section.part ||
      section.agency != repeated->section.agency || section.path != repeated->section.path) {
    repeated->section = section;
    repeated->section_valid = true;
    repeated->section_json.clear();
    AppendSection(unit, &repeated->section_json);
  }
  if (!unit.marker.empty() && (repeated->marker != unit.marker || repeated->marker_json.empty())) {
    repeated->marker = unit.marker;
    repeated->marker_json.clear();
    AppendJsonString(&repeated->marker_json, unit.marker);
  }
}

// Bytes PutLabels() writes at most.
size_t LabelsBound(const TaggedUnit& unit, const Names& names) {
  size_t most = 0;
  for (const LabelField& field : names.fields) {
    const int d = field.dimension;
    if (d < 0) {
      most += field.absent.size();
      continue;
    }
    most += names.keys[d].size() + 4;  // and null, or [ and ]
    if (d < static_cast<int>(unit.labels.size())) {
      for (uint16_t l : unit.labels[d]) most += names.labels[d][l].size() + 1;
    }
  }
  return most;
}

// The label fields, as AppendLabels() writes them.
char* PutLabels(char* p, const TaggedUnit& unit, const Names& names) {
  for (const LabelField& field : names.fields) {
    const int d = field.dimension;
    if (d < 0) {
      p = Put(p, field.absent);
      continue;
    }
    p = Put(p, names.keys[d]);
    const std::vector<uint16_t>* labels =
        d < static_cast<int>(unit.labels.size()) ? &unit.labels[d] : nullptr;
    if (!names.multi[d]) {
      p = labels == nullptr || labels->empty() ? Put(p, "null"sv)
                                               : Put(p, names.labels[d][labels->front()]);
      continue;
    }
    *p++ = '[';
    if (labels != nullptr) {
      for (size_t i = 0; i < labels->size(); ++i) {
        if (i > 0) *p++ = ',';
        p = Put(p, names.labels[d][(*labels)[i]]);
      }
    }
    *p++ = ']';
  }
  return p;
}

// The fixed keys of a record, and room for its numbers (the ordinal, two
// line numbers) and kind name.
constexpr std::string_view kDocKey = "{\"doc\":"sv, kIdKey = ",\"id\":"sv,
                           kKindKey = ",\"kind\":\""sv, kLineStartKey = "\",\"line_start\":"sv,
                           kLineEndKey = ",\"line_end\":"sv, kMarkerKey = ",\"marker\":"sv,
                           kTextKey = ",\"text\":\""sv, kRecordEnd = "}\n"sv;
constexpr size_t kFixedBytes = kDocKey.size() + kIdKey.size() + 1 + 10 + 1 + kKindKey.size() +
                               16 + kLineStartKey.size() + 20 + kLineEndKey.size() + 20 + 1 +
                               kMarkerKey.size() + kTextKey.size() + kRecordEnd.size();

// Bytes PutUnit() writes at most. `repeated` is up to the unit; `names` is
// null without a schema (no labels, no evidence).
size_t UnitBound(const TaggedUnit& tagged, const Names* names,
                 const JsonlWriter::Repeated& repeated, bool text_plain) {
  const Unit& unit = tagged.unit;
  size_t most = kFixedBytes + 2 * repeated.doc_json.size() + repeated.section_json.size() +
                (unit.marker.empty() ? 0 : repeated.marker_json.size()) +
                QuotedBound(unit.text, text_plain);
  if (names != nullptr) most += LabelsBound(tagged, *names) + EvidenceBound(tagged, *names, text_plain);
  return most;
}

// The record AppendUnit() writes, written at `p`, which has UnitBound()
// bytes of room; returns the end.
char* PutUnit(char* p, const TaggedUnit& tagged, const Names* names,
              const JsonlWriter::Repeated& repeated, bool text_plain, std::string* scratch) {
  const Unit& unit = tagged.unit;
  // The id is the doc, ':' and digits, which JSON takes as they are: the
  // quoted doc without its closing quote, then those.
  const std::string_view quoted = repeated.doc_json;
  p = Put(p, kDocKey);
  p = Put(p, quoted);
  p = Put(p, kIdKey);
  p = Put(p, quoted.substr(0, quoted.size() - 1));
  *p++ = ':';
  p = PutOrdinal(p, unit.ordinal);
  *p++ = '"';
  p = Put(p, kKindKey);
  p = Put(p, KindName(unit.kind));
  p = Put(p, kLineStartKey);
  p = PutUint(p, unit.line_start);
  p = Put(p, kLineEndKey);
  p = PutUint(p, unit.line_end);
  *p++ = ',';
  p = Put(p, repeated.section_json);
  if (!unit.marker.empty()) {
    p = Put(p, kMarkerKey);
    p = Put(p, repeated.marker_json);
  }
  if (names != nullptr) p = PutLabels(p, tagged, *names);
  p = Put(p, kTextKey);
  p = Put(p, Unquoted(unit.text, text_plain, scratch));
  *p++ = '"';
  if (names != nullptr) p = PutEvidence(p, tagged, *names, text_plain, scratch);
  return Put(p, kRecordEnd);
}

}  // namespace

void AppendUnitJson(const TaggedUnit& tagged, const Schema* schema, std::string* out) {
  AppendUnit(tagged, schema, out);
}

JsonlWriter::JsonlWriter(const Schema* schema, Output* output) : schema_(schema), output_(output) {
  if (schema_ != nullptr) names_ = std::make_unique<Names>(*schema_);
}

JsonlWriter::~JsonlWriter() = default;

Status JsonlWriter::Write(const TaggedUnit& unit) {
  Refresh(unit.unit, &repeated_);
  // Most texts need no escaping (one scan tells, instead of one per match).
  const bool text_plain = IsPlainJson(unit.unit.text);
  // Written into room made once (grown, never shrunk), then appended:
  // growing the output's string itself would zero the bytes about to be
  // written.
  const size_t most = UnitBound(unit, names_.get(), repeated_, text_plain);
  if (record_.size() < most) record_.resize(most);
  char* const end = PutUnit(record_.data(), unit, names_.get(), repeated_, text_plain, &escaped_);
  if (output_ == nullptr) {  // a shard: keep the line
    line_.append(record_.data(), end);
    return Status::Ok();
  }
  output_->buffer()->append(record_.data(), end);
  return output_->Wrote();
}

std::unique_ptr<UnitSink> JsonlWriter::NewShard() {
  return std::make_unique<JsonlWriter>(schema_, nullptr);
}

Status JsonlWriter::Absorb(UnitSink* shard) {
  auto* lines = static_cast<JsonlWriter*>(shard);
  Status s = output_->Write(lines->line_);
  lines->line_.clear();
  return s;
}

}  // namespace gapmap
