// Plain types shared by the matchers and the tagger: a pattern hit, a word
// token, and the per-thread scratch space one scan of a unit uses.
#ifndef GAPMAP_RULES_MATCH_TYPES_H_
#define GAPMAP_RULES_MATCH_TYPES_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "lib/rules/word_memo.h"

namespace gapmap {

// Pattern `pattern` (an index into the compiled rules' patterns) matched
// text[begin, end).
struct Hit {
  uint32_t pattern = 0;
  uint32_t begin = 0;
  uint32_t end = 0;
  friend bool operator==(const Hit&, const Hit&) = default;
};

// Hits in (begin, end, pattern) order.
inline bool HitLess(const Hit& a, const Hit& b) {
  if (a.begin != b.begin) return a.begin < b.begin;
  if (a.end != b.end) return a.end < b.end;
  return a.pattern < b.pattern;
}

// One word of a unit's text: text[begin, end).
struct WordToken {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t term_word = 0;  // TermMatcher: which term word it is or starts with
};

// Per-thread buffers of AtomScanner::Scan (atom_scanner.h).
struct AtomScanScratch {
  std::vector<uint8_t> state_seen;  // per state: its atoms are already reported
  std::vector<std::pair<uint32_t, uint32_t>> hits;  // (state, end) of every atom found
  std::vector<uint16_t> after;  // per byte: the table entry of the scan's state after it
  std::vector<uint8_t> atom_seen;   // per atom: already reported
};

// A range of a unit, [begin, end), that holds every match of a regex in it
// (regex_prefilter.h); each of those matches holds an atom that starts at or
// before `last_atom`, so none starts after it.
struct RegexWindow {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t last_atom = 0;
};

// Per-thread buffers of RegexPrefilter::Candidates (regex_prefilter.h).
struct PrefilterScratch {
  AtomScanScratch scan;
  std::vector<int> found;  // scanner atoms
  std::vector<uint8_t> clause_hit;     // per clause: an atom of it was found
  std::vector<uint16_t> clauses_met;   // per regex: its clauses hit
  std::vector<int> clauses;            // the clauses hit
  std::vector<RegexWindow> windows;  // of one regex
  struct Window {
    int regex;
    RegexWindow range;
  };
  std::vector<Window> all_windows;  // of every candidate, by regex and begin
  std::vector<uint8_t> windowed;    // per regex: a candidate with windows
  std::vector<RegexWindow> stretches;  // per regex: the last stretch free of its stop bytes
};

// Reusable buffers for scanning units; one per thread (a Tagger owns one).
// After UnitMatcher::Match, `tokens` holds the unit's words.
struct MatchScratch {
  std::string folded;  // the text's words case-folded, other bytes 0 (FoldedBufferSize(), fold_text.h)
  std::vector<uint64_t> word_bits;  // per byte: part of a word
  std::vector<WordToken> tokens;
  // Per token: what the term index needs of the word (TermMatcher).
  std::vector<uint32_t> word_index;
  std::vector<uint32_t> walks;    // tokens the word memo did not know
  WordMemo word_memo;
  // TermMatcher: variants [begin, end) may start at token `token`.
  struct TermCandidate {
    uint32_t token, begin, end;
  };
  std::vector<TermCandidate> candidates;
  std::vector<int> set_hits;
  PrefilterScratch prefilter;
  std::vector<int> regex_candidates;  // regexes the prefilter lets through
  uint64_t set_fallbacks = 0;  // units whose regex-set scan ran out of memory
};

}  // namespace gapmap

#endif  // GAPMAP_RULES_MATCH_TYPES_H_
