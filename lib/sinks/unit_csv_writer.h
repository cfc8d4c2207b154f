// UnitCsvWriter: tagged units as CSV or TSV rows for spreadsheets
// (`gapmap tag --format csv|tsv`), one row per unit in document order:
//   id,doc,line_start,line_end,kind,agency,part,stance,fourp,rectype,mentions,
//   [other dimensions of the rules, in rule order,] text
// Set-valued labels are joined with ";" (sorted). Quoting and formula
// neutralising are those of lib/sinks/csv.h, so the file opens directly in a
// spreadsheet and reads back exactly. The header is written even when there
// are no units. Without a schema (no tagging), the label columns are empty.
//
// KindFilterSink passes on only units of the given kinds (`--kinds
// text,bullet`), for any sink.
#ifndef GAPMAP_SINKS_UNIT_CSV_WRITER_H_
#define GAPMAP_SINKS_UNIT_CSV_WRITER_H_

#include <array>
#include <string>
#include <vector>

#include "lib/core/schema.h"
#include "lib/core/status.h"
#include "lib/sinks/output.h"
#include "lib/sinks/sink.h"

namespace gapmap {

class UnitCsvWriter : public UnitSink {
 public:
  // Neither pointer is owned; `schema` may be null. `delimiter`: ',' or '\t'.
  UnitCsvWriter(const Schema* schema, Output* output, char delimiter = ',');
  Status Write(const TaggedUnit& unit) override;
  Status Finish() override;

 private:
  Status WriteHeader();

  const Schema* schema_;
  Output* output_;
  char delimiter_;
  bool header_written_ = false;
  std::vector<std::string> dimensions_;  // label columns, in order
  std::string row_;
  std::vector<std::string> fields_;
};

// Parses "text,bullet" into a kind mask; a usage error names an unknown kind.
Result<std::array<bool, kUnitKindCount>> ParseKindList(std::string_view list);

class KindFilterSink : public UnitSink {
 public:
  // `next` is not owned.
  KindFilterSink(std::array<bool, kUnitKindCount> kinds, UnitSink* next)
      : kinds_(kinds), next_(next) {}
  Status Write(const TaggedUnit& unit) override {
    return kinds_[static_cast<int>(unit.unit.kind)] ? next_->Write(unit) : Status::Ok();
  }
  Status Finish() override { return next_->Finish(); }

  // Shards filter on the workers, in front of the next sink's shards.
  std::unique_ptr<UnitSink> NewShard() override {
    std::unique_ptr<UnitSink> inner = next_->NewShard();
    if (inner == nullptr) return nullptr;
    auto shard = std::make_unique<KindFilterSink>(kinds_, inner.get());
    shard->owned_ = std::move(inner);
    return shard;
  }
  Status Absorb(UnitSink* shard) override {
    return next_->Absorb(static_cast<KindFilterSink*>(shard)->next_);
  }
  size_t shard_bytes() const override { return next_->shard_bytes(); }

 private:
  std::array<bool, kUnitKindCount> kinds_;
  UnitSink* next_;
  std::unique_ptr<UnitSink> owned_;  // a shard's next sink
};

}  // namespace gapmap

#endif  // GAPMAP_SINKS_UNIT_CSV_WRITER_H_
