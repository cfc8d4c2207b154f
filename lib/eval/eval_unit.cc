#include "lib/eval/eval_unit.h"

#include <algorithm>

#include "lib/core/utf8.h"
#include "lib/sinks/jsonl_reader.h"

namespace gapmap {
namespace {

constexpr std::array<std::string_view, kEvalDimensionCount> kNames = {
    kStanceDimension, kFourpDimension, kRectypeDimension, kMentionsDimension};

constexpr size_t kTextHeadBytes = 72;

// The first bytes of `text` with whitespace runs collapsed, cut at a UTF-8
// boundary: enough to recognise a unit in a listing.
std::string TextHead(std::string_view text) {
  std::string head;
  bool space = false;
  for (size_t i = 0; i < text.size() && head.size() < kTextHeadBytes;) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !head.empty();
      ++i;
      continue;
    }
    if (space) head.push_back(' ');
    space = false;
    size_t n = std::max<size_t>(Utf8SequenceLength(text.substr(i)), 1);
    head.append(text.substr(i, n));
    i += n;
  }
  if (head.size() >= kTextHeadBytes) head.append("…");
  return head;
}

}  // namespace

std::string_view EvalDimensionName(EvalDimension d) { return kNames[static_cast<int>(d)]; }

DimensionPresence PresenceIn(const Schema& schema) {
  DimensionPresence presence{};
  for (int i = 0; i < kEvalDimensionCount; ++i) presence[i] = schema.FindDimension(kNames[i]) >= 0;
  return presence;
}

EvalUnit ToEvalUnit(const TaggedUnit& tagged, const Schema& schema) {
  const Unit& unit = tagged.unit;
  EvalUnit out;
  out.doc = unit.doc;
  out.ordinal = unit.ordinal;
  out.kind = unit.kind;
  out.line_start = unit.line_start;
  out.line_end = unit.line_end;
  out.agency = unit.section.agency;
  out.part = unit.section.part;
  for (int i = 0; i < kEvalDimensionCount; ++i) {
    int d = schema.FindDimension(kNames[i]);
    if (d < 0 || d >= static_cast<int>(tagged.labels.size())) continue;
    for (uint16_t label : tagged.labels[d]) out.labels[i].push_back(schema.label_name(d, label));
    std::sort(out.labels[i].begin(), out.labels[i].end());
  }
  out.text_head = TextHead(unit.text);
  return out;
}

Status EvalUnitCollector::Write(const TaggedUnit& unit) {
  units_.push_back(ToEvalUnit(unit, *schema_));
  return Status::Ok();
}

Status LoadTaggedUnits(const std::string& path, std::vector<EvalUnit>* units,
                       DimensionPresence* presence) {
  Schema schema;
  EvalUnitCollector collector(&schema);
  GAPMAP_RETURN_IF_ERROR(ReadTaggedJsonl(path, &schema, &collector));
  *units = std::move(collector.units());
  *presence = PresenceIn(schema);
  return Status::Ok();
}

Status LoadGoldUnits(const std::string& path, std::vector<EvalUnit>* units) {
  Result<std::unique_ptr<FdSource>> source = FdSource::Open(path);
  if (!source.ok()) return source.status();
  Schema schema;
  JsonlReader reader(source->get(), &schema);
  TaggedUnit tagged;
  JsonlExtras extras;
  units->clear();
  while (reader.Next(&tagged, &extras)) {
    units->push_back(ToEvalUnit(tagged, schema));
    units->back().kind_alt = extras.kind_alt;
  }
  GAPMAP_RETURN_IF_ERROR(reader.status());
  if (units->empty()) return Status::Input(path + ": no gold units");
  return Status::Ok();
}

}  // namespace gapmap
