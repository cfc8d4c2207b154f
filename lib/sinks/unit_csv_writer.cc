#include "lib/sinks/unit_csv_writer.h"

#include <fmt/format.h>

#include <algorithm>

#include "lib/sinks/csv.h"

namespace gapmap {

UnitCsvWriter::UnitCsvWriter(const Schema* schema, Output* output, char delimiter)
    : schema_(schema), output_(output), delimiter_(delimiter) {
  // FORMATS.md's four label fields always have a column, like in JSONL.
  dimensions_ = {std::string(kStanceDimension), std::string(kFourpDimension),
                 std::string(kRectypeDimension), std::string(kMentionsDimension)};
  if (schema_ != nullptr) {
    for (int d : schema_->OutputOrder()) {
      const std::string& name = schema_->dimension(d).name;
      if (std::find(dimensions_.begin(), dimensions_.end(), name) == dimensions_.end()) {
        dimensions_.push_back(name);
      }
    }
  }
}

Status UnitCsvWriter::WriteHeader() {
  header_written_ = true;
  std::vector<std::string_view> header = {"id",   "doc",    "line_start", "line_end",
                                          "kind", "agency", "part"};
  for (const std::string& d : dimensions_) header.push_back(d);
  header.push_back("text");
  row_.clear();
  AppendCsvRecord(&row_, header, delimiter_);
  return output_->Write(row_);
}

Status UnitCsvWriter::Write(const TaggedUnit& tagged) {
  if (!header_written_) GAPMAP_RETURN_IF_ERROR(WriteHeader());
  const Unit& unit = tagged.unit;
  fields_.clear();
  fields_.push_back(UnitId(unit.doc, unit.ordinal));
  fields_.push_back(unit.doc);
  fields_.push_back(std::to_string(unit.line_start));
  fields_.push_back(std::to_string(unit.line_end));
  fields_.emplace_back(KindName(unit.kind));
  fields_.push_back(unit.section.agency);
  fields_.push_back(unit.section.part);
  for (const std::string& name : dimensions_) {
    std::string joined;
    int d = schema_ != nullptr ? schema_->FindDimension(name) : -1;
    if (d >= 0 && d < static_cast<int>(tagged.labels.size())) {
      for (uint16_t label : tagged.labels[d]) {
        if (!joined.empty()) joined.push_back(';');
        joined += schema_->label_name(d, label);
      }
    }
    fields_.push_back(std::move(joined));
  }
  fields_.push_back(unit.text);
  std::vector<std::string_view> views(fields_.begin(), fields_.end());
  row_.clear();
  AppendCsvRecord(&row_, views, delimiter_);
  return output_->Write(row_);
}

Status UnitCsvWriter::Finish() {
  if (!header_written_) return WriteHeader();
  return Status::Ok();
}

Result<std::array<bool, kUnitKindCount>> ParseKindList(std::string_view list) {
  std::array<bool, kUnitKindCount> kinds{};
  size_t start = 0;
  bool any = false;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    if (comma == std::string_view::npos) comma = list.size();
    std::string_view name = list.substr(start, comma - start);
    if (!name.empty()) {
      std::optional<UnitKind> kind = ParseKind(name);
      if (!kind) {
        return Status::Usage(fmt::format(
            "--kinds: unknown kind '{}' (text, bullet, heading, footnote, furniture)", name));
      }
      kinds[static_cast<int>(*kind)] = true;
      any = true;
    }
    start = comma + 1;
  }
  if (!any) return Status::Usage("--kinds: no kind given");
  return kinds;
}

}  // namespace gapmap
