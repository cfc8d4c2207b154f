#include "lib/pipeline/run_documents.h"

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
  SinkErrorTracker tracked(sink);
  for (const InputSpec& input : inputs) {
    DocumentInfo info;
    if (!manifests.Lookup(input, &info, diagnostics)) ++summary.failed;
    ++summary.documents;
    PipelineOptions pipeline = options.pipeline;
    InputDigest digest;
    if (options.digest_inputs) pipeline.digest = &digest;
    Status s = ProcessDocument(rules, input, info, pipeline, &tracked, diagnostics, &progress);
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

}  // namespace gapmap
