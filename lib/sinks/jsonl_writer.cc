#include "lib/sinks/jsonl_writer.h"

#include <algorithm>
#include <charconv>
#include <iterator>

#include "lib/core/json_writer.h"

namespace gapmap {

// The JSON forms of the schema's names, quoted once instead of per record
// (a unit has a dozen evidence records, each naming a field, label and rule).
struct JsonlWriter::Names {
  explicit Names(const Schema& schema) {
    for (int d = 0; d < schema.dimension_count(); ++d) {
      const Dimension& dim = schema.dimension(d);
      dimensions.push_back(Quote(dim.name));
      labels.emplace_back();
      for (const std::string& label : dim.labels) labels.back().push_back(Quote(label));
    }
    for (int r = 0; r < schema.rule_count(); ++r) rules.push_back(Quote(schema.rule_id(r)));
  }
  static std::string Quote(std::string_view s) {
    std::string out;
    AppendJsonString(&out, s);
    return out;
  }
  std::vector<std::string> dimensions;
  std::vector<std::vector<std::string>> labels;
  std::vector<std::string> rules;
};

namespace {

using Names = JsonlWriter::Names;

void AppendNullableString(std::string* out, const std::string& s) {
  if (s.empty()) {
    out->append("null");
  } else {
    AppendJsonString(out, s);
  }
}

void AppendUint(std::string* out, uint64_t v) {
  char buffer[24];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof(buffer), v);
  out->append(buffer, end);
}

void AppendDimensionName(const Schema& schema, const Names* names, int d, std::string* out) {
  if (names != nullptr) {
    out->append(names->dimensions[d]);
  } else {
    AppendJsonString(out, schema.dimension(d).name);
  }
}

void AppendLabelName(const Schema& schema, const Names* names, int d, int l, std::string* out) {
  if (names != nullptr) {
    out->append(names->labels[d][l]);
  } else {
    AppendJsonString(out, schema.label_name(d, l));
  }
}

void AppendDimension(const TaggedUnit& unit, const Schema& schema, const Names* names, int d,
                     std::string* out) {
  const Dimension& dim = schema.dimension(d);
  out->push_back(',');
  AppendDimensionName(schema, names, d, out);
  out->push_back(':');
  const std::vector<uint16_t>* labels =
      d < static_cast<int>(unit.labels.size()) ? &unit.labels[d] : nullptr;
  if (!dim.multi) {
    if (labels == nullptr || labels->empty()) {
      out->append("null");
    } else {
      AppendLabelName(schema, names, d, labels->front(), out);
    }
    return;
  }
  out->push_back('[');
  if (labels != nullptr) {
    for (size_t i = 0; i < labels->size(); ++i) {
      if (i > 0) out->push_back(',');
      AppendLabelName(schema, names, d, (*labels)[i], out);
    }
  }
  out->push_back(']');
}

void AppendLabels(const TaggedUnit& unit, const Schema& schema, const Names* names,
                  std::string* out) {
  // FORMATS.md promises these four fields, in this order, even if no rule
  // file defines them; then user-defined dimensions in rule order.
  constexpr std::string_view kFixed[] = {kStanceDimension, kFourpDimension, kRectypeDimension,
                                         kMentionsDimension};
  for (std::string_view fixed : kFixed) {
    int d = schema.FindDimension(fixed);
    if (d >= 0) {
      AppendDimension(unit, schema, names, d, out);
      continue;
    }
    out->append(",\"");
    out->append(fixed);
    out->append(fixed == kStanceDimension ? "\":null" : "\":[]");
  }
  for (int d = 0; d < schema.dimension_count(); ++d) {
    const std::string& name = schema.dimension(d).name;
    if (std::find(std::begin(kFixed), std::end(kFixed), name) != std::end(kFixed)) continue;
    AppendDimension(unit, schema, names, d, out);
  }
}

void AppendEvidence(const TaggedUnit& unit, const Schema& schema, const Names* names,
                    std::string* out) {
  out->append(",\"evidence\":[");
  bool first = true;
  const std::string& text = unit.unit.text;
  for (const Evidence& e : unit.evidence) {
    if (!first) out->push_back(',');
    first = false;
    out->append("{\"field\":");
    AppendDimensionName(schema, names, e.dimension, out);
    out->append(",\"label\":");
    AppendLabelName(schema, names, e.dimension, e.label, out);
    out->append(",\"rule\":");
    if (names != nullptr) {
      out->append(names->rules[e.rule]);
    } else {
      AppendJsonString(out, schema.rule_id(static_cast<int>(e.rule)));
    }
    out->append(",\"match\":");
    size_t begin = std::min<size_t>(e.begin, text.size());
    size_t end = std::clamp<size_t>(e.end, begin, text.size());
    AppendJsonString(out, std::string_view(text).substr(begin, end - begin));
    out->append(",\"begin\":");
    AppendUint(out, e.begin);
    out->append(",\"end\":");
    AppendUint(out, e.end);
    out->push_back('}');
  }
  out->push_back(']');
}

void AppendUnit(const TaggedUnit& tagged, const Schema* schema, const Names* names,
                std::string* out) {
  const Unit& unit = tagged.unit;
  out->append("{\"doc\":");
  AppendJsonString(out, unit.doc);
  out->append(",\"id\":");
  AppendJsonString(out, UnitId(unit.doc, unit.ordinal));
  out->append(",\"kind\":\"");
  out->append(KindName(unit.kind));
  out->append("\",\"line_start\":");
  AppendUint(out, unit.line_start);
  out->append(",\"line_end\":");
  AppendUint(out, unit.line_end);
  out->append(",\"section\":[");
  for (size_t i = 0; i < unit.section.path.size(); ++i) {
    if (i > 0) out->push_back(',');
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
  if (schema != nullptr) AppendLabels(tagged, *schema, names, out);
  out->append(",\"text\":");
  AppendJsonString(out, unit.text);
  if (schema != nullptr) AppendEvidence(tagged, *schema, names, out);
  out->append("}\n");
}

}  // namespace

void AppendUnitJson(const TaggedUnit& tagged, const Schema* schema, std::string* out) {
  AppendUnit(tagged, schema, nullptr, out);
}

JsonlWriter::JsonlWriter(const Schema* schema, Output* output)
    : schema_(schema), output_(output) {
  if (schema_ != nullptr) names_ = std::make_unique<Names>(*schema_);
}

JsonlWriter::~JsonlWriter() = default;

Status JsonlWriter::Write(const TaggedUnit& unit) {
  if (output_ == nullptr) {  // a shard: keep the line
    AppendUnit(unit, schema_, names_.get(), &line_);
    return Status::Ok();
  }
  line_.clear();
  AppendUnit(unit, schema_, names_.get(), &line_);
  return output_->Write(line_);
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
