// LinePrefixFilter: a cheap, exact-in-one-direction test that a line cannot
// match any of the structure rules' line patterns, run before the RegexSet.
//
// The line patterns are anchored at the start of the line, so a match is a
// prefix of the line: either one byte long or starting with the line's first
// two bytes; a pattern ending in '$' also ends where the line ends. The filter
// reads the patterns' own syntax (lib/rules/regex_syntax.h; never a restatement
// of rules/structure.yaml)
// and collects, per pattern, every byte that can be a whole match, every pair
// of bytes that can start a longer one and, for a pattern ending in '$', every
// byte a match can end with. A line no pattern can both start and end like
// cannot match: most lines of prose (starting with a lowercase word, or with a
// capital but not ending like a chart label) are rejected with three table
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

#include <cstdint>
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
  bool MayMatch(std::string_view text) const { return Candidates(text) != 0; }

  // The patterns that may match a prefix of `text`, one bit each (see
  // below); 0 if none can. All bits when the filter is off or `text` empty.
  uint32_t Candidates(std::string_view text) const {
    if (!enabled_ || text.empty()) return ~uint32_t{0};
    auto b0 = static_cast<unsigned char>(text[0]);
    uint32_t starts = single_[b0];
    if (text.size() >= 2) starts |= pairs_[b0 * 256 + static_cast<unsigned char>(text[1])];
    return starts & ends_[static_cast<unsigned char>(text.back())];
  }

  // The index of the one pattern that `candidates` (from Candidates()) can
  // stand for, or -1 if they stand for none or several.
  int SolePattern(uint32_t candidates) const {
    if (pattern_count_ > 32 || candidates == 0 || (candidates & (candidates - 1)) != 0) return -1;
    return __builtin_ctz(candidates);
  }

  bool enabled() const { return enabled_; }
  // How many patterns the filter was built from (0 when it is off).
  size_t pattern_count() const { return pattern_count_; }

 private:
  // Bit k % 32 stands for pattern k: one of the patterns that can match at
  // the start of the line must also be able to end where the line ends.
  bool enabled_ = false;
  size_t pattern_count_ = 0;
  std::vector<uint32_t> single_;  // [byte]: patterns with that one-byte match
  std::vector<uint32_t> pairs_;   // [first * 256 + second]: patterns starting so
  std::vector<uint32_t> ends_;    // [last byte]: patterns that end there ('$') or anywhere
};

}  // namespace gapmap

#endif  // GAPMAP_SEGMENT_LINE_PREFIX_FILTER_H_
