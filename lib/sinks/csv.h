// CSV: RFC 4180 fields for every CSV and TSV writer of gapmap, and the
// matching reader, so that what the matrix writers emit can be read back
// exactly (`gapmap merge`, `--check`).
//
// Writing: a field is quoted when it holds the delimiter, a double quote, CR
// or LF; quotes are doubled. Records end with "\n". A field that a
// spreadsheet would evaluate as a formula (first character `=`, `+`, `-`,
// `@`, tab or CR) is neutralised by prefixing an apostrophe; a field that
// already starts with an apostrophe gets one too, so that reading strips
// exactly one and round-trips every value.
//
// Reading: RFC 4180 with "\n" or "\r\n" record ends; a quoted field may span
// lines. UnneutraliseCsvField() undoes the apostrophe.
#ifndef GAPMAP_SINKS_CSV_H_
#define GAPMAP_SINKS_CSV_H_

#include <string>
#include <string_view>
#include <vector>

#include "lib/core/status.h"

namespace gapmap {

// Appends `field` (neutralised and quoted as needed), without a delimiter.
void AppendCsvField(std::string* out, std::string_view field, char delimiter = ',');

// Appends the fields separated by `delimiter` and a "\n".
void AppendCsvRecord(std::string* out, const std::vector<std::string_view>& fields,
                     char delimiter = ',');

// Reverses the neutralising of AppendCsvField.
std::string UnneutraliseCsvField(std::string_view field);

// Parses `data` into records of raw (still neutralised) fields. `name` is used
// in messages ("name:line: unterminated quoted field"). A final record
// without a line end is accepted; empty lines are skipped.
Result<std::vector<std::vector<std::string>>> ParseCsv(std::string_view data, std::string_view name,
                                                       char delimiter = ',');

}  // namespace gapmap

#endif  // GAPMAP_SINKS_CSV_H_
