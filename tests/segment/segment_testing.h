// Helpers for segmenter and section tracker tests: run text through the real
// reader and segmenter at a given chunk size, render units compactly.
#ifndef GAPMAP_TESTS_SEGMENT_SEGMENT_TESTING_H_
#define GAPMAP_TESTS_SEGMENT_SEGMENT_TESTING_H_

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

#include "lib/core/document_info.h"
#include "lib/core/unit.h"
#include "lib/rules/agency_registry.h"
#include "lib/sections/section_tracker.h"
#include "lib/segment/segmenter.h"
#include "lib/segment/structure_rules.h"
#include "lib/source/byte_source.h"
#include "lib/source/line_reader.h"

namespace doctest {
// Lets CHECK(a == b) print both lists of rendered units when they differ.
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string s = "{\n";
    for (const std::string& x : v) s += "  \"" + x + "\"\n";
    s += "}";
    return String(s.c_str());
  }
};
}  // namespace doctest

namespace gapmap::testing {

// Every reader and segmenter case runs at these sizes.
inline const size_t kChunkSizes[] = {1, 7, 4096};

inline const StructureRules& ShippedStructure() {
  static const StructureRules* rules = [] {
    auto* r = new StructureRules();
    std::vector<Diagnostic> errors;
    bool ok = LoadStructureRules(GAPMAP_SOURCE_DIR "/rules/structure.yaml", r, &errors);
    REQUIRE(ok);
    return r;
  }();
  return *rules;
}

inline const AgencyRegistry& ShippedAgencies() {
  static const AgencyRegistry* registry = [] {
    auto* r = new AgencyRegistry();
    std::vector<Diagnostic> errors;
    bool ok = LoadAgencyRegistry(GAPMAP_SOURCE_DIR "/rules/agencies.yaml", r, &errors);
    REQUIRE(ok);
    return r;
  }();
  return *registry;
}

struct SegmentRun {
  const StructureRules* rules = nullptr;     // default: the shipped rules
  const AgencyRegistry* agencies = nullptr;  // default: the shipped registry
  DocumentInfo document;
  SegmenterOptions options;
  bool track = false;  // also run the section tracker
  // Hand every unit back to the tracker and segmenter once it is taken
  // (Recycle()), as the pipeline does: later units are built in its storage.
  bool recycle = false;
};

inline std::vector<Unit> Segment(const std::string& text, size_t chunk, SegmentRun run = {}) {
  const StructureRules& rules = run.rules ? *run.rules : ShippedStructure();
  const AgencyRegistry& agencies = run.agencies ? *run.agencies : ShippedAgencies();
  if (run.document.doc_id.empty()) run.document.doc_id = "doc";
  StringSource source(text, "<test>", chunk);
  ReaderOptions reader_options;
  reader_options.chunk_size = chunk;
  LineReader reader(&source, reader_options);
  Segmenter segmenter(rules, agencies, run.document, run.options);
  SectionTracker tracker(rules, agencies, run.document);
  std::vector<Unit> units;
  std::vector<Unit> batch;
  auto take = [&] {
    for (Unit& u : batch) {
      if (run.track) tracker.Stamp(&u);
      units.push_back(u);  // a copy: `u` keeps its text and path for the recycling
      if (run.recycle) {
        tracker.Recycle(&u);
        segmenter.Recycle(&u);
      }
    }
    batch.clear();
  };
  Line line;
  while (reader.Next(&line)) {
    REQUIRE(segmenter.AddLine(line, &batch).ok());
    take();
  }
  REQUIRE(reader.status().ok());
  segmenter.Finish(&batch);
  take();
  return units;
}

// "kind start-end [marker] text", e.g. "bullet 3-4 [a)] To provide ...".
inline std::string Render(const Unit& u) {
  std::string s = fmt::format("{} {}-{}", KindName(u.kind), u.line_start, u.line_end);
  if (!u.marker.empty()) s += fmt::format(" [{}]", u.marker);
  s += " " + u.text;
  return s;
}

inline std::vector<std::string> Render(const std::vector<Unit>& units) {
  std::vector<std::string> out;
  for (const Unit& u : units) out.push_back(Render(u));
  return out;
}

// The contract every run must keep: ordinals 1..n in order, sorted by
// line_start, the document id set, byte spans inside the input.
inline void CheckOrder(const std::vector<Unit>& units, size_t input_size) {
  for (size_t i = 0; i < units.size(); ++i) {
    CAPTURE(i);
    CHECK(units[i].ordinal == i + 1);
    CHECK(!units[i].doc.empty());
    CHECK(units[i].line_start <= units[i].line_end);
    CHECK(units[i].byte_start <= units[i].byte_end);
    CHECK(units[i].byte_end <= input_size);
    if (i > 0) CHECK(units[i - 1].line_start <= units[i].line_start);
  }
}

// Segments `text` at every chunk size, checks they agree and keep the order
// contract, and returns the rendered units.
inline std::vector<std::string> SegmentAll(const std::string& text, const SegmentRun& run = {}) {
  std::vector<std::string> first;
  for (size_t chunk : kChunkSizes) {
    CAPTURE(chunk);
    std::vector<Unit> units = Segment(text, chunk, run);
    CheckOrder(units, text.size());
    std::vector<std::string> rendered = Render(units);
    // Units built in recycled storage are the same units.
    SegmentRun recycled = run;
    recycled.recycle = true;
    std::vector<Unit> again = Segment(text, chunk, recycled);
    CHECK(Render(again) == rendered);
    for (size_t i = 0; i < std::min(again.size(), units.size()); ++i) {
      CHECK(again[i].doc == units[i].doc);
    }
    if (chunk == kChunkSizes[0]) {
      first = rendered;
    } else {
      CHECK(rendered == first);
    }
  }
  return first;
}

}  // namespace gapmap::testing

#endif  // GAPMAP_TESTS_SEGMENT_SEGMENT_TESTING_H_
