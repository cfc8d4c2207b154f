#include "lib/sinks/csv.h"

#include <fmt/format.h>

namespace gapmap {
namespace {

bool IsFormulaTrigger(char c) {
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\'';
}

}  // namespace

void AppendCsvField(std::string* out, std::string_view field, char delimiter) {
  bool neutralise = !field.empty() && IsFormulaTrigger(field.front());
  bool quote =
      field.find_first_of(std::string{delimiter, '"', '\r', '\n'}) != std::string_view::npos;
  if (!quote) {
    if (neutralise) out->push_back('\'');
    out->append(field);
    return;
  }
  out->push_back('"');
  if (neutralise) out->push_back('\'');
  for (char c : field) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

void AppendCsvRecord(std::string* out, const std::vector<std::string_view>& fields,
                     char delimiter) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out->push_back(delimiter);
    AppendCsvField(out, fields[i], delimiter);
  }
  out->push_back('\n');
}

std::string UnneutraliseCsvField(std::string_view field) {
  if (field.size() >= 2 && field.front() == '\'' && IsFormulaTrigger(field[1])) {
    field.remove_prefix(1);
  }
  return std::string(field);
}

Result<std::vector<std::vector<std::string>>> ParseCsv(std::string_view data, std::string_view name,
                                                       char delimiter) {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> record;
  std::string field;
  int line = 1;
  size_t i = 0;
  bool record_open = false;  // something of the current record was read
  auto end_field = [&] {
    record.push_back(std::move(field));
    field.clear();
  };
  auto end_record = [&] {
    end_field();
    records.push_back(std::move(record));
    record.clear();
    record_open = false;
  };
  while (i < data.size()) {
    char c = data[i];
    if (c == '"' && field.empty()) {
      // A quoted field: runs to the next lone quote.
      int start_line = line;
      ++i;
      for (;;) {
        if (i >= data.size()) {
          return Status::Input(fmt::format("{}:{}: unterminated quoted field", name, start_line));
        }
        if (data[i] == '"') {
          if (i + 1 < data.size() && data[i + 1] == '"') {
            field.push_back('"');
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        if (data[i] == '\n') ++line;
        field.push_back(data[i++]);
      }
      record_open = true;
      if (i < data.size() && data[i] != delimiter && data[i] != '\n' && data[i] != '\r') {
        return Status::Input(
            fmt::format("{}:{}: unexpected character after a quoted field", name, line));
      }
      continue;
    }
    if (c == delimiter) {
      end_field();
      record_open = true;
      ++i;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < data.size() && data[i + 1] == '\n') ++i;
      ++i;
      if (record_open || !field.empty()) end_record();
      ++line;
    } else {
      field.push_back(c);
      record_open = true;
      ++i;
    }
  }
  if (record_open || !field.empty()) end_record();
  return records;
}

}  // namespace gapmap
