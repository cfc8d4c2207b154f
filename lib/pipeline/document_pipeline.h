// DocumentPipeline: the stages wired for one document.
//
//   bytes -> LineReader -> Segmenter -> SectionTracker -> [Tagger] -> UnitSink
//
// Streaming: units are pushed to the sink as soon as the segmenter completes
// them, so memory is bounded by the longest unit, not by the document.
#ifndef GAPMAP_PIPELINE_DOCUMENT_PIPELINE_H_
#define GAPMAP_PIPELINE_DOCUMENT_PIPELINE_H_

#include <string>

#include "lib/core/diagnostics.h"
#include "lib/core/document_info.h"
#include "lib/core/progress.h"
#include "lib/rules/rule_set.h"
#include "lib/sinks/sink.h"
#include "lib/source/binary_check.h"
#include "lib/source/digesting_source.h"
#include "lib/source/input_list.h"

namespace gapmap {

struct PipelineOptions {
  size_t chunk_size = 64 * 1024;
  size_t max_unit_bytes = 1 << 20;
  bool tag = true;  // false: segment and track only (`gapmap segment`)
  // If set, receives the input's size and SHA-256 (provenance of a matrix),
  // computed while reading: no second pass.
  InputDigest* digest = nullptr;
  bool evidence = true;  // false: labels without evidence records (faster)
  BinaryPolicy binary = BinaryPolicy::kSkip;  // a document with a NUL byte
};

// Processes `input` into `sink`. Input problems that stop the document are
// returned (the caller reports them); the sink may have received part of the
// units only when the input is a pipe (see binary_check.h); `digest` is left
// untouched for a document that was skipped. Recoverable
// problems are warnings through `diagnostics`: repaired bytes, split lines, a
// binary file skipped under BinaryPolicy::kSkip (then the result is OK), and
// a document that yields no units (empty or whitespace only).
Status ProcessDocument(const RuleSet& rules, const InputSpec& input, const DocumentInfo& info,
                       const PipelineOptions& options, UnitSink* sink, Diagnostics* diagnostics,
                       ProgressMeter* progress);

}  // namespace gapmap

#endif  // GAPMAP_PIPELINE_DOCUMENT_PIPELINE_H_
