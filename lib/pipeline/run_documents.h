// RunDocuments: every input of a command through the pipeline into one sink,
// in input order.
//
// A bad input (missing, unreadable, binary under --binary=error, UTF-32) is
// reported and skipped; the others are still processed, and the caller exits
// 2 at the end. A binary file under the default --binary=skip is a warning
// only. A sink error (output full, closed pipe) stops the run at once.
// A manifest given with `manifest_path` that cannot be loaded stops the run
// (fatal); a broken manifest.yaml found beside the inputs is reported and
// counted as a failure, and its documents are processed without it.
//
// Parallelism: with `jobs` > 1 (0: one per core) and several inputs,
// documents are tagged on worker threads, but the sink still receives every
// unit in input order and stderr gets every message in the order of a serial
// run, so the output bytes do not depend on `jobs`. Sinks that can (JSONL,
// the matrix) do their own work on the workers too (UnitSink::NewShard).
// Memory stays bounded: at most 2 x jobs documents are in flight, and each
// holds at most a few MB of finished output waiting for its turn.
#ifndef GAPMAP_PIPELINE_RUN_DOCUMENTS_H_
#define GAPMAP_PIPELINE_RUN_DOCUMENTS_H_

#include <string>
#include <vector>

#include "lib/core/diagnostics.h"
#include "lib/pipeline/document_pipeline.h"
#include "lib/rules/rule_set.h"
#include "lib/sinks/sink.h"
#include "lib/source/input_list.h"

namespace gapmap {

struct RunOptions {
  PipelineOptions pipeline;
  // The corpus manifest to take document titles, issuers and years from. When
  // empty, each input's directory is searched for a manifest.yaml.
  std::string manifest_path;
  int jobs = 1;  // documents processed in parallel; 0: one per core
  bool show_progress = true;  // on a terminal only
  bool digest_inputs = false;  // fill RunSummary::digests
};

struct RunSummary {
  int documents = 0;
  int failed = 0;
  // The first error that must stop the run (a sink write error: output is
  // broken, so going on would lose data silently). OK otherwise.
  Status fatal;
  // With RunOptions::digest_inputs: size and SHA-256 of each input read
  // completely, in input order.
  std::vector<InputDigest> digests;
};

RunSummary RunDocuments(const RuleSet& rules, const std::vector<InputSpec>& inputs,
                        const RunOptions& options, UnitSink* sink, Diagnostics* diagnostics);

}  // namespace gapmap

#endif  // GAPMAP_PIPELINE_RUN_DOCUMENTS_H_
