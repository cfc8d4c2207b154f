// Segmenter: lines in, units out, in one streaming pass.
//
// Contract: AddLine() is called with every line of a document in order, then
// Finish() once. Each call appends the units it completed to `out`, in
// document order (ordered by line_start), with `doc`, `ordinal` (1, 2, ...),
// `kind`, line and byte spans, `marker`, normalised `text` and
// `lead_in_ordinal` set; `section` is left to the section tracker. Results do
// not depend on how the input was cut into reads.
//
// What it undoes of a PDF extraction (patterns from rules/structure.yaml):
// - Page furniture (running headers, page numbers, part titles repeated as
//   page headers, chart residue) becomes `furniture` units.
// - Footnotes become `footnote` units: the block below a page's separator
//   line, numbers that continue the footnote numbering with the text after
//   them, and footnotes the extraction inserted into the middle of a paragraph
//   (an indented line interrupting it). The body resumes at a line indented by
//   one space (the extraction's mark of a new page) or after a page break.
// - A paragraph or list item broken by a page break, a blank line, footnotes
//   or furniture is rejoined when the text resumes with a lowercase word; its
//   line_start..line_end then spans the whole item, and the footnote and
//   furniture units found inside it are emitted right after it.
// - A chapter title glued to the end of a paragraph (a new page starting with
//   the next agency's title) is split off as a `heading`, as is a short
//   title-case line closing a paragraph.
// - Bullets and numbered items become `bullet` units with the marker in
//   `marker`; continuation lines join them. A numbered line standing alone, on
//   one line, without closing punctuation is a `heading`; so is a short block
//   standing alone when body text or a list follows it or it opens a page.
//   A block of short lines (chart labels, a sidebar, a pull quote) is
//   `furniture`.
// - The text is normalised (lib/segment/normaliser.h) and words hyphenated
//   across lines are rejoined (lib/segment/dehyphenation.h).
// - A list item after a paragraph that leads in to it (ends with ':') gets
//   that paragraph's ordinal in `lead_in_ordinal`; in a nested list, the
//   item that leads in ("2. ... as criminal offences:") is the lead-in of the
//   items of another marker style that follow it ("a) ...").
//
// Memory: the unit being built, the previous one (which a later line may still
// continue) and the footnote and furniture units found meanwhile. No unit's
// text exceeds max_unit_bytes (a line that would push it past starts the next
// unit; lines must be no longer, as the pipeline's reader cuts them), and
// held units beyond that size release the unit they wait for.
#ifndef GAPMAP_SEGMENT_SEGMENTER_H_
#define GAPMAP_SEGMENT_SEGMENTER_H_

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "lib/core/document_info.h"
#include "lib/core/status.h"
#include "lib/core/unit.h"
#include "lib/rules/agency_registry.h"
#include "lib/segment/chapter_titles.h"
#include "lib/segment/dehyphenation.h"
#include "lib/segment/line_classifier.h"
#include "lib/segment/structure_rules.h"
#include "lib/source/line_reader.h"

namespace gapmap {

struct SegmenterOptions {
  size_t max_unit_bytes = 1 << 20;  // longer units are split
};

class Segmenter {
 public:
  // `rules` and `agencies` must outlive the segmenter.
  Segmenter(const StructureRules& rules, const AgencyRegistry& agencies,
            const DocumentInfo& document, SegmenterOptions options = {});

  // Fails only if a line pattern cannot be run (the regex set ran out of
  // memory); the segmenter must not be used after that.
  Status AddLine(const Line& line, std::vector<Unit>* out);
  void Finish(std::vector<Unit>* out);
  // Takes back the text and document id of a unit the caller is done with
  // (moved from; `done` keeps the rest): later units are built in their
  // storage instead of allocating their own. Optional; changes no result.
  void Recycle(Unit* done);

 private:
  // One source line of a unit under construction.
  struct DraftLine {
    uint32_t number = 0;
    uint64_t begin = 0;  // byte span of the raw line
    uint64_t end = 0;
    size_t text_offset = 0;  // where its text starts in Draft::text
    size_t chars = 0;        // length of its normalised text
    // Whether its text ends a sentence: 1 or 0 once asked, -1 before. Only
    // the last lines of a block are ever asked (EndsSentenceAt()), so it is
    // not worked out for every line as it arrives.
    int8_t ends_sentence = -1;
  };

  // A unit under construction.
  struct Draft {
    UnitKind kind = UnitKind::kText;
    bool numbered = false;           // a numbered item ("1.1.")
    bool started_clean = false;      // began after a blank line or page furniture
    bool closed_clean = false;       // ended at a blank line, not at the next item
    bool heading_candidate = false;  // short stand-alone block: what follows decides
    bool page_top = false;           // the first block of a page
    std::string marker;
    std::string text;
    std::vector<DraftLine> lines;

    bool live() const { return !lines.empty(); }
    // Empties the draft, keeping the capacity of its strings and line list
    // (field by field: a fresh Draft assigned over it cost ~60 instructions,
    // and drafts are reset several times per unit).
    void Reset() {
      kind = UnitKind::kText;
      numbered = started_clean = closed_clean = heading_candidate = page_top = false;
      marker.clear();
      text.clear();
      lines.clear();
    }
    uint32_t line_start() const { return lines.front().number; }
  };

  // What comes after a pending unit, to decide whether it was a heading.
  enum class Next { kNothing, kContent, kShort };

  void BodyLine(const Line& line, const LineInfo& info);
  // Returns false if the line ends the footnotes and is body text.
  bool FootnoteLine(const Line& line, const LineInfo& info);
  void StartBlock(const Line& line, const LineInfo& info, UnitKind kind, bool numbered, bool clean,
                  bool page_top);
  void AppendLine(Draft* draft, const Line& line, std::string_view text);
  // The block being read ended; it becomes the pending unit.
  void CloseBlock(bool clean);
  void SplitGluedTitle(Draft* draft);
  // Whether line `j` of `draft` ends a sentence, read from the draft's text
  // (the line's own text, give or take the space or hyphen joining it to the
  // next) and kept in the line.
  static bool EndsSentenceAt(Draft* draft, size_t j);
  bool IsNarrow(const Draft& draft) const;
  void FinalizePending(Next next);
  void StageDraft(Draft* draft);
  void StageLine(UnitKind kind, const Line& line, std::string_view text,
                 std::string_view marker = {});
  void Stage(Unit&& unit);
  // An empty unit, in recycled storage when there is some.
  Unit NewUnit();
  // Gives `unit` the room of a recycled unit, if one is left.
  void TakeSpare(Unit* unit);
  // A unit to be filled in place among the staged ones, in recycled storage,
  // when it goes after every waiting unit (nearly always; else null: build it
  // apart and Stage() it). Its text's size is not counted in staged_bytes_.
  Unit* StageInPlace(uint32_t line_start);
  // Drops the emitted units before the vector would grow, so that it holds
  // no more than twice the units still waiting.
  void CompactStaged();
  void StartFootnote(const Line& line, const LineInfo& info);
  void EndFootnotes();
  void ResolveDeferredNumber(const LineInfo* next);
  bool IsFootnoteNumber(int n) const;
  void NoteReferences(std::string_view text);
  void PageBreak();
  Next WhatFollows(const LineInfo& info) const;
  // `restarted`: a draft that was just started from the newest line piece,
  // so everything staged precedes it and it must not hold anything back.
  void Flush(std::vector<Unit>* out, bool all, const Draft* restarted = nullptr) {
    // Most lines stage nothing (and nothing staged means no bytes held): the
    // test inline, as it is made after every line.
    if (staged_head_ != staged_.size()) FlushStaged(out, all, restarted);
  }
  void FlushStaged(std::vector<Unit>* out, bool all, const Draft* restarted);
  void Emit(Unit* unit, std::vector<Unit>* out);
  bool EndsWithLeadIn(const std::string& text) const;

  const StructureRules& rules_;
  DocumentInfo document_;
  SegmenterOptions options_;
  ChapterTitles titles_;
  LineClassifier classifier_;
  Dehyphenator dehyphenator_;
  LineInfo info_;
  std::string scratch_;

  Draft cur_;       // the block being read
  Draft pending_;   // the previous body unit: may continue, or await what follows
  Draft footnote_;  // the footnote being read
  bool in_footnotes_ = false;
  bool footnote_has_text_ = false;

  // A number alone on a line, waiting for the next line to say whether it is
  // a page number (next to furniture) or a footnote number.
  struct Deferred {
    uint32_t number_line = 0;
    uint64_t begin = 0, end = 0;
    int number = 0;
    std::string text;
  };
  std::optional<Deferred> deferred_;

  int blank_run_ = 0;
  bool page_top_ = true;               // nothing but furniture since the last page break
  bool after_furniture_ = false;       // the last non-blank line was furniture
  bool open_furniture_ = false;        // ... and it stopped mid-sentence (a caption)
  bool after_open_furniture_ = false;  // the line before this one was such
  int last_footnote_ = 0;              // the last footnote number seen
  int max_reference_ = 0;              // the highest note reference in the text since

  // Finished units waiting for earlier ones: staged_[staged_head_..] in
  // line order; those before staged_head_ are emitted (moved from). A vector
  // reused for the whole document rather than a deque, which allocated and
  // freed a block for every other unit.
  std::vector<Unit> staged_;
  size_t staged_head_ = 0;
  size_t staged_bytes_ = 0;
  uint32_t next_ordinal_ = 1;
  // Storage handed back by Recycle(): a unit's text (which gives its room on
  // to the draft it is moved from) and document id. A few are enough: units
  // come back as fast as they go out.
  struct Spare {
    std::string text;
    std::string doc;
  };
  std::array<Spare, 4> spares_;  // spares_[0, spare_count_) hold room
  size_t spare_count_ = 0;
  uint32_t lead_in_ = 0;  // ordinal of the paragraph leading in to a list
  uint32_t item_lead_in_ = 0;     // ordinal of a list item leading in to a nested list
  std::string item_lead_in_style_;  // that item's marker style ("9.", "a)")
};

}  // namespace gapmap

#endif  // GAPMAP_SEGMENT_SEGMENTER_H_
