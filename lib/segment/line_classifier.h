// LineClassifier: what one line of a document looks like, on its own.
//
// It normalises the line (lib/segment/normaliser.h), rules out most patterns
// by the line's first bytes and last byte (lib/segment/line_prefix_filter.h),
// matches it against the patterns left (each alone when LineRegex reads them
// all, else in one RegexSet pass), then reads the capture groups of the one
// pattern that decides the line's shape. The
// shape is a candidate: the segmenter confirms it in context (a number alone
// on a line is a page number next to page furniture, a footnote number when it
// continues the footnote numbering, chart residue otherwise).
//
// A line equal to the document's title or issuer (a running header) or
// ending in leader dots (a table of contents entry) is furniture too.
//
// When several patterns match, the shape is the first of: furniture, part
// heading, explicit heading, page number, bullet glyph, numbered, list item.
// A line that also looks like the start of a footnote ("12 CTOC/COP/...")
// reports that separately in `footnote_number`.
#ifndef GAPMAP_SEGMENT_LINE_CLASSIFIER_H_
#define GAPMAP_SEGMENT_LINE_CLASSIFIER_H_

#include <string>
#include <string_view>
#include <vector>

#include "lib/core/document_info.h"
#include "lib/core/status.h"
#include "lib/segment/structure_rules.h"

namespace gapmap {

enum class LineShape : uint8_t {
  kBlank,        // nothing but spaces
  kSeparator,    // the rule line above footnotes
  kFurniture,    // running header, part title as page header, chart residue
  kNumberOnly,   // a number alone: page number, footnote number or residue
  kPartHeading,  // "Gap analysis", "Recommendations"
  kHeading,      // an explicit heading ("### Article 1")
  kBulletGlyph,  // "• text"
  kNumbered,     // "1.1.2. text"
  kBulletItem,   // "- text", "a) text"
  kText,
};

struct LineInfo {
  LineShape shape = LineShape::kBlank;
  int indent = 0;            // leading spaces of the raw line
  std::string_view text;     // normalised and trimmed; valid until the next Classify()
                             // and while the raw line is
  std::string_view marker;   // bullet, number or heading marker, as written
  std::string_view body;     // text after the marker (== text when there is none)
  int number = -1;           // kNumberOnly: the number
  int part = -1;             // kPartHeading: index into StructureRules::part_names
  int depth = 0;             // kNumbered: count of numbers; kHeading: marker length
  int footnote_number = -1;  // the line could start a footnote with this number
  std::string_view footnote_text;
  int words = 0;  // words in `text`
  bool may_hold_digit = true;  // false: `text` holds no ASCII digit
};

class LineClassifier {
 public:
  // `document` supplies the title and issuer that running headers repeat.
  LineClassifier(const StructureRules& rules, const DocumentInfo& document);

  // Classifies `raw` (one line without its terminator). Returns an error only
  // when the regex set fails (out of memory), never for a line it does not
  // recognise.
  Status Classify(std::string_view raw, LineInfo* info);

 private:
  inline bool IsRunningHeader(std::string_view text) const;
  // Matches `p` alone against the line `text`, keeping its capture groups in
  // groups_; asked again for the same line, answers from there.
  bool Groups(const LinePattern& p, std::string_view text);
  // With `candidates` from the prefix filter (at most 32 patterns), asks each
  // candidate alone: sets the footnote start in `info`, returns the pattern
  // that decides the shape (its groups in groups_), or null.
  const LinePattern* MatchEach(uint32_t candidates, std::string_view text, LineInfo* info);

  const StructureRules& rules_;
  bool separator_matches_empty_;  // the footnote separator on an empty line
  std::string title_;             // lowercase, normalised; empty when unknown
  std::string issuer_;
  std::string buffer_;  // the normalised line
  std::vector<int> hits_;
  std::vector<std::string_view> groups_;
  const LinePattern* groups_of_ = nullptr;  // whose groups_ are, on this line
  bool groups_matched_ = false;
  uint32_t fast_patterns_ = 0;  // bit k: line pattern k can be asked without RE2
  // Bit k: pattern k is a footnote start; [priority]: the other patterns of
  // that priority (see Priority()). Empty past 32 patterns.
  uint32_t footnote_mask_ = 0;
  std::vector<uint32_t> priority_masks_;
};

// Counts the space-separated tokens ("words") of normalised text, stopping
// once the count passes `limit`.
int CountTokens(std::string_view text, int limit = 1 << 30);

}  // namespace gapmap

#endif  // GAPMAP_SEGMENT_LINE_CLASSIFIER_H_
