// MatrixSink: the UnitSink that counts units into a GapMatrix as the
// pipeline (or a JSONL reader) pushes them, so a matrix is computed in one
// streaming pass without writing tagged units anywhere.
//
// UnitObserver: an optional second consumer of the same units (the HTML
// report keeps the units behind each cell), fed by the same pass so that it
// sees exactly the units the matrix counted.
#ifndef GAPMAP_AGGREGATE_MATRIX_SINK_H_
#define GAPMAP_AGGREGATE_MATRIX_SINK_H_

#include <memory>

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

  // A shard counts one document into a matrix of its own, added to this
  // one with += (exact: the matrix is a sum over units, and its example ids
  // do not depend on the order they are offered in). An observer must see
  // the units themselves, in order: then there are no shards.
  std::unique_ptr<UnitSink> NewShard() override {
    if (observer_ != nullptr) return nullptr;
    auto shard = std::make_unique<MatrixSink>(nullptr, schema_);
    shard->own_ = std::make_unique<GapMatrix>(matrix_->options());
    shard->matrix_ = shard->own_.get();
    return shard;
  }
  Status Absorb(UnitSink* shard) override {
    auto* part = static_cast<MatrixSink*>(shard);
    *matrix_ += *part->matrix_;
    *part->own_ = GapMatrix(matrix_->options());
    return matrix_->status();
  }

 private:
  GapMatrix* matrix_;
  const Schema* schema_;
  UnitObserver* observer_;
  std::unique_ptr<GapMatrix> own_;  // a shard's matrix
};

}  // namespace gapmap

#endif  // GAPMAP_AGGREGATE_MATRIX_SINK_H_
