// UnitMatcher: every pattern of a rule set (terms and raw regexes) matched
// against one unit in a single scan, with the span of every occurrence.
//
// Terms go to the TermMatcher (spans for free). Raw regexes first pass a
// prefilter (regex_prefilter.h): from the literal atoms found in the unit it
// names the few regexes that may match, and only those run, each on its own
// (in windows around their atoms when their matches are of bounded length),
// which also finds their spans; on most units none is left. A regex that is
// a list of phrases (literal_regex.h) is run there as a walk of a trie of
// its strings, without RE2's fixed cost per search. The set scan it
// replaces cost as much as running a regex over the unit, plus building the
// big set's DFA states at the start of a run. Where the prefilter cannot
// tell (a unit with a code point RE2 folds to an ASCII letter), the regexes
// are combined in one RE2::Set (RegexSet) that says which of them occur; only
// those are then run on their own to find their spans. Regexes anchored at
// the start of the unit (`^...`) go to a second set, anchored: its scan
// stops after the first bytes (in the unanchored set they would keep the
// whole unit scanned), and one scan asks all of them at once (run one by
// one, each RE2 call's fixed cost was ~2.5 % of `matrix`). Most units cannot
// start like any of them, which a LinePrefixFilter over their syntax tells
// from the unit's first two bytes: those skip the scan and its fixed cost.
// An anchored regex that is a list of phrases (literal_regex.h:
// `^(?-i:(?:Strengthen|Develop|...) )`) is not in the set: where the filter
// lets its own pattern through, a walk of its trie at the unit's start
// answers for it (the set scan and the RE2 search for the span that
// followed it cost ~3,000 instructions). If a set scan runs
// out of its memory budget (--regex-mem), the unit is scanned one regex at a
// time instead (counted in MatchScratch::set_fallbacks): an out-of-memory scan
// never looks like "no match".
//
// Build once, then Match() from many threads, each with its own scratch.
#ifndef GAPMAP_RULES_UNIT_MATCHER_H_
#define GAPMAP_RULES_UNIT_MATCHER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lib/core/status.h"
#include "lib/rules/literal_regex.h"
#include "lib/rules/match_types.h"
#include "lib/rules/regex.h"
#include "lib/rules/regex_prefilter.h"
#include "lib/rules/term.h"
#include "lib/rules/term_matcher.h"
#include "lib/segment/line_prefix_filter.h"

namespace gapmap {

// Appends every non-empty, non-overlapping match of `re` in `text` (leftmost
// first, as RE2 finds them) as a hit of `pattern`.
void AppendRegexHits(const Regex& re, std::string_view text, uint32_t pattern,
                     std::vector<Hit>* hits);
// The same when every match lies in one of `windows` (disjoint ranges of
// `text`, in order) and starts by its last_atom: only they are searched.
void AppendRegexHitsIn(const Regex& re, std::string_view text,
                       const std::vector<RegexWindow>& windows, uint32_t pattern,
                       std::vector<Hit>* hits);

// Sorts hits into HitLess order and keeps, for each (pattern, begin), only
// the longest.
void NormalizeHits(std::vector<Hit>* hits);

class UnitMatcher {
 public:
  // `simulate_out_of_memory` (tests only) makes every set scan fail as if it
  // had run out of memory, to exercise the fallback: RE2 itself refuses at
  // Compile() the budgets that would make it fail, so it is hard to provoke.
  explicit UnitMatcher(int64_t set_memory_budget = 64LL << 20,
                       bool simulate_out_of_memory = false);
  UnitMatcher(UnitMatcher&&) noexcept;
  UnitMatcher& operator=(UnitMatcher&&) noexcept;
  ~UnitMatcher();

  void AddTerm(const Term& term, uint32_t pattern);
  // `re` is already compiled (the compiler reports its errors with a place).
  // `set_pattern` is the same pattern in the syntax the set takes (with its
  // case flag spelled out).
  Status AddRegex(const Regex& re, std::string_view set_pattern, uint32_t pattern);
  // Fails if the combined regexes do not fit the memory budget.
  Status Build();

  // Clears `hits` and fills it with every hit in the unit, normalised.
  // Fails only on an internal RE2 error.
  Status Match(std::string_view text, MatchScratch* scratch, std::vector<Hit>* hits) const;

  const TermMatcher& terms() const { return terms_; }
  int regex_count() const {
    return static_cast<int>(regexes_.size() + anchored_.size() + start_literals_.size());
  }
  // Of those, the ones in the RE2 set (the others are anchored at the start).
  int set_regex_count() const { return static_cast<int>(regexes_.size()); }
  // Sum of the RE2 program sizes of the raw regexes.
  int64_t regex_program_size() const { return program_size_; }

 private:
  // Appends the hits of the regexes of `set` (`regexes` and `patterns`, index
  // for index) that occur in `text`; sets `*fell_back` when the scan ran out
  // of memory and every regex was run on its own.
  Status MatchSet(const RegexSet& set, const std::vector<Regex>& regexes,
                  const std::vector<uint32_t>& patterns, std::string_view text,
                  MatchScratch* scratch, bool* fell_back, std::vector<Hit>* hits) const;

  TermMatcher terms_;
  std::unique_ptr<RegexSet> set_;
  RegexPrefilter prefilter_;    // of the set's regexes
  std::vector<Regex> regexes_;  // in the set
  // Per regex of the set: the same as a LiteralRegex, when it is one; found
  // by that instead of RE2 where the prefilter could answer for the unit.
  std::vector<std::optional<LiteralRegex>> literals_;
  std::vector<uint32_t> regex_pattern_;
  // An anchored regex found by its LiteralRegex at the unit's start.
  struct StartLiteral {
    LiteralRegex literal;
    Regex re;  // where the trie cannot see what RE2 sees (RegexPrefilter::HoldsAsciiFold)
    uint32_t pattern = 0;
    uint32_t filter_bit = 0;  // in anchored_filter_'s candidates
  };
  std::vector<StartLiteral> start_literals_;
  std::unique_ptr<RegexSet> anchored_set_;
  std::vector<std::string> anchored_set_patterns_;
  std::vector<Regex> anchored_;  // in anchored_set_, index for index
  std::vector<uint32_t> anchored_pattern_;
  // Of every anchored regex (start_literals_ and anchored_set_, in the order
  // added): whether a unit can start like one of them, and which.
  std::vector<std::string> anchored_patterns_;
  LinePrefixFilter anchored_filter_;
  uint32_t set_filter_bits_ = 0;  // anchored_filter_'s bits of anchored_set_'s regexes
  int64_t program_size_ = 0;
  bool simulate_out_of_memory_ = false;
};

}  // namespace gapmap

#endif  // GAPMAP_RULES_UNIT_MATCHER_H_
