#include "lib/pipeline/run_documents.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>

#include "lib/core/progress.h"
#include "lib/pipeline/manifest_lookup.h"

namespace gapmap {
namespace {

// Distinguishes a failing input (report, go on) from a failing sink (stop).
class SinkErrorTracker : public UnitSink {
 public:
  explicit SinkErrorTracker(UnitSink* sink) : sink_(sink) {}
  Status Write(const TaggedUnit& unit) override {
    Status s = sink_->Write(unit);
    if (!s.ok() && error_.ok()) error_ = s;
    return s;
  }
  const Status& error() const { return error_; }

 private:
  UnitSink* sink_;
  Status error_;
};

RunSummary RunSerially(const RuleSet& rules, const std::vector<InputSpec>& inputs,
                       const RunOptions& options, UnitSink* sink, Diagnostics* diagnostics,
                       ManifestLookup* manifests, ProgressMeter* progress) {
  RunSummary summary;
  SinkErrorTracker tracked(sink);
  for (const InputSpec& input : inputs) {
    DocumentInfo info;
    if (!manifests->Lookup(input, &info, diagnostics)) ++summary.failed;
    ++summary.documents;
    PipelineOptions pipeline = options.pipeline;
    InputDigest digest;
    if (options.digest_inputs) pipeline.digest = &digest;
    Status s = ProcessDocument(rules, input, info, pipeline, &tracked, diagnostics, progress);
    // A document skipped as binary was not read: it has no digest.
    if (options.digest_inputs && s.ok() && !digest.name.empty()) {
      summary.digests.push_back(std::move(digest));
    }
    if (!tracked.error().ok()) {
      summary.fatal = tracked.error();
      return summary;
    }
    if (!s.ok()) {
      ++summary.failed;
      diagnostics->Error(s);
    }
  }
  return summary;
}

// ---------------------------------------------------------------------------
// Parallel runs.
//
// The run's thread looks each document up in the manifests (in input order,
// recording the messages) and queues it; worker threads take documents from
// the queue and run the pipeline into shards of the sink (UnitSink::NewShard),
// handing each shard over when it is full or the document ends. The run's
// thread absorbs the shards of the oldest unfinished document ("the head") as
// they arrive, then replays its messages, then moves on to the next document.
// So output bytes and stderr are those of a serial run.
//
// Memory stays bounded: at most `window` documents are queued or in work, a
// shard is handed over past kHandOverBytes, and a worker whose document has
// more than kWaitingBytes handed over but not yet absorbed (it is not the
// head, or the sink is slow) waits.

constexpr size_t kHandOverBytes = 256 << 10;
constexpr size_t kWaitingBytes = 4 << 20;

// The shard of a sink that has none of its own: copies of the tagged units,
// written to the sink by the run's thread.
class UnitBuffer : public UnitSink {
 public:
  Status Write(const TaggedUnit& unit) override {
    units_.push_back(unit);
    bytes_ += sizeof(TaggedUnit) + unit.unit.text.size() +
              unit.evidence.size() * sizeof(Evidence);
    return Status::Ok();
  }
  size_t shard_bytes() const override { return bytes_; }
  // Writes the units to `sink` and empties the buffer.
  Status WriteTo(UnitSink* sink) {
    Status s;
    for (const TaggedUnit& unit : units_) {
      s = sink->Write(unit);
      if (!s.ok()) break;
    }
    units_.clear();
    bytes_ = 0;
    return s;
  }

 private:
  std::vector<TaggedUnit> units_;
  size_t bytes_ = 0;
};

// One document of a parallel run, from its lookup to its last shard.
struct Slot {
  explicit Slot(const InputSpec& spec) : input(spec), diagnostics(Diagnostics::Recording{}) {}
  InputSpec input;
  DocumentInfo info;
  bool lookup_ok = true;
  Diagnostics diagnostics;  // recorded: the lookup's, then the pipeline's
  InputDigest digest;
  // Guarded by ParallelRun::mu_:
  std::deque<std::pair<std::unique_ptr<UnitSink>, size_t>> ready;  // shard, its bytes
  size_t ready_bytes = 0;
  bool done = false;
  Status status;      // of ProcessDocument
  Status sink_error;  // a shard's Write failed: fatal, as in a serial run
};

class ParallelRun {
 public:
  ParallelRun(const RuleSet& rules, const std::vector<InputSpec>& inputs,
              const RunOptions& options, int workers, UnitSink* sink, Diagnostics* diagnostics,
              ManifestLookup* manifests, ProgressMeter* progress)
      : rules_(rules),
        inputs_(inputs),
        options_(options),
        workers_(workers),
        sink_(sink),
        diagnostics_(diagnostics),
        manifests_(manifests),
        progress_(progress),
        buffered_(sink->NewShard() == nullptr),
        slots_(inputs.size()) {}

  RunSummary Run();

 private:
  // The sink a worker's pipeline writes one document into.
  class SlotSink : public UnitSink {
   public:
    SlotSink(ParallelRun* run, Slot* slot) : run_(run), slot_(slot) {}
    Status Write(const TaggedUnit& unit) override {
      // A fatal error elsewhere: stop this document soon (a matrix shard is
      // not handed over before the document ends).
      if (run_->stopping_.load(std::memory_order_relaxed)) return Status::Internal("run stopped");
      if (shard_ == nullptr) shard_ = run_->TakeShard();
      Status s = shard_->Write(unit);
      if (!s.ok()) {
        error_ = s;
        return s;
      }
      if (shard_->shard_bytes() >= kHandOverBytes) return HandOver();
      return Status::Ok();
    }
    // Hands over the last shard (if any); returns the first Write error.
    Status Close() {
      // A hand-over fails only once the run is stopped, and whatever stopped
      // it reports its own error.
      if (shard_ != nullptr) static_cast<void>(HandOver());
      return error_;
    }

   private:
    Status HandOver();

    ParallelRun* run_;
    Slot* slot_;
    std::unique_ptr<UnitSink> shard_;
    Status error_;
  };

  void Work();
  std::unique_ptr<UnitSink> TakeShard();
  Status Absorb(UnitSink* shard);
  void Stop();

  const RuleSet& rules_;
  const std::vector<InputSpec>& inputs_;
  const RunOptions& options_;
  const int workers_;
  UnitSink* sink_;
  Diagnostics* diagnostics_;
  ManifestLookup* manifests_;
  ProgressMeter* progress_;
  const bool buffered_;  // the sink has no shards: UnitBuffer instead

  std::mutex mu_;
  std::condition_variable work_cv_;   // workers: a document was queued, or stop
  std::condition_variable ready_cv_;  // run's thread: a shard or a document is ready
  std::condition_variable room_cv_;   // workers: their slot was drained, or stop
  std::vector<std::unique_ptr<Slot>> slots_;  // by input index; null once retired
  std::deque<size_t> queue_;                  // queued, not yet taken
  std::vector<std::unique_ptr<UnitSink>> spare_;  // absorbed shards, for reuse
  bool stop_ = false;
  std::atomic<bool> stopping_{false};  // stop_, readable without the lock
};

std::unique_ptr<UnitSink> ParallelRun::TakeShard() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (!spare_.empty()) {
      std::unique_ptr<UnitSink> shard = std::move(spare_.back());
      spare_.pop_back();
      return shard;
    }
  }
  if (buffered_) return std::make_unique<UnitBuffer>();
  return sink_->NewShard();  // NewShard() only reads the sink's settings
}

Status ParallelRun::SlotSink::HandOver() {
  const size_t bytes = shard_->shard_bytes();
  std::unique_lock<std::mutex> lock(run_->mu_);
  if (run_->stop_) return Status::Internal("run stopped");
  slot_->ready.emplace_back(std::move(shard_), bytes);
  slot_->ready_bytes += bytes;
  run_->ready_cv_.notify_all();
  run_->room_cv_.wait(lock, [&] { return run_->stop_ || slot_->ready_bytes < kWaitingBytes; });
  if (run_->stop_) return Status::Internal("run stopped");
  return Status::Ok();
}

void ParallelRun::Work() {
  for (;;) {
    Slot* slot = nullptr;
    {
      std::unique_lock<std::mutex> lock(mu_);
      work_cv_.wait(lock, [&] { return stop_ || !queue_.empty(); });
      if (stop_) return;
      slot = slots_[queue_.front()].get();
      queue_.pop_front();
    }
    PipelineOptions pipeline = options_.pipeline;
    if (options_.digest_inputs) pipeline.digest = &slot->digest;
    SlotSink sink(this, slot);
    Status s = ProcessDocument(rules_, slot->input, slot->info, pipeline, &sink,
                               &slot->diagnostics, progress_);
    Status sink_error = sink.Close();
    std::lock_guard<std::mutex> lock(mu_);
    slot->status = std::move(s);
    slot->sink_error = std::move(sink_error);
    slot->done = true;
    ready_cv_.notify_all();
  }
}

Status ParallelRun::Absorb(UnitSink* shard) {
  if (buffered_) return static_cast<UnitBuffer*>(shard)->WriteTo(sink_);
  return sink_->Absorb(shard);
}

void ParallelRun::Stop() {
  std::lock_guard<std::mutex> lock(mu_);
  stop_ = true;
  stopping_ = true;
  work_cv_.notify_all();
  room_cv_.notify_all();
}

RunSummary ParallelRun::Run() {
  RunSummary summary;
  std::vector<std::thread> threads;
  for (int i = 0; i < workers_; ++i) threads.emplace_back([this] { Work(); });
  const size_t n = inputs_.size();
  const size_t window = static_cast<size_t>(workers_) * 2;
  size_t queued = 0;
  for (size_t head = 0; head < n; ++head) {
    // Keep the workers fed: look documents up (in input order, as a serial
    // run does) and queue them, up to `window` ahead of the head.
    for (; queued < n && queued < head + window; ++queued) {
      auto slot = std::make_unique<Slot>(inputs_[queued]);
      slot->lookup_ok = manifests_->Lookup(slot->input, &slot->info, &slot->diagnostics);
      std::lock_guard<std::mutex> lock(mu_);
      slots_[queued] = std::move(slot);
      queue_.push_back(queued);
      work_cv_.notify_one();
    }
    Slot* slot = slots_[head].get();
    // Absorb the head's shards as they come, until its document is done.
    for (;;) {
      std::unique_ptr<UnitSink> shard;
      {
        std::unique_lock<std::mutex> lock(mu_);
        ready_cv_.wait(lock, [&] { return !slot->ready.empty() || slot->done; });
        if (slot->ready.empty()) break;
        shard = std::move(slot->ready.front().first);
        slot->ready_bytes -= slot->ready.front().second;
        slot->ready.pop_front();
        room_cv_.notify_all();
      }
      Status s = Absorb(shard.get());
      if (!s.ok()) {
        summary.fatal = s;
        break;
      }
      std::lock_guard<std::mutex> lock(mu_);
      spare_.push_back(std::move(shard));
    }
    if (!summary.fatal.ok()) break;
    // The document is complete: its messages, then its result.
    slot->diagnostics.ReplayInto(diagnostics_);
    if (!slot->lookup_ok) ++summary.failed;
    ++summary.documents;
    if (options_.digest_inputs && slot->status.ok() && !slot->digest.name.empty()) {
      summary.digests.push_back(std::move(slot->digest));
    }
    if (!slot->sink_error.ok()) {
      summary.fatal = slot->sink_error;
      break;
    }
    if (!slot->status.ok()) {
      ++summary.failed;
      diagnostics_->Error(slot->status);
    }
    std::lock_guard<std::mutex> lock(mu_);
    slots_[head].reset();
  }
  Stop();
  for (std::thread& t : threads) t.join();
  return summary;
}

int WorkerCount(int jobs, size_t inputs) {
  if (jobs <= 0) jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  return static_cast<int>(std::min<size_t>(static_cast<size_t>(jobs), inputs));
}

}  // namespace

RunSummary RunDocuments(const RuleSet& rules, const std::vector<InputSpec>& inputs,
                        const RunOptions& options, UnitSink* sink, Diagnostics* diagnostics) {
  RunSummary summary;
  ManifestLookup manifests(rules.agencies, options.manifest_path);
  if (!manifests.Init(diagnostics)) {
    summary.fatal = Status::Input(options.manifest_path + ": manifest could not be loaded");
    return summary;
  }
  ProgressMeter progress(options.show_progress, static_cast<int>(inputs.size()));
  const int workers = WorkerCount(options.jobs, inputs.size());
  if (workers <= 1) {
    return RunSerially(rules, inputs, options, sink, diagnostics, &manifests, &progress);
  }
  ParallelRun run(rules, inputs, options, workers, sink, diagnostics, &manifests, &progress);
  return run.Run();
}

}  // namespace gapmap
