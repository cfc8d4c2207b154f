// JsonlWriter: tagged units as JSON Lines, the contract of FORMATS.md.
//
// Field order is fixed: doc, id, kind, line_start, line_end, section, agency,
// part, [marker], then the label dimensions (stance, fourp, rectype, mentions,
// then any user-defined dimension in rule order), text, evidence. Without a
// schema (`gapmap segment`) the label fields and evidence are left out.
#ifndef GAPMAP_SINKS_JSONL_WRITER_H_
#define GAPMAP_SINKS_JSONL_WRITER_H_

#include <memory>
#include <string>
#include <vector>

#include "lib/core/schema.h"
#include "lib/sinks/output.h"
#include "lib/sinks/sink.h"

namespace gapmap {

// Appends one unit as a JSON object and a newline to `out`.
// `schema` may be null (structure only).
void AppendUnitJson(const TaggedUnit& unit, const Schema* schema, std::string* out);

class JsonlWriter : public UnitSink {
 public:
  // Neither pointer is owned; `schema` may be null. The schema must not
  // change while the writer lives (its names are quoted once, up front).
  JsonlWriter(const Schema* schema, Output* output);
  ~JsonlWriter() override;
  Status Write(const TaggedUnit& unit) override;

  // Shards format their units into memory on the worker threads; Absorb()
  // only copies the bytes out.
  std::unique_ptr<UnitSink> NewShard() override;
  Status Absorb(UnitSink* shard) override;
  size_t shard_bytes() const override { return line_.size(); }

  struct Names;
  // What consecutive records share, kept quoted from one record to the next.
  struct Repeated {
    std::string doc, doc_json;  // a document id and its JSON string
    SectionRef section;         // and "section":[..],"agency":..,"part":.. for it
    std::string section_json;
    bool section_valid = false;
    std::string marker, marker_json;  // a list marker ("•", "a)") and its JSON string
  };

 private:
  const Schema* schema_;
  Output* output_;  // null in a shard, which keeps its lines in line_
  std::unique_ptr<Names> names_;
  std::string line_;  // a shard's lines (a writer appends to the output's buffer)
  Repeated repeated_;
  std::vector<char> record_;  // room for a record (see Write)
  std::string escaped_;       // a text or match that needs escaping, escaped
};

}  // namespace gapmap

#endif  // GAPMAP_SINKS_JSONL_WRITER_H_
