#include "lib/pipeline/document_pipeline.h"

#include <optional>
#include <vector>

#include <fmt/format.h>

#include "lib/sections/section_tracker.h"
#include "lib/segment/segmenter.h"
#include "lib/source/byte_source.h"
#include "lib/source/decoding_source.h"
#include "lib/source/line_reader.h"
#include "lib/tag/tagger.h"

namespace gapmap {
namespace {

// A NUL byte at `offset`: a warning and OK under kSkip, an input error under
// kError. `written` units of the document already went out (a pipe only).
Status BinaryInput(const std::string& name, uint64_t offset, uint64_t written,
                   BinaryPolicy policy, Diagnostics* diagnostics) {
  std::string what = fmt::format("binary file (NUL byte at byte offset {})", offset);
  std::string kept;
  if (written > 0) {
    // Only a pipe gets here: it cannot be scanned before it is read.
    kept = fmt::format("; the {} unit{} before it were already written", written,
                       written == 1 ? "" : "s");
  }
  if (policy == BinaryPolicy::kError) {
    return Status::Input(fmt::format("{}: {}; rejected (--binary=error){}", name, what, kept));
  }
  diagnostics->Warning(SourceLocation{name, 0, 0},
                       fmt::format("{}; skipped (--binary=text reads it anyway){}", what, kept));
  return Status::Ok();
}

}  // namespace

Status ProcessDocument(const RuleSet& rules, const InputSpec& input, const DocumentInfo& info,
                       const PipelineOptions& options, UnitSink* sink, Diagnostics* diagnostics,
                       ProgressMeter* progress) {
  Result<std::unique_ptr<FdSource>> source = FdSource::Open(input.path);
  if (!source.ok()) return source.status();
  const std::string& name = (*source)->name();
  const bool check_binary = options.binary != BinaryPolicy::kText;
  if (check_binary && (*source)->seekable()) {
    // The whole file, before any unit is written: a skipped file leaves no trace.
    Result<std::optional<uint64_t>> nul = ScanForNul(**source);
    if (!nul.ok()) return nul.status();
    if (*nul) return BinaryInput(name, **nul, 0, options.binary, diagnostics);
  }
  // Provenance digests the file's own bytes, before any decoding.
  DigestingSource digesting(source->get());
  ByteSource* bytes = options.digest != nullptr ? static_cast<ByteSource*>(&digesting) : source->get();
  DecodingSource decoded(bytes);
  ReaderOptions reader_options;
  reader_options.chunk_size = options.chunk_size;
  reader_options.max_line_bytes = options.max_unit_bytes;
  reader_options.stop_at_nul = check_binary;
  reader_options.on_warning = [&](uint32_t line_number, uint64_t, std::string_view message) {
    diagnostics->Warning(SourceLocation{name, static_cast<int>(line_number), 0}, message);
  };
  LineReader reader(&decoded, reader_options);
  DocumentInfo document = info;
  document.doc_id = input.doc_id;
  Segmenter segmenter(rules.structure, rules.agencies, document,
                      SegmenterOptions{options.max_unit_bytes});
  SectionTracker tracker(rules.structure, rules.agencies, document);
  // `gapmap segment` does not tag: it does not build a tagger either.
  std::optional<Tagger> tagger;
  if (options.tag) tagger.emplace(rules, TaggerOptions{options.evidence});

  std::vector<Unit> units;
  TaggedUnit tagged;
  uint64_t reported = 0;
  uint64_t written = 0;
  auto drain = [&]() -> Status {
    for (Unit& unit : units) {
      // The unit written last is done with: its storage serves the next
      // ones (text, document id, heading path), which saves the allocations.
      tracker.Recycle(&tagged.unit);
      segmenter.Recycle(&tagged.unit);
      tracker.Stamp(&unit);
      if (tagger) {
        GAPMAP_RETURN_IF_ERROR(tagger->Tag(std::move(unit), &tagged));
      } else {
        tagged.unit = std::move(unit);
      }
      GAPMAP_RETURN_IF_ERROR(sink->Write(tagged));
      ++written;
    }
    units.clear();
    if (progress != nullptr) {
      progress->AddBytes(reader.bytes_read() - reported);
      reported = reader.bytes_read();
    }
    return Status::Ok();
  };

  Line line;
  uint64_t lines = 0;
  bool saw_text = false;
  while (reader.Next(&line)) {
    ++lines;
    if (!saw_text) saw_text = line.text.find_first_not_of(" \t\v\f") != std::string_view::npos;
    GAPMAP_RETURN_IF_ERROR(segmenter.AddLine(line, &units));
    if (!units.empty()) GAPMAP_RETURN_IF_ERROR(drain());
  }
  if (!reader.status().ok()) {
    // A unit the segmenter still holds is dropped: it may be cut short.
    if (reader.nul_offset()) {
      return BinaryInput(name, *reader.nul_offset(), written, options.binary, diagnostics);
    }
    return reader.status();
  }
  segmenter.Finish(&units);
  GAPMAP_RETURN_IF_ERROR(drain());
  if (options.digest != nullptr) {
    // Stdin is named by --name (its document id) in provenance.
    *options.digest = digesting.Finish(input.path == "-" ? input.doc_id : input.path);
  }
  if (tagger && tagger->regex_fallbacks() > 0) {
    diagnostics->Warning(
        SourceLocation{input.path, 0, 0},
        fmt::format("the regex set ran out of memory on {} unit(s), which were scanned one "
                    "regex at a time instead (same result, slower); raise --regex-mem",
                    tagger->regex_fallbacks()));
  }
  if (decoded.replacements() > 0) {
    diagnostics->Warning(
        SourceLocation{name, 0, 0},
        fmt::format("{} {} code unit{} could not be decoded (unpaired surrogate or odd byte); "
                    "replaced by U+FFFD",
                    decoded.replacements(), EncodingName(decoded.encoding()),
                    decoded.replacements() == 1 ? "" : "s"));
  }
  if (written == 0) {
    // Never a silent empty result: say why nothing came out.
    diagnostics->Warning(SourceLocation{name, 0, 0},
                         lines == 0   ? "empty document; no units"
                         : !saw_text ? "document holds only whitespace; no units"
                                     : "no units found in the document");
  }
  if (progress != nullptr) progress->FileDone();
  return Status::Ok();
}

}  // namespace gapmap
