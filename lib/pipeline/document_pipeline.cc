#include "lib/pipeline/document_pipeline.h"

#include <vector>

#include <fmt/format.h>

#include "lib/sections/section_tracker.h"
#include "lib/segment/segmenter.h"
#include "lib/source/byte_source.h"
#include "lib/source/line_reader.h"
#include "lib/tag/tagger.h"

namespace gapmap {

Status ProcessDocument(const RuleSet& rules, const InputSpec& input, const DocumentInfo& info,
                       const PipelineOptions& options, UnitSink* sink, Diagnostics* diagnostics,
                       ProgressMeter* progress) {
  Result<std::unique_ptr<FdSource>> source = FdSource::Open(input.path);
  if (!source.ok()) return source.status();
  ReaderOptions reader_options;
  reader_options.chunk_size = options.chunk_size;
  reader_options.max_line_bytes = options.max_unit_bytes;
  reader_options.on_warning = [&](uint64_t, std::string_view message) {
    diagnostics->Warning(SourceLocation{(*source)->name(), 0, 0}, message);
  };
  DigestingSource digesting(source->get());
  ByteSource* bytes = options.digest != nullptr ? static_cast<ByteSource*>(&digesting) : source->get();
  LineReader reader(bytes, reader_options);
  Segmenter segmenter(rules.structure, input.doc_id, SegmenterOptions{options.max_unit_bytes});
  SectionTracker tracker(rules.structure, rules.agencies, info);
  Tagger tagger(rules, TaggerOptions{options.evidence});

  std::vector<Unit> units;
  TaggedUnit tagged;
  uint64_t reported = 0;
  auto drain = [&]() -> Status {
    for (Unit& unit : units) {
      tracker.Stamp(&unit);
      if (options.tag) {
        GAPMAP_RETURN_IF_ERROR(tagger.Tag(std::move(unit), &tagged));
      } else {
        tagged.unit = std::move(unit);
      }
      GAPMAP_RETURN_IF_ERROR(sink->Write(tagged));
    }
    units.clear();
    if (progress != nullptr) {
      progress->AddBytes(reader.bytes_read() - reported);
      reported = reader.bytes_read();
    }
    return Status::Ok();
  };

  Line line;
  while (reader.Next(&line)) {
    segmenter.AddLine(line, &units);
    if (!units.empty()) GAPMAP_RETURN_IF_ERROR(drain());
  }
  GAPMAP_RETURN_IF_ERROR(reader.status());
  segmenter.Finish(&units);
  GAPMAP_RETURN_IF_ERROR(drain());
  if (options.digest != nullptr) *options.digest = digesting.Finish(input.path);
  if (tagger.regex_fallbacks() > 0) {
    diagnostics->Warning(
        SourceLocation{input.path, 0, 0},
        fmt::format("the regex set ran out of memory on {} unit(s), which were scanned one "
                    "regex at a time instead (same result, slower); raise --regex-mem",
                    tagger.regex_fallbacks()));
  }
  if (progress != nullptr) progress->FileDone();
  return Status::Ok();
}

}  // namespace gapmap
