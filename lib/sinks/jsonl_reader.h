// JsonlReader: tagged units read back from JSON Lines — the output of
// `gapmap tag` / `gapmap segment`, and the hand-labelled gold files — so that
// `gapmap eval`, `gapmap matrix` and friends can work from files as well as
// from documents tagged on the fly.
//
// Contract:
// - One JSON object per line; blank lines are skipped. Any other problem
//   (invalid JSON, a missing or mistyped required field) stops the reader with
//   an input error "file:line: what" in status().
// - Required fields: `doc`, `kind`, `line_start`, `line_end`. The ordinal comes
//   from `id` ("doc:0042" -> 42) or, in gold files, from `unit`; failing both,
//   from the record's position in the file.
// - Label dimensions are the fields not reserved by FORMATS.md (doc, id, unit,
//   kind, kind_alt, line_start, line_end, section, agency, part, marker, text,
//   evidence, ...) whose value is a string or null (single-valued dimension)
//   or an array of strings (multi-valued). Their names, labels and the rule ids
//   of `evidence` are interned into the caller's Schema; labels are sorted by
//   name as TaggedUnit requires. A file without label fields (`gapmap segment`
//   output) adds no dimension: callers can tell labels were absent.
// - `unit.labels` is sized to the schema's dimension count after the record
//   (the schema may grow as later records name new dimensions).
#ifndef GAPMAP_SINKS_JSONL_READER_H_
#define GAPMAP_SINKS_JSONL_READER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "lib/core/schema.h"
#include "lib/core/status.h"
#include "lib/core/tagged_unit.h"
#include "lib/sinks/sink.h"
#include "lib/source/byte_source.h"
#include "lib/source/line_reader.h"

namespace gapmap {

// What a record held besides the unit itself.
struct JsonlExtras {
  std::optional<UnitKind> kind_alt;  // gold files: a second acceptable kind
};

class JsonlReader {
 public:
  // Neither pointer is owned; both must outlive the reader.
  JsonlReader(ByteSource* source, Schema* schema);

  // Reads the next record into `unit` (and `extras`, if given). Returns false
  // at the end of input or on an error; then status() tells which.
  bool Next(TaggedUnit* unit, JsonlExtras* extras = nullptr);
  const Status& status() const { return status_; }

  // Bytes consumed from the source so far.
  uint64_t bytes_read() const { return lines_.bytes_read(); }
  int64_t records() const { return records_; }

 private:
  ByteSource* source_;
  Schema* schema_;
  LineReader lines_;
  Status status_;
  int64_t records_ = 0;
};

// Reads every record of `path` ("-": stdin) into `sink`, in file order.
// Returns the first read, parse or sink error.
Status ReadTaggedJsonl(const std::string& path, Schema* schema, UnitSink* sink);

}  // namespace gapmap

#endif  // GAPMAP_SINKS_JSONL_READER_H_
