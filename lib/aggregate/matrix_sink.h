// MatrixSink: the UnitSink that counts units into a GapMatrix as the
// pipeline (or a JSONL reader) pushes them, so a matrix is computed in one
// streaming pass without writing tagged units anywhere.
//
// UnitObserver: an optional second consumer of the same units (the HTML
// report keeps the units behind each cell), fed by the same pass so that it
// sees exactly the units the matrix counted.
#ifndef GAPMAP_AGGREGATE_MATRIX_SINK_H_
#define GAPMAP_AGGREGATE_MATRIX_SINK_H_

#include "lib/aggregate/gap_matrix.h"
#include "lib/sinks/sink.h"

namespace gapmap {

class UnitObserver {
 public:
  virtual ~UnitObserver() = default;
  // `schema` names the unit's label indices; it differs between inputs (one
  // per tagged JSONL file) and may grow between calls.
  virtual Status Observe(const TaggedUnit& unit, const Schema& schema) = 0;
};

class MatrixSink : public UnitSink {
 public:
  // No pointer is owned; `schema` names the units' labels and may grow
  // while units arrive; `observer` may be null.
  MatrixSink(GapMatrix* matrix, const Schema* schema, UnitObserver* observer = nullptr)
      : matrix_(matrix), schema_(schema), observer_(observer) {}
  Status Write(const TaggedUnit& unit) override {
    matrix_->Add(unit, *schema_);
    if (!matrix_->status().ok()) return matrix_->status();
    return observer_ == nullptr ? Status::Ok() : observer_->Observe(unit, *schema_);
  }

 private:
  GapMatrix* matrix_;
  const Schema* schema_;
  UnitObserver* observer_;
};

}  // namespace gapmap

#endif  // GAPMAP_AGGREGATE_MATRIX_SINK_H_
