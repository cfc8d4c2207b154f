#include "lib/report/report_data.h"

#include <fmt/format.h>

#include <charconv>
#include <map>
#include <tuple>

#include "lib/core/json_writer.h"

namespace gapmap {
namespace {

constexpr int64_t kNull = -1;

class JsonOut {
 public:
  explicit JsonOut(std::string* out) : out_(out) {}
  JsonOut& Raw(std::string_view s) {
    out_->append(s);
    return *this;
  }
  JsonOut& Str(std::string_view s) {
    AppendJsonString(out_, s, /*html_safe=*/true);
    return *this;
  }
  JsonOut& Int(int64_t v) {
    char buffer[24];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, v);
    out_->append(buffer, end);
    return *this;
  }
  JsonOut& Key(std::string_view key) {  // ,"key":
    out_->push_back(',');
    Str(key);
    out_->push_back(':');
    return *this;
  }
  JsonOut& Strings(const std::vector<std::string>& names) {
    out_->push_back('[');
    for (size_t i = 0; i < names.size(); ++i) {
      if (i > 0) out_->push_back(',');
      Str(names[i]);
    }
    out_->push_back(']');
    return *this;
  }
  template <typename T>
  JsonOut& Ints(const std::vector<T>& values) {
    out_->push_back('[');
    for (size_t i = 0; i < values.size(); ++i) {
      if (i > 0) out_->push_back(',');
      Int(static_cast<int64_t>(values[i]));
    }
    out_->push_back(']');
    return *this;
  }

 private:
  std::string* out_;
};

int64_t OrNull(uint32_t index) { return index == ReportUnit::kNone ? kNull : int64_t{index}; }

using CellKey = std::tuple<std::string_view, std::string_view, std::string_view, std::string_view>;

}  // namespace

Result<std::string> FormatReportData(const GapMatrix& matrix, const MatrixProvenance& provenance,
                                     const ReportUnits& units, const ReportDataOptions& options) {
  if (matrix.options().max_examples >= 0) {
    return Status::Internal("report: the matrix must keep every example id");
  }
  // Every cell's units, as indices into the store.
  std::vector<MatrixRow> rows = matrix.Rows(Normalize::kNone);
  std::map<CellKey, std::vector<int64_t>> cell_units;
  std::vector<char> referenced(units.units().size(), 0);
  for (const MatrixRow& row : rows) {
    if (static_cast<int64_t>(row.examples.size()) != row.paragraphs) {
      return Status::Internal(fmt::format(
          "report: cell {} {} {} {} counts {} paragraphs but lists {}", row.agency, row.dimension,
          row.category, row.stance, row.paragraphs, row.examples.size()));
    }
    std::vector<int64_t>& list = cell_units[{row.agency, row.dimension, row.category, row.stance}];
    list.reserve(row.examples.size());
    for (const ExampleId& id : row.examples) {
      int64_t index = units.Find(id);
      if (index < 0) {
        return Status::Internal(
            fmt::format("report: unit {} of the matrix was not kept", FormatExampleId(id)));
      }
      list.push_back(index);
      referenced[index] = 1;
    }
  }
  // Only referenced units are written; `renumber` maps store index -> output.
  std::vector<int64_t> renumber(units.units().size(), kNull);
  int64_t written = 0;
  for (size_t i = 0; i < referenced.size(); ++i)
    if (referenced[i]) renumber[i] = written++;
  for (auto& [key, list] : cell_units)
    for (int64_t& index : list) index = renumber[index];

  std::string data;
  data.reserve(256 + units.units().size() * 600);
  JsonOut j(&data);
  j.Raw("{\"version\":1").Key("title").Str(options.title);
  j.Key("tool").Str("gapmap " + provenance.tool_version);
  j.Key("rulesHash").Str(provenance.rules_hash);
  j.Key("by").Str(MatrixByName(matrix.options().by));
  j.Key("normalize").Str(NormalizeName(provenance.normalize));
  j.Key("crowded").Int(options.gaps.crowded_agencies);
  j.Key("minParagraphs").Int(options.gaps.min_paragraphs);
  j.Key("contentUnits").Int(matrix.content_units());
  j.Key("withoutOwner").Int(matrix.units_without_owner());
  j.Key("inputs").Raw("[");
  for (size_t i = 0; i < provenance.inputs.size(); ++i) {
    const InputDigest& input = provenance.inputs[i];
    j.Raw(i > 0 ? ",[" : "[").Str(input.name).Raw(",").Int(static_cast<int64_t>(input.bytes));
    j.Raw(",").Str(input.sha256).Raw("]");
  }
  j.Raw("]");
  j.Key("docs").Strings(units.docs());
  j.Key("kinds").Strings(units.kinds());
  j.Key("agencies").Strings(units.agencies());
  j.Key("parts").Strings(units.parts());
  j.Key("sections").Strings(units.sections());
  j.Key("dims").Strings(units.dimensions());
  j.Key("rules").Strings(units.rules());
  j.Key("labels").Raw("[");
  for (size_t i = 0; i < units.labels().size(); ++i) {
    const ReportLabel& label = units.labels()[i];
    j.Raw(i > 0 ? ",[" : "[").Int(label.dimension).Raw(",").Str(label.name).Raw("]");
  }
  j.Raw("]");

  j.Key("units").Raw("[");
  bool first = true;
  for (size_t i = 0; i < units.units().size(); ++i) {
    if (!referenced[i]) continue;
    const ReportUnit& u = units.units()[i];
    j.Raw(first ? "\n[" : ",\n[");
    first = false;
    j.Int(u.doc).Raw(",").Int(u.ordinal).Raw(",").Int(u.kind).Raw(",");
    j.Int(u.line_start).Raw(",").Int(u.line_end).Raw(",");
    j.Int(OrNull(u.agency)).Raw(",").Int(OrNull(u.part)).Raw(",").Int(u.section).Raw(",");
    j.Ints(u.labels).Raw(",").Str(u.text).Raw(",").Ints(u.evidence).Raw("]");
  }
  j.Raw("]");

  const std::vector<std::string> row_names = matrix.Agencies();
  std::map<std::string_view, int64_t> row_index;
  for (size_t i = 0; i < row_names.size(); ++i) row_index[row_names[i]] = static_cast<int64_t>(i);
  j.Key("rows").Strings(row_names);

  static const std::vector<int64_t> kEmpty;
  auto units_of = [&](std::string_view agency, std::string_view dimension,
                      std::string_view category,
                      std::string_view stance) -> const std::vector<int64_t>& {
    auto it = cell_units.find({agency, dimension, category, stance});
    return it == cell_units.end() ? kEmpty : it->second;
  };

  std::vector<GapTable> tables = BuildGapView(matrix, options.gaps);
  j.Key("views").Raw("[");
  for (size_t t = 0; t < tables.size(); ++t) {
    const GapTable& table = tables[t];
    j.Raw(t > 0 ? ",\n{" : "\n{").Raw("\"dim\":").Str(table.dimension);
    j.Key("stance").Str(table.stance);
    j.Key("cats").Strings(table.categories);
    j.Key("crowded").Int(table.crowded_threshold);
    j.Key("cover").Raw("[");
    for (size_t c = 0; c < table.coverage.size(); ++c) {
      if (c > 0) j.Raw(",");
      j.Int(static_cast<int64_t>(table.coverage[c].coverage == Coverage::kUnaddressed ? 0
                                 : table.coverage[c].coverage == Coverage::kCovered   ? 1
                                                                                      : 2));
    }
    j.Raw("]").Key("agencies").Raw("[");
    for (size_t a = 0; a < table.agencies.size(); ++a) {
      if (a > 0) j.Raw(",");
      j.Int(row_index.at(table.agencies[a]));
    }
    j.Raw("]").Key("totals").Ints(table.agency_paragraphs);
    j.Key("counts").Raw("[");
    for (size_t a = 0; a < table.agencies.size(); ++a) {
      j.Raw(a > 0 ? "," : "").Ints(table.paragraphs[a]);
    }
    j.Raw("]").Key("units").Raw("[");
    for (size_t a = 0; a < table.agencies.size(); ++a) {
      j.Raw(a > 0 ? ",[" : "[");
      for (size_t c = 0; c < table.categories.size(); ++c) {
        const std::vector<int64_t>& list =
            units_of(table.agencies[a], table.dimension, table.categories[c], table.stance);
        if (static_cast<int64_t>(list.size()) != table.paragraphs[a][c]) {
          return Status::Internal("report: a cell's unit list and count differ");
        }
        j.Raw(c > 0 ? "," : "").Ints(list);
      }
      j.Raw("]");
    }
    j.Raw("]}");
  }
  j.Raw("]");

  // The row totals (category `all`) are the same cell in every dimension:
  // written once per stance, from the first dimension.
  j.Key("rowUnits").Raw("[");
  std::string first_dimension;
  bool first_stance = true;
  for (const GapTable& table : tables) {
    if (first_dimension.empty()) first_dimension = table.dimension;
    if (table.dimension != first_dimension) continue;
    j.Raw(first_stance ? "\n{" : ",\n{").Raw("\"stance\":").Str(table.stance);
    first_stance = false;
    j.Key("agencies").Raw("[");
    for (size_t a = 0; a < table.agencies.size(); ++a) {
      if (a > 0) j.Raw(",");
      j.Int(row_index.at(table.agencies[a]));
    }
    j.Raw("]").Key("units").Raw("[");
    for (size_t a = 0; a < table.agencies.size(); ++a) {
      j.Raw(a > 0 ? "," : "")
          .Ints(units_of(table.agencies[a], table.dimension, kAllLabel, table.stance));
    }
    j.Raw("]}");
  }
  j.Raw("]}");
  return data;
}

}  // namespace gapmap
