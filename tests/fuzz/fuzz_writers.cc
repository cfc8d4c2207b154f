// Fuzz target: units with arbitrary text (any bytes: invalid UTF-8, control
// characters, quotes, U+2028...) must round-trip through the writers.
//
// JSONL: AppendUnitJson gives exactly one line that nlohmann-json parses, and
// every string field reads back as the input with ill-formed bytes replaced by
// U+FFFD (the writers' contract: output is always valid UTF-8), labels and
// evidence included.
//
// CSV and TSV: UnitCsvWriter (`gapmap tag --format csv|tsv`) writes through a
// real Output (a memfd); a small strict RFC 4180 parser written here, not the
// project's own reader, splits the bytes back into a header and one row, and
// every field reads back byte for byte once its formula-neutralising
// apostrophe is removed. No field may start with a formula trigger. Valid
// UTF-8 in gives valid UTF-8 out. lib/sinks/csv.h's ParseCsv must agree.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lib/core/schema.h"
#include "lib/core/tagged_unit.h"
#include "lib/core/unit.h"
#include "lib/core/utf8.h"
#include "lib/sinks/csv.h"
#include "lib/sinks/jsonl_writer.h"
#include "lib/sinks/output.h"
#include "lib/sinks/unit_csv_writer.h"
#include "tests/fuzz/fuzz_check.h"

namespace gapmap {
namespace {

std::string Repaired(std::string_view s) {
  std::string out;
  AppendRepairedUtf8(&out, s);
  return out;
}

// A string or null field as the JSONL contract writes it: empty means null.
void CheckNullable(const nlohmann::json& value, const std::string& expected) {
  if (expected.empty()) {
    FUZZ_CHECK(value.is_null());
  } else {
    FUZZ_CHECK(value.is_string() && value.get<std::string>() == Repaired(expected));
  }
}

void CheckJsonl(const TaggedUnit& tagged, const Schema* schema) {
  std::string line;
  AppendUnitJson(tagged, schema, &line);
  // One unit, one line: a raw newline inside would break every JSONL reader.
  FUZZ_CHECK(!line.empty() && line.back() == '\n');
  FUZZ_CHECK(line.find('\n') == line.size() - 1);
  FUZZ_CHECK(IsValidUtf8(line));
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  FUZZ_CHECK(j.is_object());

  const Unit& unit = tagged.unit;
  FUZZ_CHECK(j["doc"] == Repaired(unit.doc));
  FUZZ_CHECK(j["id"] == Repaired(UnitId(unit.doc, unit.ordinal)));
  FUZZ_CHECK(j["kind"] == std::string(KindName(unit.kind)));
  FUZZ_CHECK(j["line_start"] == unit.line_start);
  FUZZ_CHECK(j["line_end"] == unit.line_end);
  FUZZ_CHECK(j["text"] == Repaired(unit.text));
  FUZZ_CHECK(j["section"].is_array() && j["section"].size() == unit.section.path.size());
  for (size_t i = 0; i < unit.section.path.size(); ++i) {
    FUZZ_CHECK(j["section"][i] == Repaired(unit.section.path[i]));
  }
  CheckNullable(j["agency"], unit.section.agency);
  CheckNullable(j["part"], unit.section.part);
  if (unit.marker.empty()) {
    FUZZ_CHECK(!j.contains("marker"));
  } else {
    FUZZ_CHECK(j["marker"] == Repaired(unit.marker));
  }
  if (schema == nullptr) {
    FUZZ_CHECK(!j.contains("evidence"));
    return;
  }
  for (int d = 0; d < schema->dimension_count(); ++d) {
    const Dimension& dim = schema->dimension(d);
    const nlohmann::json& field = j[Repaired(dim.name)];
    const std::vector<uint16_t>& labels = tagged.labels[d];
    if (!dim.multi) {
      if (labels.empty()) {
        FUZZ_CHECK(field.is_null());
      } else {
        FUZZ_CHECK(field == Repaired(dim.labels[labels.front()]));
      }
      continue;
    }
    FUZZ_CHECK(field.is_array() && field.size() == labels.size());
    for (size_t i = 0; i < labels.size(); ++i) {
      FUZZ_CHECK(field[i] == Repaired(dim.labels[labels[i]]));
    }
  }
  const nlohmann::json& evidence = j["evidence"];
  FUZZ_CHECK(evidence.is_array() && evidence.size() == tagged.evidence.size());
  for (size_t i = 0; i < tagged.evidence.size(); ++i) {
    const Evidence& e = tagged.evidence[i];
    const nlohmann::json& ej = evidence[i];
    FUZZ_CHECK(ej["field"] == Repaired(schema->dimension(e.dimension).name));
    FUZZ_CHECK(ej["label"] == Repaired(schema->label_name(e.dimension, e.label)));
    FUZZ_CHECK(ej["rule"] == Repaired(schema->rule_id(static_cast<int>(e.rule))));
    FUZZ_CHECK(ej["begin"] == e.begin);
    FUZZ_CHECK(ej["end"] == e.end);
    // The match is the text's span, clamped to the text.
    size_t begin = std::min<size_t>(e.begin, unit.text.size());
    size_t end = std::min<size_t>(std::max<size_t>(e.end, begin), unit.text.size());
    FUZZ_CHECK(ej["match"] == Repaired(std::string_view(unit.text).substr(begin, end - begin)));
  }
}

// RFC 4180, strictly: records end with "\n" (the writers never write "\r\n"),
// a quoted field is "..." with "" for a quote and must be followed by the
// delimiter or the record end, an unquoted field holds no quote, CR or LF.
// nullopt if `data` is not such a file.
std::optional<std::vector<std::vector<std::string>>> ParseStrictCsv(std::string_view data,
                                                                    char delimiter) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  size_t i = 0;
  while (i < data.size()) {
    std::string field;
    if (data[i] == '"') {
      ++i;
      for (;;) {
        if (i >= data.size()) return std::nullopt;  // unterminated
        if (data[i] == '"') {
          if (i + 1 < data.size() && data[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field.push_back(data[i++]);
      }
      if (i < data.size() && data[i] != delimiter && data[i] != '\n') return std::nullopt;
    } else {
      while (i < data.size() && data[i] != delimiter && data[i] != '\n') {
        if (data[i] == '"' || data[i] == '\r') return std::nullopt;
        field.push_back(data[i++]);
      }
    }
    record.push_back(std::move(field));
    if (i >= data.size()) return std::nullopt;  // every record ends with \n
    if (data[i] == '\n') {
      records.push_back(std::move(record));
      record.clear();
    }
    ++i;
  }
  return records;
}

bool IsFormulaStart(std::string_view field) {
  return !field.empty() && (field[0] == '=' || field[0] == '+' || field[0] == '-' ||
                            field[0] == '@' || field[0] == '\t' || field[0] == '\r');
}

// A memfd behind a real Output: what `gapmap tag -o` would write, in memory.
class MemoryOutput {
 public:
  MemoryOutput() {
    fd_ = ::memfd_create("fuzz-writers", MFD_CLOEXEC);
    FUZZ_CHECK(fd_ >= 0);
    path_ = "/proc/self/fd/" + std::to_string(fd_);
  }
  ~MemoryOutput() { ::close(fd_); }
  // Runs `write` against a fresh Output and returns the bytes it committed.
  template <typename F>
  std::string Capture(F write) {
    FUZZ_CHECK(::ftruncate(fd_, 0) == 0);
    {
      auto output = Output::Open(path_);
      FUZZ_CHECK(output.ok());
      write(output->get());
      FUZZ_CHECK((*output)->Commit().ok());
    }
    std::string bytes(static_cast<size_t>(::lseek(fd_, 0, SEEK_END)), '\0');
    FUZZ_CHECK(::pread(fd_, bytes.data(), bytes.size(), 0) == static_cast<ssize_t>(bytes.size()));
    return bytes;
  }

 private:
  int fd_;
  std::string path_;
};

void CheckCsv(const TaggedUnit& tagged, const Schema* schema, char delimiter) {
  static MemoryOutput memory;
  std::string bytes = memory.Capture([&](Output* output) {
    UnitCsvWriter writer(schema, output, delimiter);
    FUZZ_CHECK(writer.Write(tagged).ok());
    FUZZ_CHECK(writer.Finish().ok());
  });
  std::optional<std::vector<std::vector<std::string>>> records = ParseStrictCsv(bytes, delimiter);
  FUZZ_CHECK(records.has_value());
  FUZZ_CHECK(records->size() == 2);
  const std::vector<std::string>& header = (*records)[0];
  const std::vector<std::string>& row = (*records)[1];
  FUZZ_CHECK(row.size() == header.size());
  for (const std::string& field : row) FUZZ_CHECK(!IsFormulaStart(field));
  auto field = [&](std::string_view name) -> std::string {
    for (size_t i = 0; i < header.size(); ++i) {
      if (header[i] == name) return UnneutraliseCsvField(row[i]);
    }
    FUZZ_CHECK(false && "column missing");
    return {};
  };
  const Unit& unit = tagged.unit;
  FUZZ_CHECK(header.front() == "id" && header.back() == "text");
  FUZZ_CHECK(field("id") == UnitId(unit.doc, unit.ordinal));
  FUZZ_CHECK(field("doc") == unit.doc);
  FUZZ_CHECK(field("line_start") == std::to_string(unit.line_start));
  FUZZ_CHECK(field("line_end") == std::to_string(unit.line_end));
  FUZZ_CHECK(field("kind") == KindName(unit.kind));
  FUZZ_CHECK(field("agency") == unit.section.agency);
  FUZZ_CHECK(field("part") == unit.section.part);
  FUZZ_CHECK(UnneutraliseCsvField(row.back()) == unit.text);
  if (schema != nullptr) {
    for (int d = 0; d < schema->dimension_count(); ++d) {
      std::string joined;
      for (uint16_t label : tagged.labels[d]) {
        if (!joined.empty()) joined.push_back(';');
        joined += schema->label_name(d, label);
      }
      FUZZ_CHECK(field(schema->dimension(d).name) == joined);
    }
  }
  bool valid_in = IsValidUtf8(unit.doc) && IsValidUtf8(unit.text) &&
                  IsValidUtf8(unit.section.agency) && IsValidUtf8(unit.section.part);
  if (schema != nullptr) {
    for (int d = 0; d < schema->dimension_count(); ++d) {
      valid_in = valid_in && IsValidUtf8(schema->dimension(d).name);
      for (const std::string& label : schema->dimension(d).labels) {
        valid_in = valid_in && IsValidUtf8(label);
      }
    }
  }
  if (valid_in) FUZZ_CHECK(IsValidUtf8(bytes));
  // The project's reader agrees with this one.
  Result<std::vector<std::vector<std::string>>> theirs = ParseCsv(bytes, "<fuzz>", delimiter);
  FUZZ_CHECK(theirs.ok());
  FUZZ_CHECK(*theirs == *records);
}

}  // namespace
}  // namespace gapmap

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gapmap;
  fuzz::InputReader in(data, size);
  TaggedUnit tagged;
  Unit& unit = tagged.unit;
  unit.kind = static_cast<UnitKind>(in.Byte() % kUnitKindCount);
  unit.ordinal = in.Number(1u << 20);
  unit.line_start = in.Number(1u << 20);
  unit.line_end = unit.line_start + in.Number(1000);
  const bool with_schema = in.Bool();
  const int path_size = in.Byte() % 4;
  unit.doc = in.String();
  unit.marker = in.String();
  unit.section.agency = in.String();
  unit.section.part = in.String();
  for (int i = 0; i < path_size; ++i) unit.section.path.push_back(in.String());

  Schema schema;
  if (with_schema) {
    // stance (single) and fourp (multi) as the real rules have, plus a
    // user-defined dimension whose name and labels are arbitrary bytes.
    int stance = schema.InternDimension("stance", false);
    int fourp = schema.InternDimension("fourp", true);
    // (Names are built with append: GCC 12 warns falsely on operator+ here.)
    std::string custom_name = "x";
    custom_name.append(in.String());
    int custom = schema.InternDimension(custom_name, in.Bool());
    for (int d : {stance, fourp, custom}) {
      int labels = 1 + in.Byte() % 3;
      for (int l = 0; l < labels; ++l) {
        std::string label = in.String();
        label.append(std::to_string(l));
        schema.InternLabel(d, label);
      }
    }
    int rules = 1 + in.Byte() % 3;
    for (int r = 0; r < rules; ++r) {
      std::string rule = in.String();
      rule.append("#").append(std::to_string(r));
      schema.InternRule(rule);
    }
    tagged.labels.resize(schema.dimension_count());
    for (int d = 0; d < schema.dimension_count(); ++d) {
      const Dimension& dim = schema.dimension(d);
      int n = dim.multi ? in.Byte() % (dim.labels.size() + 1) : in.Byte() % 2;
      for (int l = 0; l < n; ++l) tagged.labels[d].push_back(static_cast<uint16_t>(l));
    }
    int hits = in.Byte() % 4;
    for (int h = 0; h < hits; ++h) {
      Evidence e;
      e.dimension = static_cast<uint16_t>(in.Byte() % schema.dimension_count());
      e.label = static_cast<uint16_t>(in.Byte() % schema.dimension(e.dimension).labels.size());
      e.rule = in.Byte() % schema.rule_count();
      e.begin = in.Number(300);
      e.end = in.Number(300);
      tagged.evidence.push_back(e);
    }
  }
  unit.text = in.Rest();
  const Schema* s = with_schema ? &schema : nullptr;
  CheckJsonl(tagged, s);
  CheckCsv(tagged, s, unit.ordinal % 2 == 0 ? ',' : '\t');
  return 0;
}
