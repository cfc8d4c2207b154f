// MatrixSink: the UnitSink that counts units into a GapMatrix as the
// pipeline (or a JSONL reader) pushes them, so a matrix is computed in one
// streaming pass without writing tagged units anywhere.
#ifndef GAPMAP_AGGREGATE_MATRIX_SINK_H_
#define GAPMAP_AGGREGATE_MATRIX_SINK_H_

#include "lib/aggregate/gap_matrix.h"
#include "lib/sinks/sink.h"

namespace gapmap {

class MatrixSink : public UnitSink {
 public:
  // Neither pointer is owned; `schema` names the units' labels and may grow
  // while units arrive.
  MatrixSink(GapMatrix* matrix, const Schema* schema) : matrix_(matrix), schema_(schema) {}
  Status Write(const TaggedUnit& unit) override {
    matrix_->Add(unit, *schema_);
    return matrix_->status();
  }

 private:
  GapMatrix* matrix_;
  const Schema* schema_;
};

}  // namespace gapmap

#endif  // GAPMAP_AGGREGATE_MATRIX_SINK_H_
