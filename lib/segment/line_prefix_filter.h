// LinePrefixFilter: a cheap, exact-in-one-direction test that a line cannot
// match any of the structure rules' line patterns, run before the RegexSet.
//
// The line patterns are anchored at the start of the line, so a match is a
// prefix of the line: either one byte long or starting with the line's first
// two bytes. The filter reads the patterns' own syntax (never a restatement of
// rules/structure.yaml) and collects every byte that can be a whole match and
// every pair of bytes that can start a longer one. A line whose first byte
// and first two bytes are in neither set cannot match, and most lines of
// prose (those starting with a lowercase word) are rejected with two table
// look-ups instead of a RegexSet call (~1000 instructions, mostly RE2's fixed
// cost per call).
//
// The analysis over-approximates wherever it simplifies (anchors, word
// boundaries and repetition counts are ignored; case folding and non-ASCII
// characters admit any multi-byte character), so it may let through lines
// the RegexSet then rejects, never the other way round. A pattern it cannot
// read, or one that matches the empty string (and so every line), turns the
// filter off: MayMatch() is then always true.
#ifndef GAPMAP_SEGMENT_LINE_PREFIX_FILTER_H_
#define GAPMAP_SEGMENT_LINE_PREFIX_FILTER_H_

#include <bitset>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace gapmap {

class LinePrefixFilter {
 public:
  // A filter that lets every line through.
  LinePrefixFilter();
  // From RE2 patterns (the line patterns as written, matched from the start
  // of the line, case-sensitive unless they say (?i)).
  explicit LinePrefixFilter(const std::vector<std::string>& patterns);

  // False only if no pattern can match a prefix of `text`.
  bool MayMatch(std::string_view text) const {
    if (!enabled_ || text.empty()) return true;
    auto b0 = static_cast<unsigned char>(text[0]);
    if (single_[b0]) return true;
    return text.size() >= 2 && pairs_[b0][static_cast<unsigned char>(text[1])];
  }

  bool enabled() const { return enabled_; }

 private:
  bool enabled_ = false;
  std::bitset<256> single_;              // bytes that are a whole match
  std::vector<std::bitset<256>> pairs_;  // [first][second] that start a longer match
};

}  // namespace gapmap

#endif  // GAPMAP_SEGMENT_LINE_PREFIX_FILTER_H_
