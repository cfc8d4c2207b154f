#include "lib/sinks/matrix_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <map>

#include "lib/core/json_writer.h"
#include "lib/sinks/csv.h"

namespace gapmap {
namespace {

std::string JoinIds(const std::vector<ExampleId>& ids) {
  std::string joined;
  for (const ExampleId& id : ids) {
    if (!joined.empty()) joined.push_back(' ');
    joined += FormatExampleId(id);
  }
  return joined;
}

void AppendStringArray(std::string* out, const std::vector<std::string>& values) {
  out->push_back('[');
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendJsonString(out, values[i]);
  }
  out->push_back(']');
}

}  // namespace

std::string FormatShare(double share) { return fmt::format("{:.3f}", share); }

std::string FormatTidyCsv(const GapMatrix& matrix, Normalize normalize) {
  std::string out(kTidyHeader);
  out.push_back('\n');
  for (const MatrixRow& row : matrix.Rows(normalize)) {
    std::string paragraphs = std::to_string(row.paragraphs);
    std::string share = row.share ? FormatShare(*row.share) : "";
    std::string ids = JoinIds(row.examples);
    AppendCsvRecord(&out,
                    {row.agency, row.dimension, row.category, row.stance, paragraphs, share, ids});
  }
  return out;
}

Result<std::string> FormatWideCsv(const GapMatrix& matrix, Normalize normalize,
                                  std::string_view dimension, std::string_view stance) {
  std::vector<std::string> dimensions = matrix.Dimensions();
  if (std::find(dimensions.begin(), dimensions.end(), dimension) == dimensions.end()) {
    return Status::Usage(fmt::format("the matrix has no dimension '{}' (it has: {})", dimension,
                                     fmt::join(dimensions, ", ")));
  }
  std::vector<std::string> stances = matrix.Stances();
  if (std::find(stances.begin(), stances.end(), stance) == stances.end()) {
    return Status::Usage(fmt::format("the matrix has no stance '{}' (it has: {})", stance,
                                     fmt::join(stances, ", ")));
  }
  std::vector<std::string> categories = matrix.Categories(dimension);
  // agency -> (category -> row); the `all` row gives the paragraphs column.
  std::map<std::string, std::map<std::string, const MatrixRow*>> table;
  std::vector<MatrixRow> rows = matrix.Rows(normalize);
  for (const MatrixRow& row : rows) {
    if (row.dimension == dimension && row.stance == stance) table[row.agency][row.category] = &row;
  }
  std::string out;
  std::vector<std::string_view> header = {"agency", "paragraphs"};
  for (const std::string& c : categories) header.push_back(c);
  AppendCsvRecord(&out, header);
  for (const auto& [agency, cells] : table) {
    auto total = cells.find(std::string(kAllLabel));
    if (total == cells.end()) continue;
    std::vector<std::string> values = {agency, std::to_string(total->second->paragraphs)};
    for (const std::string& c : categories) {
      auto it = cells.find(c);
      const MatrixRow* row = it == cells.end() ? nullptr : it->second;
      if (normalize == Normalize::kNone) {
        values.push_back(std::to_string(row == nullptr ? 0 : row->paragraphs));
      } else {
        values.push_back(FormatShare(row == nullptr || !row->share ? 0.0 : *row->share));
      }
    }
    std::vector<std::string_view> fields(values.begin(), values.end());
    AppendCsvRecord(&out, fields);
  }
  return out;
}

std::string FormatMatrixJson(const GapMatrix& matrix, const MatrixProvenance& provenance) {
  const MatrixOptions& options = matrix.options();
  std::string out;
  auto o = std::back_inserter(out);
  out.append("{\"format\":\"gapmap-matrix\",\"format_version\":1,\n");
  out.append("\"tool\":{\"name\":\"gapmap\",\"version\":");
  AppendJsonString(&out, provenance.tool_version);
  out.append("},\n\"rules\":{\"content_hash\":");
  if (provenance.rules_hash.empty()) {
    out.append("null");
  } else {
    AppendJsonString(&out, provenance.rules_hash);
  }
  out.append("},\n\"inputs\":[");
  for (size_t i = 0; i < provenance.inputs.size(); ++i) {
    const InputDigest& input = provenance.inputs[i];
    out.append(i == 0 ? "\n" : ",\n");
    out.append("{\"name\":");
    AppendJsonString(&out, input.name);
    fmt::format_to(o, ",\"bytes\":{},\"sha256\":\"{}\"}}", input.bytes, input.sha256);
  }
  out.append("],\n\"options\":{\"by\":\"");
  out.append(MatrixByName(options.by));
  out.append("\",\"dimensions\":");
  if (options.dimensions.empty()) {
    out.append("null");
  } else {
    AppendStringArray(&out, options.dimensions);
  }
  out.append(",\"stances\":");
  if (options.stances.empty()) {
    out.append("null");
  } else {
    AppendStringArray(&out, options.stances);
  }
  out.append(",\"normalize\":\"");
  out.append(NormalizeName(provenance.normalize));
  out.append("\",\"examples\":");
  if (options.max_examples < 0) {
    out.append("\"all\"");
  } else {
    fmt::format_to(o, "{}", options.max_examples);
  }
  fmt::format_to(o, "}},\n\"units\":{{\"content\":{},\"without_owner\":{}}},\n",
                 matrix.content_units(), matrix.units_without_owner());
  out.append("\"dimensions\":[");
  std::vector<std::string> dimensions = matrix.Dimensions();
  for (size_t i = 0; i < dimensions.size(); ++i) {
    if (i > 0) out.push_back(',');
    out.append("{\"name\":");
    AppendJsonString(&out, dimensions[i]);
    out.append(",\"categories\":");
    AppendStringArray(&out, matrix.Categories(dimensions[i]));
    out.push_back('}');
  }
  out.append("],\n\"stances\":");
  AppendStringArray(&out, matrix.Stances());
  out.append(",\n\"agencies\":");
  AppendStringArray(&out, matrix.Agencies());
  out.append(",\n\"cells\":[");
  bool first = true;
  for (const MatrixRow& row : matrix.Rows(provenance.normalize)) {
    out.append(first ? "\n" : ",\n");
    first = false;
    out.append("{\"agency\":");
    AppendJsonString(&out, row.agency);
    out.append(",\"dimension\":");
    AppendJsonString(&out, row.dimension);
    out.append(",\"category\":");
    AppendJsonString(&out, row.category);
    out.append(",\"stance\":");
    AppendJsonString(&out, row.stance);
    fmt::format_to(o, ",\"paragraphs\":{},\"share\":{},\"example_ids\":[", row.paragraphs,
                   row.share ? FormatShare(*row.share) : "null");
    for (size_t i = 0; i < row.examples.size(); ++i) {
      if (i > 0) out.push_back(',');
      AppendJsonString(&out, FormatExampleId(row.examples[i]));
    }
    out.append("]}");
  }
  out.append("]}\n");
  return out;
}

Result<std::string> FormatMatrix(const GapMatrix& matrix, const MatrixProvenance& provenance,
                                 const MatrixFormat& format) {
  if (format.json) {
    if (format.wide) return Status::Usage("--layout wide is a CSV layout; use --format csv");
    return FormatMatrixJson(matrix, provenance);
  }
  if (!format.wide) return FormatTidyCsv(matrix, provenance.normalize);
  std::string dimension = format.dimension;
  if (dimension.empty()) {
    std::vector<std::string> dimensions = matrix.Dimensions();
    if (dimensions.size() != 1) {
      return Status::Usage(fmt::format("--layout wide shows one dimension: give --dimension ({})",
                                       fmt::join(dimensions, ", ")));
    }
    dimension = dimensions.front();
  }
  std::string stance = format.stance;
  if (stance.empty()) {
    const std::vector<std::string>& kept = matrix.options().stances;
    if (kept.size() > 1) {
      return Status::Usage(fmt::format("--layout wide shows one stance: give one --stance ({})",
                                       fmt::join(kept, ", ")));
    }
    stance = kept.empty() ? std::string(kAllLabel) : kept.front();
  }
  return FormatWideCsv(matrix, provenance.normalize, dimension, stance);
}

}  // namespace gapmap
