// UnitSink: where tagged units go, one event per unit, in document order.
//
// Sinks are pushed units (as in ripgrep's printer): the pipeline never knows
// whether it is writing JSONL, CSV, or adding to a matrix.
#ifndef GAPMAP_SINKS_SINK_H_
#define GAPMAP_SINKS_SINK_H_

#include <cstddef>
#include <memory>

#include "lib/core/status.h"
#include "lib/core/tagged_unit.h"

namespace gapmap {

class UnitSink {
 public:
  virtual ~UnitSink() = default;
  virtual Status Write(const TaggedUnit& unit) = 0;
  // Called once after the last unit of the run (not per document).
  virtual Status Finish() { return Status::Ok(); }

  // Parallel runs (RunOptions::jobs > 1) tag documents on worker threads and
  // hand their units to this sink in input order. A sink that can do part of
  // its work on the workers returns a *shard* here: an empty sink of its own
  // kind that one worker fills with a stretch of one document's units. The
  // run's thread then passes each shard, in input order, to Absorb(), which
  // adds what the shard collected to this sink and empties the shard for
  // reuse. A shard never touches this sink, so neither needs a lock.
  // nullptr (the default): the run keeps copies of the tagged units and
  // Write()s them here on its own thread.
  virtual std::unique_ptr<UnitSink> NewShard() { return nullptr; }
  virtual Status Absorb(UnitSink* shard) {
    return Status::Internal("this sink has no shards to absorb");
  }
  // Of a shard: the bytes it holds. The run hands a shard over once this
  // passes a limit, so a long document never piles up in memory. A shard
  // whose size does not grow with its units (a matrix) says 0 and is handed
  // over at the end of its document.
  virtual size_t shard_bytes() const { return 0; }
};

}  // namespace gapmap

#endif  // GAPMAP_SINKS_SINK_H_
