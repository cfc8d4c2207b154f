// RegexPrefilter: which of a list of regexes can match a unit, and where,
// from the literal strings ("atoms") every match of each regex must contain.
//
// Per regex, RE2's FilteredRE2 computes an AND/OR formula over atoms that
// every match satisfies; from it Build() takes up to four clauses, sets of
// atoms of which every match holds one each (`\bnot (?:be )?punish\w*`:
// {punish} and {not }). One AtomScanner pass over the unit finds the atoms
// of all regexes; a regex is a candidate when each of its clauses has an atom
// in the unit. A candidate whose matches have a bounded length (regex_length.h)
// is then searched only in windows around the atoms of its first clause; one
// of unbounded length whose matches cannot hold some bytes (`[^.;:?]*?`, `\w*`),
// in the stretches free of those bytes around the atoms. A regex that
// ends in `$` is searched only in a window that reaches the unit's end. On
// most units no regex is a candidate and RE2 does not scan the unit at all;
// the RE2 set scan this replaces cost as much per byte as running one regex,
// and a large share of a run's fixed cost went into building its DFA.
//
// Soundness (a regex that matches is never left out, nor a match missed):
//  - Atoms are lowercase; the scanner compares ASCII letters without case.
//    Atoms with non-ASCII bytes, and those of one or two letters or spaces
//    (they are everywhere), are not scanned for: a clause must consist of
//    scanned atoms, which FilteredRE2 checks (the formula must fail with
//    every unscanned atom present and none of the clause's).
//  - RE2's case folding relates two non-ASCII code points to ASCII letters:
//    U+017F (long s ~ s) and U+212A (Kelvin sign ~ k). A unit holding either
//    may match an ASCII atom the scanner cannot see, so Candidates() gives up
//    on it (returns false) and the caller scans it with the RE2 set.
//  - A regex without such clauses (e.g. `\d+`) is a candidate for every unit.
//
// Build once, then Candidates() from many threads, each with its own scratch.
#ifndef GAPMAP_RULES_REGEX_PREFILTER_H_
#define GAPMAP_RULES_REGEX_PREFILTER_H_

#include <bitset>
#include <string>
#include <string_view>
#include <vector>

#include "lib/core/flat_lists.h"
#include "lib/rules/atom_scanner.h"
#include "lib/rules/match_types.h"

namespace gapmap {

class RegexPrefilter {
 public:
  RegexPrefilter();
  RegexPrefilter(RegexPrefilter&&) noexcept;
  RegexPrefilter& operator=(RegexPrefilter&&) noexcept;
  ~RegexPrefilter();

  // `pattern` in RE2 syntax with its case flag spelled out (as a RegexSet
  // takes it); its index is the number of regexes added before it. A pattern
  // RE2 refuses here gets no clauses (a candidate for every unit).
  void Add(std::string_view pattern);
  void Build();

  // Sets `candidates` to the regexes that may match `text` and returns
  // true; returns false when it cannot tell for this text (then any regex
  // may match). Before Build() or without regexes: false.
  bool Candidates(std::string_view text, PrefilterScratch* scratch,
                  std::vector<int>* candidates) const;

  // After Candidates() returned true, for one of the candidates: sets
  // scratch->windows to disjoint ranges of the text, in order, that hold
  // every match of regex `r` (each match holds one of its atoms and is at
  // most MaxMatchBytes() long, so it lies around an atom found), with the
  // start of the last atom in each, and returns true; false when `r` must be
  // searched in the whole text (its length is unbounded, and its matches
  // can hold any byte).
  bool Windows(int r, PrefilterScratch* scratch) const;

  // True for the code points RE2 matches case-insensitively with an ASCII
  // letter although they are not ASCII (see above).
  static bool FoldsWithAscii(char32_t cp) { return cp == 0x17F || cp == 0x212A; }
  // Whether `text` holds one of them.
  static bool HoldsAsciiFold(std::string_view text);

 private:
  // The windows of all `candidates` into scratch->all_windows.
  void FindWindows(const std::vector<int>& candidates, std::string_view text,
                   PrefilterScratch* scratch) const;

  std::vector<std::string> patterns_;
  AtomScanner scanner_;
  FlatLists atom_clauses_;  // per atom: the clauses it is in
  std::vector<int> clause_regex_;               // per clause: its regex
  std::vector<int> clause_count_;               // per regex: its clauses
  FlatLists window_regexes_;  // per atom: regexes whose first clause has it
  std::vector<int> always_;  // regexes without clauses: candidates for every unit
  std::vector<int> reach_;   // per regex: MaxMatchBytes(), -1: unbounded or no clause
  // Per regex of unbounded length with clauses: the bytes no match holds
  // (the complement of MatchableBytes()); none: searched in the whole text.
  std::vector<std::bitset<256>> stops_;
  // Per regex: every match ends at the text's end (AnchoredAtEnd()), so only
  // a window that reaches it can hold one.
  std::vector<uint8_t> at_end_;
  bool built_ = false;
};

}  // namespace gapmap

#endif  // GAPMAP_RULES_REGEX_PREFILTER_H_
