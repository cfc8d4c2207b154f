#include "lib/sinks/jsonl_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <nlohmann/json.hpp>
#include <string_view>

namespace gapmap {
namespace {

using nlohmann::json;

// Fields of FORMATS.md (and of gold files) that are not label dimensions.
// Numbers, booleans and objects are never dimensions either, so later
// additions of that shape need no entry here.
constexpr std::array<std::string_view, 17> kReservedFields = {
    "doc",      "id",      "unit",    "kind",       "kind_alt", "line_start",
    "line_end", "section", "agency",  "part",       "marker",   "text",
    "evidence", "title",   "lead_in", "byte_start", "byte_end"};

bool IsReserved(std::string_view key) {
  return std::find(kReservedFields.begin(), kReservedFields.end(), key) != kReservedFields.end();
}

// JSON lines are long only when a unit is; this bounds memory on garbage input.
constexpr size_t kMaxLineBytes = size_t{256} << 20;

class RecordError {
 public:
  explicit RecordError(std::string message) : message(std::move(message)) {}
  std::string message;
};

const json& Require(const json& record, const char* key) {
  auto it = record.find(key);
  if (it == record.end()) throw RecordError(fmt::format("missing field '{}'", key));
  return *it;
}

std::string GetString(const json& value, const char* key) {
  if (!value.is_string()) throw RecordError(fmt::format("field '{}': expected a string", key));
  return value.get<std::string>();
}

// Strings and null; null becomes "".
std::string GetNullableString(const json& record, const char* key) {
  auto it = record.find(key);
  if (it == record.end() || it->is_null()) return {};
  return GetString(*it, key);
}

uint32_t GetLineNumber(const json& value, const char* key) {
  if (!value.is_number_integer() || value.get<int64_t>() < 0 ||
      value.get<int64_t>() > static_cast<int64_t>(UINT32_MAX)) {
    throw RecordError(fmt::format("field '{}': expected a non-negative integer", key));
  }
  return static_cast<uint32_t>(value.get<int64_t>());
}

// "doc:0042" -> 42; 0 when the id has no numeric suffix.
uint32_t OrdinalFromId(std::string_view id) {
  size_t colon = id.rfind(':');
  if (colon == std::string_view::npos) return 0;
  uint32_t ordinal = 0;
  auto [ptr, ec] = std::from_chars(id.data() + colon + 1, id.data() + id.size(), ordinal);
  if (ec != std::errc() || ptr != id.data() + id.size()) return 0;
  return ordinal;
}

bool IsStringArray(const json& value) {
  if (!value.is_array()) return false;
  return std::all_of(value.begin(), value.end(), [](const json& v) { return v.is_string(); });
}

void ParseLabels(const json& record, Schema* schema, TaggedUnit* unit) {
  // Collected first: the schema may gain dimensions while this record is read.
  std::vector<std::pair<int, std::vector<uint16_t>>> found;
  for (auto it = record.begin(); it != record.end(); ++it) {
    const std::string& key = it.key();
    if (IsReserved(key)) continue;
    const json& value = *it;
    bool single = value.is_null() || value.is_string();
    bool multi = IsStringArray(value);
    if (!single && !multi) continue;  // a non-label field added later
    int d = schema->FindDimension(key);
    if (d < 0) {
      d = schema->InternDimension(key, multi);
    } else if (schema->dimension(d).multi != multi && !value.is_null()) {
      throw RecordError(
          fmt::format("field '{}': expected {}", key,
                      schema->dimension(d).multi ? "an array of labels" : "a label or null"));
    }
    std::vector<uint16_t> labels;
    if (value.is_string()) {
      labels.push_back(static_cast<uint16_t>(schema->InternLabel(d, value.get<std::string>())));
    } else if (multi) {
      for (const json& label : value) {
        labels.push_back(static_cast<uint16_t>(schema->InternLabel(d, label.get<std::string>())));
      }
    }
    const Dimension& dim = schema->dimension(d);
    std::sort(labels.begin(), labels.end(),
              [&](uint16_t a, uint16_t b) { return dim.labels[a] < dim.labels[b]; });
    labels.erase(std::unique(labels.begin(), labels.end()), labels.end());
    found.emplace_back(d, std::move(labels));
  }
  unit->labels.assign(schema->dimension_count(), {});
  for (auto& [d, labels] : found) unit->labels[d] = std::move(labels);
}

void ParseEvidence(const json& record, Schema* schema, TaggedUnit* unit) {
  unit->evidence.clear();
  auto it = record.find("evidence");
  if (it == record.end() || it->is_null()) return;
  if (!it->is_array()) throw RecordError("field 'evidence': expected an array");
  for (const json& e : *it) {
    if (!e.is_object()) throw RecordError("field 'evidence': expected objects");
    std::string field = GetString(Require(e, "field"), "evidence.field");
    int d = schema->FindDimension(field);
    if (d < 0) d = schema->InternDimension(field, true);
    Evidence evidence;
    evidence.dimension = static_cast<uint16_t>(d);
    evidence.label = static_cast<uint16_t>(
        schema->InternLabel(d, GetString(Require(e, "label"), "evidence.label")));
    evidence.rule =
        static_cast<uint32_t>(schema->InternRule(GetString(Require(e, "rule"), "evidence.rule")));
    evidence.begin = GetLineNumber(Require(e, "begin"), "evidence.begin");
    evidence.end = GetLineNumber(Require(e, "end"), "evidence.end");
    unit->evidence.push_back(evidence);
  }
  // Evidence may name a dimension no label field did.
  unit->labels.resize(schema->dimension_count());
}

void ParseRecord(const json& record, int64_t position, Schema* schema, TaggedUnit* tagged,
                 JsonlExtras* extras) {
  if (!record.is_object()) throw RecordError("expected a JSON object");
  Unit& unit = tagged->unit;
  unit.doc = GetString(Require(record, "doc"), "doc");
  std::string kind = GetString(Require(record, "kind"), "kind");
  std::optional<UnitKind> parsed = ParseKind(kind);
  if (!parsed) throw RecordError(fmt::format("field 'kind': unknown kind '{}'", kind));
  unit.kind = *parsed;
  unit.line_start = GetLineNumber(Require(record, "line_start"), "line_start");
  unit.line_end = GetLineNumber(Require(record, "line_end"), "line_end");
  if (unit.line_end < unit.line_start) {
    throw RecordError(
        fmt::format("line_end {} is before line_start {}", unit.line_end, unit.line_start));
  }
  unit.ordinal = 0;
  if (auto id = record.find("id"); id != record.end() && id->is_string()) {
    unit.ordinal = OrdinalFromId(id->get<std::string_view>());
  } else if (auto number = record.find("unit"); number != record.end()) {
    unit.ordinal = GetLineNumber(*number, "unit");
  }
  if (unit.ordinal == 0) unit.ordinal = static_cast<uint32_t>(position);
  unit.section.path.clear();
  if (auto section = record.find("section"); section != record.end() && !section->is_null()) {
    if (!IsStringArray(*section))
      throw RecordError("field 'section': expected an array of strings");
    for (const json& heading : *section) unit.section.path.push_back(heading.get<std::string>());
  }
  unit.section.agency = GetNullableString(record, "agency");
  unit.section.part = GetNullableString(record, "part");
  unit.marker = GetNullableString(record, "marker");
  unit.text = GetNullableString(record, "text");
  unit.byte_start = unit.byte_end = 0;
  unit.lead_in_ordinal = 0;
  ParseLabels(record, schema, tagged);
  ParseEvidence(record, schema, tagged);
  if (extras != nullptr) {
    extras->kind_alt.reset();
    std::string alt = GetNullableString(record, "kind_alt");
    if (!alt.empty()) {
      extras->kind_alt = ParseKind(alt);
      if (!extras->kind_alt)
        throw RecordError(fmt::format("field 'kind_alt': unknown kind '{}'", alt));
    }
  }
}

ReaderOptions JsonlReaderOptions() {
  ReaderOptions options;
  options.max_line_bytes = kMaxLineBytes;
  return options;
}

}  // namespace

JsonlReader::JsonlReader(ByteSource* source, Schema* schema)
    : source_(source),
      schema_(schema),
      lines_(source, JsonlReaderOptions()) {}

bool JsonlReader::Next(TaggedUnit* unit, JsonlExtras* extras) {
  if (!status_.ok()) return false;
  Line line;
  while (lines_.Next(&line)) {
    if (line.continued) {
      status_ = Status::Input(fmt::format("{}:{}: line longer than {} bytes", source_->name(),
                                          line.number, kMaxLineBytes));
      return false;
    }
    std::string_view text = line.text;
    if (text.find_first_not_of(" \t") == std::string_view::npos) continue;
    ++records_;
    try {
      json record = json::parse(text);
      ParseRecord(record, records_, schema_, unit, extras);
    } catch (const json::exception& e) {
      // nlohmann's messages start with "[json.exception.parse_error.101] ".
      std::string what = e.what();
      if (size_t bracket = what.find("] "); bracket != std::string::npos)
        what.erase(0, bracket + 2);
      status_ =
          Status::Input(fmt::format("{}:{}: invalid JSON: {}", source_->name(), line.number, what));
      return false;
    } catch (const RecordError& e) {
      status_ = Status::Input(fmt::format("{}:{}: {}", source_->name(), line.number, e.message));
      return false;
    }
    return true;
  }
  if (!lines_.status().ok()) status_ = lines_.status();
  return false;
}

Status ReadTaggedJsonl(const std::string& path, Schema* schema, UnitSink* sink) {
  Result<std::unique_ptr<FdSource>> source = FdSource::Open(path);
  if (!source.ok()) return source.status();
  JsonlReader reader(source->get(), schema);
  TaggedUnit unit;
  while (reader.Next(&unit)) GAPMAP_RETURN_IF_ERROR(sink->Write(unit));
  return reader.status();
}

}  // namespace gapmap
