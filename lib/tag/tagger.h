// Tagger: applies the compiled rules to one unit at a time and decides its
// labels, recording the evidence behind each.
//
// One Tagger per document (and thread): it owns the scratch buffers of the
// matcher and remembers list context (the labels of recent units, so that a
// list item can lean on what its lead-in paragraph was tagged with:
// `prior: {lead_in: ...}`). Tag() must see a document's units in order.
//
// Decision procedure (docs/rules.md, "How a label is decided"): hits of each
// label's cues, minus those overlapping its `not` matches, counted once per
// stretch of text; `unless` vetoes the label; score = sum of hit weights x
// label weight + fired priors; a label qualifies when in scope, with enough
// hits and score (min_score raised by salience for long units). Multi-valued
// dimensions take every qualifying label, single-valued ones the best by
// priority or score, else the default. Then `implies` adds labels (one step).
#ifndef GAPMAP_TAG_TAGGER_H_
#define GAPMAP_TAG_TAGGER_H_

#include <array>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "lib/core/status.h"
#include "lib/core/tagged_unit.h"
#include "lib/rules/match_types.h"
#include "lib/rules/rule_set.h"
#include "lib/tag/tag_trace.h"

namespace gapmap {

struct TaggerOptions {
  // False: labels only, no evidence records (the matrix path, which needs
  // labels but not spans, runs faster).
  bool evidence = true;
};

class Tagger {
 public:
  explicit Tagger(const RuleSet& rules, TaggerOptions options = {});

  // Moves `unit` into `out` and fills its labels and evidence. Fails only on
  // an internal matcher error.
  Status Tag(Unit unit, TaggedUnit* out);
  // Tag(), and also records in `trace` why each label was or was not assigned.
  Status TagExplained(Unit unit, TaggedUnit* out, TagTrace* trace);

  // Units whose regex-set scan ran out of memory and were matched one regex
  // at a time (slower, same result).
  uint64_t regex_fallbacks() const { return scratch_.set_fallbacks; }

 private:
  struct LabelHit {  // a hit of a pattern, as one label uses it
    uint32_t begin, end;
    float weight;
    uint32_t pattern;
    uint16_t near;
    CueList list;
  };
  struct Candidate {
    uint32_t begin, end;
    double weight;
    uint32_t pattern, partner;
    CueList list;
  };
  struct NearHit {  // a hit of one side of a near clause
    uint32_t begin, end, pattern;
    // Words: the first that begins at or after `end`, the first that ends
    // after `begin` (so the words between two hits are a difference).
    uint32_t word_after, word_ending_after;
  };
  struct Eval {
    uint32_t label;
    int hits;
    double score;
    bool qualified;
    uint32_t kept_begin, kept_end;    // range in kept_
    uint32_t prior_begin, prior_end;  // range in fired_
  };
  struct Remembered {
    uint32_t ordinal = 0;
    // Bit label_bit_[dimension] + label: the unit has that label.
    std::vector<uint64_t> labels;
  };

  Status Run(Unit&& unit, TaggedUnit* out, TagTrace* trace);  // moves `unit` into `out`
  void UpdateSections(const Unit& unit);
  void FindLeadIn(const Unit& unit);
  bool LeadInHas(int dimension, int label) const;
  // Two copies: Evaluate<false> runs ~25 times per unit, and without the
  // explain checks its prologue and branches are smaller.
  template <bool kTraced>
  void Evaluate(uint32_t label, const LabelHit* first, const LabelHit* last, const Unit& unit,
                LabelTrace* traced);
  bool InScope(const CompiledLabel& label, const Unit& unit, std::string* why) const;
  bool ScopeHolds(const CompiledLabel& label, const Unit& unit, std::string* why) const;
  // Bit p: the context of the label's prior p holds (labels of up to 64 priors).
  uint64_t PriorsHolding(uint32_t label, const Unit& unit);
  uint64_t FindPriorsHolding(uint32_t label, const Unit& unit, size_t at);  // not yet known
  // True if some prior of the label fires on the unit (its context holds
  // and its lead-in condition, if any, is met), as Evaluate() finds.
  bool AnyPriorFires(uint32_t label, const Unit& unit);
  // The prior's conditions apart from its lead-in: part, kind and section.
  bool PriorContextHolds(const CompiledPrior& prior, const Unit& unit) const;
  void FindLivePriorLabels(const Unit& unit);
  void Remember(const TaggedUnit& out);

  const RuleSet& rules_;
  const CompiledRules& c_;
  TaggerOptions options_;
  // Derived from the rules once (per Tagger).
  // The patterns' uses, in one array (a pattern's own vector is a cache
  // miss away from the pattern's, which is one from the hit's); one array
  // per unit kind, of the uses by labels whose dimension applies to it.
  struct Use {
    uint32_t rank;  // of its (label, list, near) among those of the rules
    float weight;
    CueList list;
    uint16_t near;
  };
  struct KindUses {
    std::vector<Use> uses;
    std::vector<uint32_t> begin;  // per pattern (and one past the last): first use
  };
  std::array<KindUses, kUnitKindCount> kind_uses_;
  std::vector<uint32_t> rank_label_;  // per rank: its label
  std::vector<uint8_t> label_kinds_;  // per label: its dimension's kind mask
  // Per dimension: the first bit of its labels in Remembered::labels; and
  // one past the last dimension's.
  std::vector<uint32_t> label_bit_;
  std::array<std::vector<uint32_t>, kUnitKindCount> prior_capable_;  // by kind, ascending
  // What a prior says apart from its lead-in condition depends on the unit's
  // part, kind and section path only: remembered per (label, kind), for
  // all the label's priors at once, while the part and path stay
  // (context_epoch_ changes when one of them does; kinds alternate from
  // unit to unit, so they are kept apart instead).
  std::vector<uint32_t> prior_epoch_;  // [label * kUnitKindCount + kind]
  std::vector<uint64_t> prior_holds_;  // same index: PriorsHolding()
  uint32_t context_epoch_ = 1;
  // Per kind, the prior-capable labels with a prior whose context holds
  // (while live_epoch_[kind] == context_epoch_): only they can get a label
  // from priors alone. Those whose only such priors need a lead-in are left
  // out of `live_without_lead_in_`, the list for a unit without one.
  // Ascending.
  std::array<std::vector<uint32_t>, kUnitKindCount> live_prior_labels_, live_without_lead_in_;
  std::array<uint32_t, kUnitKindCount> live_epoch_{};
  std::string context_part_;
  MatchScratch scratch_;
  std::vector<Hit> hits_;
  std::vector<LabelHit> label_hits_;
  std::vector<uint32_t> rank_count_;   // per rank: 0 between units
  std::vector<uint64_t> rank_bits_;    // a bit per rank: has hits (0 between units)
  std::vector<uint32_t> hit_ranks_;    // a slot per rank: those with hits
  std::vector<uint32_t> label_end_;    // per label: end of its hits in label_hits_, 0 between units
  std::vector<uint32_t> hit_labels_;   // a slot per label: those with hits
  std::vector<Candidate> candidates_;
  std::vector<NearHit> near_a_, near_b_;
  std::vector<Eval> evals_;
  std::vector<double> salience_;  // per dimension, for the unit being tagged
  std::vector<std::pair<uint32_t, uint32_t>> kept_;
  std::vector<uint32_t> fired_;
  std::vector<uint8_t> assigned_;  // per label: assigned directly
  std::vector<uint32_t> implies_blocked_;  // assigned labels whose implications do not apply
  std::vector<uint32_t> touched_;
  // Section path cache: which section regexes match a heading of the path.
  std::vector<std::string> last_path_;
  bool path_valid_ = false;
  std::vector<uint8_t> section_match_, section_match_next_;
  std::unordered_map<std::string, std::vector<uint8_t>> heading_matches_;
  // Lead-in context.
  std::array<Remembered, 64> recent_;
  std::vector<Remembered> sticky_;
  const Remembered* lead_in_ = nullptr;
};

}  // namespace gapmap

#endif  // GAPMAP_TAG_TAGGER_H_
