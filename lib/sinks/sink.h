// UnitSink: where tagged units go, one event per unit, in document order.
//
// Sinks are pushed units (as in ripgrep's printer): the pipeline never knows
// whether it is writing JSONL, CSV, or adding to a matrix.
#ifndef GAPMAP_SINKS_SINK_H_
#define GAPMAP_SINKS_SINK_H_

#include "lib/core/status.h"
#include "lib/core/tagged_unit.h"

namespace gapmap {

class UnitSink {
 public:
  virtual ~UnitSink() = default;
  virtual Status Write(const TaggedUnit& unit) = 0;
  // Called once after the last unit of the run (not per document).
  virtual Status Finish() { return Status::Ok(); }
};

}  // namespace gapmap

#endif  // GAPMAP_SINKS_SINK_H_
