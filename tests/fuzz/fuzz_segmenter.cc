// Fuzz target: arbitrary bytes through the document front end exactly as the
// pipeline wires it: DecodingSource -> LineReader -> Segmenter -> SectionTracker,
// with the repository's rules/.
//
// Input: byte 0 = chunk size, byte 1 = the unit size cap and the binary
// policy, the rest is the document. Properties checked:
// - the reader: every line is valid UTF-8 without line terminators, at most
//   max_line_bytes long, holds no NUL when NULs stop it, and the lines do not
//   depend on the chunk size (compared with a 4096-byte read);
// - the segmenter: units come out numbered 1, 2, ... in document order, with
//   sane line spans inside the document, valid UTF-8 text, and text no longer
//   than max_unit_bytes (its contract: memory bounded by the cap);
// - the tracker: stamps without crashing; agency and part are valid UTF-8.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "lib/core/diagnostics.h"
#include "lib/core/document_info.h"
#include "lib/core/utf8.h"
#include "lib/rules/rule_set.h"
#include "lib/sections/section_tracker.h"
#include "lib/segment/segmenter.h"
#include "lib/source/byte_source.h"
#include "lib/source/decoding_source.h"
#include "lib/source/line_reader.h"
#include "tests/fuzz/fuzz_check.h"

namespace gapmap {
namespace {

std::shared_ptr<const RuleSet> g_rules;

struct ReadLine {
  std::string text;
  uint32_t number;
  bool continued;
  bool page_break;
  bool operator==(const ReadLine&) const = default;
};

struct ReadResult {
  std::vector<ReadLine> lines;
  bool ok = true;
};

ReadResult ReadLines(const std::string& doc, size_t chunk, size_t max_line, bool stop_at_nul) {
  StringSource inner(doc, "<fuzz>", chunk);
  DecodingSource decoded(&inner);
  ReaderOptions options;
  options.chunk_size = chunk;
  options.max_line_bytes = max_line;
  options.stop_at_nul = stop_at_nul;
  options.on_warning = [](uint32_t, uint64_t, std::string_view message) {
    FUZZ_CHECK(!message.empty());
  };
  LineReader reader(&decoded, options);
  ReadResult result;
  Line line;
  while (reader.Next(&line)) {
    result.lines.push_back({std::string(line.text), line.number, line.continued, line.page_break});
  }
  result.ok = reader.status().ok();
  return result;
}

}  // namespace
}  // namespace gapmap

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::vector<gapmap::Diagnostic> errors;
  gapmap::g_rules = gapmap::LoadRuleSet(GAPMAP_SOURCE_DIR "/rules", {}, &errors);
  if (!gapmap::g_rules) {
    std::fprintf(stderr, "fuzz_segmenter: cannot load %s/rules\n", GAPMAP_SOURCE_DIR);
    std::abort();
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gapmap;
  fuzz::InputReader in(data, size);
  const size_t chunk = 1 + in.Byte() % 64;
  const uint8_t knobs = in.Byte();
  const size_t max_unit = 16 + (knobs & 0x7F) * 8;  // 16 .. 1032 bytes
  const bool stop_at_nul = knobs & 0x80;
  const std::string doc = in.Rest();

  ReadResult lines = ReadLines(doc, chunk, max_unit, stop_at_nul);
  uint32_t last_line = 0;
  for (const ReadLine& line : lines.lines) {
    FUZZ_CHECK(IsValidUtf8(line.text));
    FUZZ_CHECK(line.text.find_first_of("\r\n") == std::string::npos);
    FUZZ_CHECK(line.text.size() <= max_unit);
    if (stop_at_nul) FUZZ_CHECK(line.text.find('\0') == std::string::npos);
    FUZZ_CHECK(line.number >= 1 && line.number >= last_line);
    last_line = line.number;
  }
  if (lines.ok) {
    // Chunk boundaries must not change the lines (a NUL stop may, by design).
    ReadResult reference = ReadLines(doc, 4096, max_unit, stop_at_nul);
    FUZZ_CHECK(reference.ok);
    FUZZ_CHECK(reference.lines == lines.lines);
  }

  // The segmenter and tracker see the lines as the pipeline gives them.
  StringSource inner(doc, "<fuzz>", chunk);
  DecodingSource decoded(&inner);
  ReaderOptions options;
  options.chunk_size = chunk;
  options.max_line_bytes = max_unit;
  options.stop_at_nul = stop_at_nul;
  LineReader reader(&decoded, options);
  DocumentInfo info;
  info.doc_id = "fuzz";
  Segmenter segmenter(g_rules->structure, g_rules->agencies, info, SegmenterOptions{max_unit});
  SectionTracker tracker(g_rules->structure, g_rules->agencies, info);
  std::vector<Unit> units;
  uint32_t next_ordinal = 1;
  uint32_t previous_start = 0;
  auto check_units = [&]() {
    for (Unit& unit : units) {
      tracker.Stamp(&unit);
      FUZZ_CHECK(unit.doc == "fuzz");
      FUZZ_CHECK(unit.ordinal == next_ordinal);
      ++next_ordinal;
      FUZZ_CHECK(unit.line_start >= 1);
      FUZZ_CHECK(unit.line_start <= unit.line_end);
      FUZZ_CHECK(unit.line_end <= last_line);
      FUZZ_CHECK(unit.line_start >= previous_start);
      previous_start = unit.line_start;
      FUZZ_CHECK(unit.byte_start <= unit.byte_end);
      FUZZ_CHECK(IsValidUtf8(unit.text));
      FUZZ_CHECK(IsValidUtf8(unit.marker));
      FUZZ_CHECK(unit.text.size() <= max_unit);
      FUZZ_CHECK(IsValidUtf8(unit.section.agency));
      FUZZ_CHECK(IsValidUtf8(unit.section.part));
      for (const std::string& heading : unit.section.path) FUZZ_CHECK(IsValidUtf8(heading));
    }
    units.clear();
  };
  Line line;
  while (reader.Next(&line)) {
    FUZZ_CHECK(segmenter.AddLine(line, &units).ok());
    check_units();
  }
  if (reader.status().ok()) {
    segmenter.Finish(&units);
    check_units();
  }
  return 0;
}
