#include "lib/sinks/matrix_reader.h"

#include <fmt/format.h>

#include <charconv>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <tuple>

#include "lib/core/sha256.h"
#include "lib/sinks/csv.h"
#include "lib/sinks/matrix_writer.h"
#include "lib/source/byte_source.h"

namespace gapmap {
namespace {

using nlohmann::json;

struct ReadRow {
  std::string agency, dimension, category, stance;
  int64_t paragraphs = 0;
  std::vector<ExampleId> examples;
  std::string where;  // "file:line" for messages
};

// Adds rows to `matrix`, taking each (agency, stance) row total once.
Status AddRows(const std::vector<ReadRow>& rows, GapMatrix* matrix) {
  std::map<std::pair<std::string, std::string>, const ReadRow*> totals;
  for (const ReadRow& row : rows) {
    if (row.category != kAllLabel) continue;
    auto [it, added] = totals.emplace(std::pair{row.agency, row.stance}, &row);
    if (!added && it->second->paragraphs != row.paragraphs) {
      return Status::Input(
          fmt::format("{}: {} has {} paragraphs in stance {} under {}, but {} under {}", row.where,
                      row.agency, row.paragraphs, row.stance, row.dimension, it->second->paragraphs,
                      it->second->dimension));
    }
  }
  for (const ReadRow& row : rows) {
    if (row.category == kAllLabel) {
      matrix->DeclareDimension(row.dimension);
      if (totals.at({row.agency, row.stance}) != &row) continue;
    }
    matrix->AddCell(row.agency, row.dimension, row.category, row.stance, row.paragraphs,
                    row.examples);
  }
  return Status::Ok();
}

Result<std::vector<ExampleId>> ParseIds(const std::vector<std::string>& ids,
                                        const std::string& where) {
  std::vector<ExampleId> parsed;
  for (const std::string& id : ids) {
    if (id.empty()) continue;
    std::optional<ExampleId> e = ParseExampleId(id);
    if (!e) return Status::Input(fmt::format("{}: '{}' is not a unit id (doc:number)", where, id));
    parsed.push_back(std::move(*e));
  }
  return parsed;
}

Result<LoadedMatrix> ParseTidyCsv(std::string_view data, const std::string& name,
                                  const MatrixOptions& options) {
  auto records = ParseCsv(data, name);
  if (!records.ok()) return records.status();
  LoadedMatrix loaded{GapMatrix(options), {}, false};
  std::vector<ReadRow> rows;
  const std::vector<std::string> header = {"agency",     "dimension", "category",   "stance",
                                           "paragraphs", "share",     "example_ids"};
  if (records->empty() || (*records)[0] != header) {
    return Status::Input(
        fmt::format("{}:1: not a tidy matrix CSV (expected the header {})", name, kTidyHeader));
  }
  for (size_t r = 1; r < records->size(); ++r) {
    const std::vector<std::string>& f = (*records)[r];
    std::string where = fmt::format("{}: record {}", name, r + 1);
    if (f.size() != header.size()) {
      return Status::Input(
          fmt::format("{}: {} fields, expected {}", where, f.size(), header.size()));
    }
    ReadRow row;
    row.where = where;
    row.agency = UnneutraliseCsvField(f[0]);
    row.dimension = UnneutraliseCsvField(f[1]);
    row.category = UnneutraliseCsvField(f[2]);
    row.stance = UnneutraliseCsvField(f[3]);
    auto [ptr, ec] = std::from_chars(f[4].data(), f[4].data() + f[4].size(), row.paragraphs);
    if (ec != std::errc() || ptr != f[4].data() + f[4].size() || row.paragraphs < 0) {
      return Status::Input(fmt::format("{}: paragraphs '{}' is not a count", where, f[4]));
    }
    std::vector<std::string> ids;
    std::string field = UnneutraliseCsvField(f[6]);
    size_t start = 0;
    while (start <= field.size()) {
      size_t space = field.find(' ', start);
      if (space == std::string::npos) space = field.size();
      ids.push_back(field.substr(start, space - start));
      start = space + 1;
    }
    auto examples = ParseIds(ids, where);
    if (!examples.ok()) return examples.status();
    row.examples = std::move(*examples);
    rows.push_back(std::move(row));
  }
  GAPMAP_RETURN_IF_ERROR(AddRows(rows, &loaded.matrix));
  loaded.provenance.tool_version = GAPMAP_VERSION;
  loaded.provenance.inputs.push_back(
      InputDigest{name, static_cast<uint64_t>(data.size()), Sha256::HexOf(data)});
  return loaded;
}

class JsonError {
 public:
  explicit JsonError(std::string m) : message(std::move(m)) {}
  std::string message;
};

const json& Field(const json& object, const char* key, const std::string& where) {
  if (!object.is_object()) throw JsonError(fmt::format("{}: expected an object", where));
  auto it = object.find(key);
  if (it == object.end()) throw JsonError(fmt::format("{}: missing '{}'", where, key));
  return *it;
}

std::string String(const json& v, const std::string& where) {
  if (!v.is_string()) throw JsonError(fmt::format("{}: expected a string", where));
  return v.get<std::string>();
}

std::vector<std::string> Strings(const json& v, const std::string& where) {
  if (v.is_null()) return {};
  if (!v.is_array()) throw JsonError(fmt::format("{}: expected an array of strings", where));
  std::vector<std::string> out;
  for (const json& s : v) out.push_back(String(s, where));
  return out;
}

int64_t Count(const json& v, const std::string& where) {
  if (!v.is_number_integer() || v.get<int64_t>() < 0) {
    throw JsonError(fmt::format("{}: expected a non-negative integer", where));
  }
  return v.get<int64_t>();
}

Result<LoadedMatrix> FromJson(const json& doc, const std::string& name) {
  try {
    if (!doc.is_object() || doc.value("format", "") != "gapmap-matrix") {
      return Status::Input(
          fmt::format("{}: not a gapmap matrix (no \"format\": \"gapmap-matrix\")", name));
    }
    if (doc.value("format_version", 0) != 1) {
      return Status::Input(fmt::format("{}: unsupported matrix format_version", name));
    }
    const json& o = Field(doc, "options", name);
    MatrixOptions options;
    std::optional<MatrixBy> by =
        ParseMatrixBy(String(Field(o, "by", name + ": options"), name + ": options.by"));
    if (!by) return Status::Input(fmt::format("{}: options.by must be agency or mentions", name));
    options.by = *by;
    options.dimensions =
        Strings(Field(o, "dimensions", name + ": options"), name + ": options.dimensions");
    options.stances = Strings(Field(o, "stances", name + ": options"), name + ": options.stances");
    const json& examples = Field(o, "examples", name + ": options");
    options.max_examples = examples.is_string() && examples.get<std::string>() == "all"
                               ? -1
                               : Count(examples, name + ": options.examples");
    std::optional<Normalize> normalize = ParseNormalize(
        String(Field(o, "normalize", name + ": options"), name + ": options.normalize"));
    if (!normalize)
      return Status::Input(fmt::format("{}: options.normalize must be row, col or none", name));

    LoadedMatrix loaded{GapMatrix(options), {}, true};
    MatrixProvenance& p = loaded.provenance;
    p.normalize = *normalize;
    p.tool_version = String(Field(Field(doc, "tool", name), "version", name + ": tool"),
                            name + ": tool.version");
    const json& hash = Field(Field(doc, "rules", name), "content_hash", name + ": rules");
    p.rules_hash = hash.is_null() ? "" : String(hash, name + ": rules.content_hash");
    for (const json& input : Field(doc, "inputs", name)) {
      std::string where = name + ": inputs";
      p.inputs.push_back(
          InputDigest{String(Field(input, "name", where), where),
                      static_cast<uint64_t>(Count(Field(input, "bytes", where), where)),
                      String(Field(input, "sha256", where), where)});
    }
    SortInputs(&p.inputs);
    const json& units = Field(doc, "units", name);
    loaded.matrix.AddUnitCounts(
        Count(Field(units, "content", name + ": units"), name + ": units.content"),
        Count(Field(units, "without_owner", name + ": units"), name + ": units.without_owner"));
    for (const json& d : Field(doc, "dimensions", name)) {
      std::string dimension =
          String(Field(d, "name", name + ": dimensions"), name + ": dimensions");
      std::vector<std::string> categories =
          Strings(Field(d, "categories", name + ": dimensions"), name + ": dimensions");
      loaded.matrix.DeclareDimension(dimension);
      for (const std::string& c : categories) loaded.matrix.DeclareCategory(dimension, c);
    }
    for (const std::string& s : Strings(Field(doc, "stances", name), name + ": stances")) {
      if (s != kAllLabel) loaded.matrix.DeclareStance(s);
    }
    std::vector<ReadRow> rows;
    const json& cells = Field(doc, "cells", name);
    if (!cells.is_array()) return Status::Input(fmt::format("{}: cells must be an array", name));
    for (size_t i = 0; i < cells.size(); ++i) {
      const json& c = cells[i];
      ReadRow row;
      row.where = fmt::format("{}: cells[{}]", name, i);
      row.agency = String(Field(c, "agency", row.where), row.where);
      row.dimension = String(Field(c, "dimension", row.where), row.where);
      row.category = String(Field(c, "category", row.where), row.where);
      row.stance = String(Field(c, "stance", row.where), row.where);
      row.paragraphs = Count(Field(c, "paragraphs", row.where), row.where);
      auto ids = ParseIds(Strings(Field(c, "example_ids", row.where), row.where), row.where);
      if (!ids.ok()) return ids.status();
      row.examples = std::move(*ids);
      rows.push_back(std::move(row));
    }
    GAPMAP_RETURN_IF_ERROR(AddRows(rows, &loaded.matrix));
    GAPMAP_RETURN_IF_ERROR(loaded.matrix.status());
    return loaded;
  } catch (const json::exception& e) {
    std::string what = e.what();
    if (size_t bracket = what.find("] "); bracket != std::string::npos) what.erase(0, bracket + 2);
    return Status::Input(fmt::format("{}: invalid JSON: {}", name, what));
  } catch (const JsonError& e) {
    return Status::Input(e.message);
  }
}

// Every JSON value of `data`, one after another (whitespace between them).
Result<std::vector<json>> ParseJsonStream(std::string_view data, const std::string& name) {
  std::vector<json> values;
  std::istringstream in{std::string(data)};
  try {
    while ((in >> std::ws).peek() != std::char_traits<char>::eof()) {
      json value;
      in >> value;
      values.push_back(std::move(value));
    }
  } catch (const json::exception& e) {
    std::string what = e.what();
    if (size_t bracket = what.find("] "); bracket != std::string::npos) what.erase(0, bracket + 2);
    return Status::Input(fmt::format("{}: invalid JSON: {}", name, what));
  }
  return values;
}

// The pieces of concatenated tidy CSVs: a new piece starts at every header line.
std::vector<std::string_view> SplitAtHeaders(std::string_view data) {
  std::vector<std::string_view> pieces;
  size_t start = 0;
  size_t at = 0;
  while (at < data.size()) {
    size_t end = data.find('\n', at);
    if (end == std::string_view::npos) end = data.size();
    std::string_view line = data.substr(at, end - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line == kTidyHeader && at > start) {
      pieces.push_back(data.substr(start, at - start));
      start = at;
    }
    at = end + 1;
  }
  pieces.push_back(data.substr(start));
  return pieces;
}

}  // namespace

bool LooksLikeMatrix(std::string_view head) {
  size_t start = head.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return false;
  head.remove_prefix(start);
  if (head.substr(0, kTidyHeader.size()) == kTidyHeader) return true;
  return head.front() == '{' &&
         head.substr(0, 200).find("\"gapmap-matrix\"") != std::string_view::npos;
}

Result<std::vector<LoadedMatrix>> ParseMatrices(std::string_view data, const std::string& name,
                                                const MatrixOptions& csv_options) {
  std::vector<LoadedMatrix> matrices;
  size_t start = data.find_first_not_of(" \t\r\n");
  if (start != std::string_view::npos && data[start] == '{') {
    Result<std::vector<json>> values = ParseJsonStream(data, name);
    if (!values.ok()) return values.status();
    for (size_t i = 0; i < values->size(); ++i) {
      std::string where = values->size() == 1 ? name : fmt::format("{} (matrix {})", name, i + 1);
      Result<LoadedMatrix> m = FromJson((*values)[i], where);
      if (!m.ok()) return m.status();
      matrices.push_back(std::move(*m));
    }
    return matrices;
  }
  std::vector<std::string_view> pieces = SplitAtHeaders(data);
  for (size_t i = 0; i < pieces.size(); ++i) {
    std::string where = pieces.size() == 1 ? name : fmt::format("{} (matrix {})", name, i + 1);
    Result<LoadedMatrix> m = ParseTidyCsv(pieces[i], where, csv_options);
    if (!m.ok()) return m.status();
    if (pieces.size() > 1) m->provenance.inputs[0].name = where;
    matrices.push_back(std::move(*m));
  }
  return matrices;
}

Result<LoadedMatrix> ParseMatrix(std::string_view data, const std::string& name,
                                 const MatrixOptions& csv_options) {
  Result<std::vector<LoadedMatrix>> all = ParseMatrices(data, name, csv_options);
  if (!all.ok()) return all.status();
  if (all->size() != 1) {
    return Status::Input(fmt::format("{}: holds {} matrices, expected one", name, all->size()));
  }
  return std::move(all->front());
}

Result<std::string> ReadWholeFile(const std::string& path) {
  Result<std::unique_ptr<FdSource>> source = FdSource::Open(path);
  if (!source.ok()) return source.status();
  std::string data;
  GAPMAP_RETURN_IF_ERROR(AppendRemaining(source->get(), &data));
  return data;
}

Result<std::vector<LoadedMatrix>> ReadMatrixFile(const std::string& path,
                                                 const MatrixOptions& csv_options) {
  Result<std::string> data = ReadWholeFile(path);
  if (!data.ok()) return data.status();
  return ParseMatrices(*data, path == "-" ? "<stdin>" : path, csv_options);
}

}  // namespace gapmap
