// StructureRules: how the lines of a report series are recognised (page
// furniture, footnotes, list markers, headings, chapter parts), compiled from
// rules/structure.yaml so that another series is described without
// recompiling.
//
// File format (every key optional unless noted; rules/structure.yaml is the
// commented reference):
//   page_gap: 3                    # blank lines in a row that mark a page break
//   furniture: [PATTERN...]        # lines that are page furniture
//   leaders: 5                     # lines ending in this many leader dots (TOC)
//   running_headers: [title, issuer]   # lines equal to the manifest's title/issuer
//   narrow_blocks:                 # blocks of short lines are chart labels,
//     max_chars: 32                #   sidebars or pull quotes: furniture
//     min_lines: 2
//   page_number: PATTERN           # group 1: a number alone on a line
//   footnotes:
//     start: PATTERN               # group 1: number, group 2: text
//     separator: PATTERN           # the rule line above footnotes (raw line)
//     window: 3                    # how far footnote numbers may jump
//     insert_indent: 2             # indent of a footnote inserted mid-paragraph
//   bullets:
//     glyphs: [PATTERN...]         # group 1: marker; always a new list item
//     items: [PATTERN...]          # group 1: marker; a new item where one can start
//   numbered: [PATTERN...]         # group 1: the number ("1.1.2.")
//   headings:
//     patterns: [PATTERN...]       # group 1: marker (level = its length), group 2: text
//     max_lines: 2                 # a stand-alone block this short may be a heading
//     max_words: 20
//   parts:
//     before_first_chapter: intro
//     chapter_default: mandate
//     headings: {PART: [PATTERN...]}   # a heading matching PATTERN starts PART
//   lead_in: [TEXT...]             # how a paragraph leading in to a list ends
//   hyphenation:
//     keep_prefixes: [WORD...]
//     keep_second_parts: [WORD...]
//
// Line patterns are matched against the normalised, trimmed line, anchored at
// its start. All of them are compiled into one RegexSet so a line is scanned
// once; the individual regexes are only run for their capture groups on the
// (few) lines the set reports.
#ifndef GAPMAP_SEGMENT_STRUCTURE_RULES_H_
#define GAPMAP_SEGMENT_STRUCTURE_RULES_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/core/diagnostics.h"
#include "lib/rules/regex.h"
#include "lib/segment/line_prefix_filter.h"
#include "lib/segment/line_regex.h"

namespace gapmap {

// What a line pattern recognises.
enum class LineRole : uint8_t {
  kFurniture,
  kPageNumber,
  kFootnoteStart,
  kBulletGlyph,
  kBulletItem,
  kNumbered,
  kHeading,
  kPartHeading,
};

struct LinePattern {
  LineRole role;
  std::string pattern;  // as written in the file
  Regex regex;          // the pattern anchored at the start of the line
  int part = -1;        // kPartHeading: index into StructureRules::part_names
  // `regex` matched without RE2 (same answers and groups), when LineRegex
  // reads the pattern; RE2 still answers what it cannot.
  std::optional<LineRegex> fast;
};

struct StructureRules {
  StructureRules();
  ~StructureRules();
  StructureRules(StructureRules&&) noexcept;
  StructureRules& operator=(StructureRules&&) noexcept;

  int page_gap = 3;
  int leaders = 0;  // 0: off
  bool header_is_title = false;
  bool header_is_issuer = false;
  int footnote_window = 3;
  int footnote_insert_indent = 2;
  std::optional<Regex> footnote_separator;  // raw-line pattern
  size_t separator_min_bytes = 0;           // a shorter raw line cannot match it
  int narrow_block_chars = 0;               // 0: off
  int narrow_block_lines = 2;
  int heading_max_lines = 2;
  int heading_max_words = 20;
  std::string before_first_chapter;  // part of the front matter; empty = null
  std::string chapter_default;       // part a chapter starts in; empty = null
  std::vector<std::string> part_names;
  std::vector<std::string> lead_in;            // endings of a lead-in paragraph
  std::vector<std::string> keep_prefixes;      // lowercase, sorted
  std::vector<std::string> keep_second_parts;  // lowercase, sorted

  // Line patterns in file order; `line_set` holds the same patterns, index
  // for index. Null when there are none.
  std::vector<LinePattern> line_patterns;
  std::unique_ptr<RegexSet> line_set;
  // Rejects most lines that no line pattern can match before line_set runs.
  LinePrefixFilter line_filter;

  // Index into part_names of the part a heading starts, or -1.
  int PartOfHeading(std::string_view heading) const;
};

// Loads and compiles `path`. Returns false (appending every problem to
// `errors`, each with file:line:col) if the file is wrong. `*content`
// receives the bytes read.
bool LoadStructureRules(const std::string& path, StructureRules* rules,
                        std::vector<Diagnostic>* errors, std::string* content = nullptr);

// The same from YAML text already in memory (`file_name` is used in messages).
bool ParseStructureRules(std::string_view text, const std::string& file_name, StructureRules* rules,
                         std::vector<Diagnostic>* errors);

}  // namespace gapmap

#endif  // GAPMAP_SEGMENT_STRUCTURE_RULES_H_
