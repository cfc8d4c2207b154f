#include "lib/sinks/jsonl_writer.h"

#include <algorithm>

#include <fmt/format.h>

#include "lib/core/json_writer.h"

namespace gapmap {
namespace {

void AppendNullableString(std::string* out, const std::string& s) {
  if (s.empty()) {
    out->append("null");
  } else {
    AppendJsonString(out, s);
  }
}

void AppendDimension(const TaggedUnit& unit, const Schema& schema, int d, std::string* out) {
  const Dimension& dim = schema.dimension(d);
  out->append(",");
  AppendJsonString(out, dim.name);
  out->append(":");
  const std::vector<uint16_t>* labels =
      d < static_cast<int>(unit.labels.size()) ? &unit.labels[d] : nullptr;
  if (!dim.multi) {
    if (labels == nullptr || labels->empty()) {
      out->append("null");
    } else {
      AppendJsonString(out, dim.labels[labels->front()]);
    }
    return;
  }
  out->append("[");
  if (labels != nullptr) {
    for (size_t i = 0; i < labels->size(); ++i) {
      if (i > 0) out->append(",");
      AppendJsonString(out, dim.labels[(*labels)[i]]);
    }
  }
  out->append("]");
}

void AppendLabels(const TaggedUnit& unit, const Schema& schema, std::string* out) {
  // FORMATS.md promises these four fields, in this order, even if no rule
  // file defines them; then user-defined dimensions in rule order.
  constexpr std::string_view kFixed[] = {kStanceDimension, kFourpDimension, kRectypeDimension,
                                         kMentionsDimension};
  for (std::string_view fixed : kFixed) {
    int d = schema.FindDimension(fixed);
    if (d >= 0) {
      AppendDimension(unit, schema, d, out);
      continue;
    }
    out->append(",\"");
    out->append(fixed);
    out->append(fixed == kStanceDimension ? "\":null" : "\":[]");
  }
  for (int d = 0; d < schema.dimension_count(); ++d) {
    const std::string& name = schema.dimension(d).name;
    if (std::find(std::begin(kFixed), std::end(kFixed), name) != std::end(kFixed)) continue;
    AppendDimension(unit, schema, d, out);
  }
}

void AppendEvidence(const TaggedUnit& unit, const Schema& schema, std::string* out) {
  out->append(",\"evidence\":[");
  bool first = true;
  const std::string& text = unit.unit.text;
  for (const Evidence& e : unit.evidence) {
    if (!first) out->append(",");
    first = false;
    out->append("{\"field\":");
    AppendJsonString(out, schema.dimension(e.dimension).name);
    out->append(",\"label\":");
    AppendJsonString(out, schema.label_name(e.dimension, e.label));
    out->append(",\"rule\":");
    AppendJsonString(out, schema.rule_id(static_cast<int>(e.rule)));
    out->append(",\"match\":");
    size_t begin = std::min<size_t>(e.begin, text.size());
    size_t end = std::clamp<size_t>(e.end, begin, text.size());
    AppendJsonString(out, std::string_view(text).substr(begin, end - begin));
    fmt::format_to(std::back_inserter(*out), ",\"begin\":{},\"end\":{}}}", e.begin, e.end);
  }
  out->append("]");
}

}  // namespace

void AppendUnitJson(const TaggedUnit& tagged, const Schema* schema, std::string* out) {
  const Unit& unit = tagged.unit;
  out->append("{\"doc\":");
  AppendJsonString(out, unit.doc);
  out->append(",\"id\":");
  AppendJsonString(out, UnitId(unit.doc, unit.ordinal));
  out->append(",\"kind\":\"");
  out->append(KindName(unit.kind));
  fmt::format_to(std::back_inserter(*out), "\",\"line_start\":{},\"line_end\":{},\"section\":[",
                 unit.line_start, unit.line_end);
  for (size_t i = 0; i < unit.section.path.size(); ++i) {
    if (i > 0) out->append(",");
    AppendJsonString(out, unit.section.path[i]);
  }
  out->append("],\"agency\":");
  AppendNullableString(out, unit.section.agency);
  out->append(",\"part\":");
  AppendNullableString(out, unit.section.part);
  if (!unit.marker.empty()) {
    out->append(",\"marker\":");
    AppendJsonString(out, unit.marker);
  }
  if (schema != nullptr) AppendLabels(tagged, *schema, out);
  out->append(",\"text\":");
  AppendJsonString(out, unit.text);
  if (schema != nullptr) AppendEvidence(tagged, *schema, out);
  out->append("}\n");
}

Status JsonlWriter::Write(const TaggedUnit& unit) {
  line_.clear();
  AppendUnitJson(unit, schema_, &line_);
  return output_->Write(line_);
}

}  // namespace gapmap
