#include "lib/tag/tagger.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <tuple>

#include <fmt/format.h>

namespace gapmap {
namespace {

constexpr double kEpsilon = 1e-9;
constexpr size_t kMaxSticky = 16;

bool IsCue(CueList list) {
  return list == CueList::kAny || list == CueList::kWeak || list == CueList::kExact ||
         list == CueList::kFirst || list == CueList::kRegex;
}

bool Overlaps(uint32_t b1, uint32_t e1, uint32_t b2, uint32_t e2) { return b1 < e2 && b2 < e1; }

// True if no two of [first, last) share a begin and they come by begin.
template <typename LabelHit>
bool BeginsAscend(const LabelHit* first, const LabelHit* last) {
  for (const LabelHit* p = first; p != last && p + 1 != last; ++p) {
    if (p[1].begin <= p->begin) return false;
  }
  return true;
}

// The number of tokens at the front of [first, first + n) for which
// `before` holds, given that it holds for a prefix of them (as
// std::partition_point), with no branch on the tokens: a near hit lands
// anywhere among the words, so a binary search's branches mispredict about
// every other step.
template <typename Before>
size_t TokensBefore(const WordToken* first, size_t n, Before before) {
  if (n == 0) return 0;
  const WordToken* base = first;
  while (n > 1) {
    const size_t half = n / 2;
    base = before(base[half]) ? base + half : base;
    n -= half;
  }
  return static_cast<size_t>(base - first) + (before(*base) ? 1 : 0);
}

// Words stepped over from a near hit's first word before searching for the
// word after it.
constexpr size_t kWordsStepped = 4;

// True if some near clause has hits on both sides: [a, a_end) and
// [a_end, last) are the a and b sides' hits, each by clause. Only then can
// near clauses add candidates.
template <typename LabelHit>
bool NearClausesMeet(const LabelHit* a, const LabelHit* a_end, const LabelHit* last) {
  const LabelHit* b = a_end;
  while (a != a_end && b != last) {
    if (a->near == b->near) return true;
    if (a->near < b->near) {
      ++a;
    } else {
      ++b;
    }
  }
  return false;
}

std::string Num(double v) {
  std::string s = fmt::format("{:.2f}", v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

}  // namespace

Tagger::Tagger(const RuleSet& rules, TaggerOptions options)
    : rules_(rules), c_(rules.compiled), options_(options) {
  assigned_.assign(c_.labels.size(), 0);
  label_end_.assign(c_.labels.size(), 0);
  hit_labels_.assign(c_.labels.size(), 0);
  salience_.assign(c_.dimensions.size(), 0);
  section_match_.assign(c_.section_regexes.size(), 0);
  section_match_next_.assign(c_.section_regexes.size(), 0);
  // Rank every (label, list, near) some pattern is used with.
  std::vector<std::tuple<uint32_t, CueList, uint16_t>> keys;
  for (const CompiledPattern& p : c_.patterns) {
    for (const PatternUse& use : p.uses) keys.emplace_back(use.label, use.list, use.near);
  }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  for (const auto& key : keys) rank_label_.push_back(std::get<0>(key));
  rank_count_.assign(keys.size(), 0);
  rank_bits_.assign((keys.size() + 63) / 64, 0);
  hit_ranks_.assign(keys.size(), 0);
  for (const CompiledLabel& l : c_.labels) {
    label_kinds_.push_back(c_.dimensions[l.dimension].kind_mask);
  }
  for (int k = 0; k < kUnitKindCount; ++k) {
    const uint8_t bit = KindBit(static_cast<UnitKind>(k));
    KindUses& kind = kind_uses_[k];
    for (const CompiledPattern& p : c_.patterns) {
      kind.begin.push_back(static_cast<uint32_t>(kind.uses.size()));
      for (const PatternUse& use : p.uses) {
        if ((label_kinds_[use.label] & bit) == 0) continue;
        auto it = std::lower_bound(keys.begin(), keys.end(),
                                   std::make_tuple(use.label, use.list, use.near));
        kind.uses.push_back(
            Use{static_cast<uint32_t>(it - keys.begin()), use.weight, use.list, use.near});
      }
    }
    kind.begin.push_back(static_cast<uint32_t>(kind.uses.size()));
  }
  // Each dimension's labels take the next bits (the last entry: one past them all).
  label_bit_.push_back(0);
  for (size_t d = 0; d < c_.dimensions.size(); ++d) {
    label_bit_.push_back(label_bit_.back() +
                         static_cast<uint32_t>(rules_.schema.dimension(static_cast<int>(d)).labels.size()));
  }
  prior_epoch_.assign(c_.labels.size() * kUnitKindCount, 0);
  prior_holds_.assign(c_.labels.size() * kUnitKindCount, 0);
  for (int k = 0; k < kUnitKindCount; ++k) {
    const uint8_t bit = KindBit(static_cast<UnitKind>(k));
    for (uint32_t l : c_.prior_capable_labels) {
      if (label_kinds_[l] & bit) prior_capable_[k].push_back(l);
    }
    std::sort(prior_capable_[k].begin(), prior_capable_[k].end());
    prior_capable_[k].erase(std::unique(prior_capable_[k].begin(), prior_capable_[k].end()),
                            prior_capable_[k].end());
  }
}

Status Tagger::Tag(Unit unit, TaggedUnit* out) { return Run(std::move(unit), out, nullptr); }

Status Tagger::TagExplained(Unit unit, TaggedUnit* out, TagTrace* trace) {
  *trace = TagTrace{};
  return Run(std::move(unit), out, trace);
}

void Tagger::UpdateSections(const Unit& unit) {
  if (c_.section_regexes.empty()) return;
  if (path_valid_ && unit.section.path == last_path_) return;
  last_path_ = unit.section.path;
  path_valid_ = true;
  // Headings recur (a document alternates between a few paths, and every
  // agency chapter has the same part headings): remember each heading's
  // matches instead of running the regexes again.
  std::vector<uint8_t>& next = section_match_next_;
  std::fill(next.begin(), next.end(), 0);
  for (const std::string& heading : last_path_) {
    auto it = heading_matches_.find(heading);
    if (it == heading_matches_.end()) {
      std::vector<uint8_t> matches(c_.section_regexes.size());
      for (size_t r = 0; r < c_.section_regexes.size(); ++r) {
        matches[r] = c_.section_regexes[r].PartialMatch(heading);
      }
      if (heading_matches_.size() >= 4096) heading_matches_.clear();  // bounded memory
      it = heading_matches_.emplace(heading, std::move(matches)).first;
    }
    for (size_t r = 0; r < next.size(); ++r) next[r] |= it->second[r];
  }
  // Priors see the path only through these matches: most new paths match
  // the same regexes, and what was found out about the priors still holds.
  if (next != section_match_) {
    section_match_.swap(next);
    ++context_epoch_;
  }
}

void Tagger::FindLeadIn(const Unit& unit) {
  lead_in_ = nullptr;
  if (!c_.has_lead_in_priors || unit.lead_in_ordinal == 0) return;
  const uint32_t want = unit.lead_in_ordinal;
  for (const Remembered& r : sticky_) {
    if (r.ordinal == want) {
      lead_in_ = &r;
      return;
    }
  }
  // The first item of a list follows its lead-in closely; later items find
  // it in `sticky_`, however long the list.
  const Remembered& slot = recent_[want % recent_.size()];
  if (slot.ordinal != want) return;
  if (sticky_.size() >= kMaxSticky) sticky_.erase(sticky_.begin());
  sticky_.push_back(slot);
  lead_in_ = &sticky_.back();
}

inline bool Tagger::LeadInHas(int dimension, int label) const {
  if (lead_in_ == nullptr) return false;
  const uint32_t bit = label_bit_[dimension] + static_cast<uint32_t>(label);
  return (lead_in_->labels[bit >> 6] >> (bit & 63)) & 1;
}

void Tagger::Remember(const TaggedUnit& out) {
  if (!c_.has_lead_in_priors) return;
  Remembered& slot = recent_[out.unit.ordinal % recent_.size()];
  slot.ordinal = out.unit.ordinal;
  slot.labels.assign(label_bit_.back() / 64 + 1, 0);
  for (size_t d = 0; d < out.labels.size(); ++d) {
    for (uint16_t l : out.labels[d]) {
      const uint32_t bit = label_bit_[d] + l;
      slot.labels[bit >> 6] |= uint64_t{1} << (bit & 63);
    }
  }
}

inline bool Tagger::PriorContextHolds(const CompiledPrior& prior, const Unit& unit) const {
  return (prior.parts.empty() ||
          std::find(prior.parts.begin(), prior.parts.end(), unit.section.part) !=
              prior.parts.end()) &&
         (prior.kind_mask == 0 || (prior.kind_mask & KindBit(unit.kind)) != 0) &&
         (prior.section < 0 || section_match_[prior.section]);
}

void Tagger::FindLivePriorLabels(const Unit& unit) {
  const int kind = static_cast<int>(unit.kind);
  live_epoch_[kind] = context_epoch_;
  live_prior_labels_[kind].clear();
  live_without_lead_in_[kind].clear();
  for (uint32_t l : prior_capable_[kind]) {
    bool live = false, without_lead_in = false;
    for (const CompiledPrior& prior : c_.labels[l].priors) {
      if (!PriorContextHolds(prior, unit)) continue;
      live = true;
      without_lead_in |= prior.lead_in < 0;
    }
    if (live) live_prior_labels_[kind].push_back(l);
    if (without_lead_in) live_without_lead_in_[kind].push_back(l);
  }
}

inline uint64_t Tagger::PriorsHolding(uint32_t label, const Unit& unit) {
  const size_t at = label * size_t{kUnitKindCount} + static_cast<size_t>(unit.kind);
  if (prior_epoch_[at] != context_epoch_) return FindPriorsHolding(label, unit, at);
  return prior_holds_[at];
}

uint64_t Tagger::FindPriorsHolding(uint32_t label, const Unit& unit, size_t at) {
  prior_epoch_[at] = context_epoch_;
  const std::vector<CompiledPrior>& priors = c_.labels[label].priors;
  uint64_t holds = 0;
  for (size_t p = 0; p < priors.size() && p < 64; ++p) {
    if (PriorContextHolds(priors[p], unit)) holds |= uint64_t{1} << p;
  }
  prior_holds_[at] = holds;
  return holds;
}

bool Tagger::AnyPriorFires(uint32_t label, const Unit& unit) {
  const CompiledLabel& l = c_.labels[label];
  if (l.priors.size() > 64) return true;  // Evaluate() tells
  for (uint64_t bits = l.priors.empty() ? 0 : PriorsHolding(label, unit); bits != 0;
       bits &= bits - 1) {
    const CompiledPrior& prior = l.priors[__builtin_ctzll(bits)];
    if (prior.lead_in < 0 || LeadInHas(l.dimension, prior.lead_in)) return true;
  }
  return false;
}

// Most labels' scope is a kind or two: that is checked here, without a
// call; the rest, and the reasons, in ScopeHolds.
inline bool Tagger::InScope(const CompiledLabel& label, const Unit& unit, std::string* why) const {
  if (why == nullptr && label.parts.empty() && label.sections.empty()) {
    return (label.kind_mask & KindBit(unit.kind)) != 0;
  }
  return ScopeHolds(label, unit, why);
}

bool Tagger::ScopeHolds(const CompiledLabel& label, const Unit& unit, std::string* why) const {
  if ((label.kind_mask & KindBit(unit.kind)) == 0) {
    if (why) *why = fmt::format("the unit is a {}, and the label's scope has other kinds", KindName(unit.kind));
    return false;
  }
  if (!label.parts.empty() &&
      std::find(label.parts.begin(), label.parts.end(), unit.section.part) == label.parts.end()) {
    if (why) {
      *why = fmt::format("the unit's part is {}, not one of [{}]",
                         unit.section.part.empty() ? "null" : "'" + unit.section.part + "'",
                         fmt::join(label.parts, ", "));
    }
    return false;
  }
  if (!label.sections.empty()) {
    for (int r : label.sections) {
      if (section_match_[r]) return true;
    }
    if (why) {
      std::vector<std::string> sources;
      for (int r : label.sections) sources.push_back("/" + c_.section_sources[r] + "/");
      *why = fmt::format("no heading of the section path matches {}", fmt::join(sources, " or "));
    }
    return false;
  }
  return true;
}

template <bool kTraced>
void Tagger::Evaluate(uint32_t index, const LabelHit* first, const LabelHit* last,
                      const Unit& unit, LabelTrace* traced) {
  // A constant null when not explaining, so the compiler drops every `if (trace)`.
  LabelTrace* const trace = kTraced ? traced : nullptr;
  const CompiledLabel& label = c_.labels[index];
  const CompiledDimension& dim = c_.dimensions[label.dimension];
  candidates_.clear();
  // A label's hits are in (list, near, begin, end, pattern) order, so each
  // list is one stretch of them (near clauses in clause order): cues first,
  // then not, unless, near a and near b (CueList order).
  const LabelHit* cues_end = first;
  while (cues_end != last && IsCue(cues_end->list)) ++cues_end;
  const LabelHit* nots_end = cues_end;
  while (nots_end != last && nots_end->list == CueList::kNot) ++nots_end;
  const LabelHit* unless_end = nots_end;
  while (unless_end != last && unless_end->list == CueList::kUnless) ++unless_end;
  const bool unit_vetoed = unless_end != nots_end;
  if (trace) {
    for (const LabelHit* p = cues_end; p != nots_end; ++p) {
      trace->vetoes.push_back(Hit{p->pattern, p->begin, p->end});
    }
    for (const LabelHit* p = nots_end; p != unless_end; ++p) {
      trace->unless.push_back(Hit{p->pattern, p->begin, p->end});
    }
  }
  auto vetoed = [&](uint32_t b, uint32_t e) {
    for (const LabelHit* v = cues_end; v != nots_end; ++v) {
      if (Overlaps(b, e, v->begin, v->end)) return true;
    }
    return false;
  };
  Eval eval;
  eval.label = index;
  eval.kept_begin = static_cast<uint32_t>(kept_.size());
  double score = 0;
  uint32_t last_end = 0;
  bool any = false;
  int strong_hits = 0;  // kept hits not from a `weak:` list
  int kept = 0;
  const bool keep_spans = options_.evidence;  // only evidence needs the spans
  // Counts a candidate unless it overlaps the last counted one (candidates
  // come by begin, the longest, then the heaviest first).
  auto count = [&](uint32_t b, uint32_t e, double weight, CueList list) {
    const bool keep = !any || b >= last_end;
    if (keep) {
      if (keep_spans) kept_.emplace_back(b, e);
      ++kept;
      score += weight;
      last_end = e;
      any = true;
      strong_hits += list != CueList::kWeak;
    }
    return keep;
  };
  // Near hits: the a side, then the b side, each by clause.
  const LabelHit* a_end = unless_end;
  while (a_end != last && a_end->list == CueList::kNearA) ++a_end;
  if (trace == nullptr && !NearClausesMeet(unless_end, a_end, last) &&
      BeginsAscend(first, cues_end)) {
    // The common case, cue hits with a begin each and no near clause with
    // hits on both sides (so none adds a candidate): they are already in
    // the order the candidates would be sorted into.
    for (const LabelHit* p = first; p != cues_end; ++p) {
      if (vetoed(p->begin, p->end)) continue;
      count(p->begin, p->end, static_cast<double>(p->weight) * label.weight, p->list);
    }
  } else {
    // Stored field by field into the vector: a Candidate made on the stack
    // was copied in by 16-byte loads of fields just stored apart, which the
    // stores cannot forward to, so each copy waited for them to land.
    auto add_candidate = [this](uint32_t b, uint32_t e, double weight, uint32_t pattern,
                                uint32_t partner, CueList list) {
      Candidate& c = candidates_.emplace_back();
      c.begin = b;
      c.end = e;
      c.weight = weight;
      c.pattern = pattern;
      c.partner = partner;
      c.list = list;
    };
    for (const LabelHit* p = first; p != cues_end; ++p) {
      const double weight = static_cast<double>(p->weight) * label.weight;
      if (vetoed(p->begin, p->end)) {
        if (trace) {
          trace->cues.push_back(TraceCue{p->pattern, UINT32_MAX, p->list, p->begin, p->end,
                                         weight, TraceCue::Fate::kVetoed});
        }
        continue;
      }
      add_candidate(p->begin, p->end, weight, p->pattern, UINT32_MAX, p->list);
    }
    const LabelHit* next_a = unless_end;
    const LabelHit* next_b = a_end;
    for (size_t k = 0; a_end != last && next_a != a_end && k < label.near.size(); ++k) {
      near_a_.clear();
      near_b_.clear();
      for (; next_a != a_end && next_a->near == k; ++next_a) {
        if (vetoed(next_a->begin, next_a->end)) continue;
        near_a_.push_back(NearHit{next_a->begin, next_a->end, next_a->pattern, 0, 0});
      }
      for (; next_b != last && next_b->near == k; ++next_b) {
        if (vetoed(next_b->begin, next_b->end)) continue;
        near_b_.push_back(NearHit{next_b->begin, next_b->end, next_b->pattern, 0, 0});
      }
      if (near_a_.empty() || near_b_.empty()) continue;
      // Each hit's place among the words, once, rather than once per pair:
      // one search for the first word ending after its begin; the first
      // word beginning at or after its end is a few words on (a hit spans
      // one to three), stepped to (searched for past kWordsStepped).
      const WordToken* const tokens = scratch_.tokens.data();
      const size_t token_count = scratch_.tokens.size();
      for (std::vector<NearHit>* side : {&near_a_, &near_b_}) {
        for (NearHit& n : *side) {
          const size_t ending_after = TokensBefore(
              tokens, token_count, [&n](const WordToken& t) { return t.end <= n.begin; });
          size_t after = ending_after;
          const size_t stop = std::min(token_count, ending_after + kWordsStepped);
          while (after < stop && tokens[after].begin < n.end) ++after;
          if (after == stop) {
            after += TokensBefore(tokens + after, token_count - after,
                                  [&n](const WordToken& t) { return t.begin < n.end; });
          }
          n.word_ending_after = static_cast<uint32_t>(ending_after);
          n.word_after = static_cast<uint32_t>(after);
        }
      }
      auto words_between = [](const NearHit& x, const NearHit& y) -> long {
        const NearHit& left = x.begin <= y.begin ? x : y;
        const NearHit& right = x.begin <= y.begin ? y : x;
        return std::max<long>(0, static_cast<long>(right.word_ending_after) -
                                     static_cast<long>(left.word_after));
      };
      for (const NearHit& a : near_a_) {
        const NearHit* best = nullptr;
        long best_distance = 0;
        for (const NearHit& b : near_b_) {
          if (Overlaps(a.begin, a.end, b.begin, b.end)) continue;
          long distance = words_between(a, b);
          if (distance > label.near[k].within) continue;
          if (best == nullptr || distance < best_distance) {
            best = &b;
            best_distance = distance;
          }
        }
        if (best == nullptr) continue;
        add_candidate(std::min(a.begin, best->begin), std::max(a.end, best->end),
                      label.near[k].weight * label.weight, a.pattern, best->pattern,
                      CueList::kNearA);
      }
    }
    if (candidates_.size() > 1) {
      std::sort(candidates_.begin(), candidates_.end(), [](const Candidate& x, const Candidate& y) {
        return std::tie(x.begin, y.end, y.weight, x.pattern, x.partner) <
               std::tie(y.begin, x.end, x.weight, y.pattern, y.partner);
      });
    }
    for (const Candidate& c : candidates_) {
      const bool keep = count(c.begin, c.end, c.weight, c.list);
      if (trace) {
        trace->cues.push_back(TraceCue{c.pattern, c.partner, c.list, c.begin, c.end, c.weight,
                                       keep ? TraceCue::Fate::kCounted
                                            : TraceCue::Fate::kOverlapped});
      }
    }
  }
  eval.kept_end = static_cast<uint32_t>(kept_.size());
  eval.hits = kept;
  eval.prior_begin = static_cast<uint32_t>(fired_.size());
  // The lead-in label is of the prior's own dimension.
  auto fire = [&](const CompiledPrior& prior) {
    if (prior.lead_in >= 0 && (lead_in_ == nullptr || !LeadInHas(label.dimension, prior.lead_in))) {
      return;
    }
    score += prior.score;
    fired_.push_back(prior.rule);
    if (trace) trace->priors.emplace_back(prior.rule, prior.score);
  };
  if (label.priors.size() > 64) {
    for (const CompiledPrior& prior : label.priors) {
      if (PriorContextHolds(prior, unit)) fire(prior);
    }
  } else if (!label.priors.empty()) {
    for (uint64_t bits = PriorsHolding(index, unit); bits != 0; bits &= bits - 1) {
      fire(label.priors[__builtin_ctzll(bits)]);
    }
  }
  eval.prior_end = static_cast<uint32_t>(fired_.size());
  // Nothing speaks for the label (no hit, no prior), so it cannot qualify, and
  // an unqualified label plays no part in the decision. Most labels evaluated
  // are like this (prior-capable ones, evaluated on every unit): unless the
  // evaluation is being explained, stop here.
  const bool has_prior = eval.prior_end > eval.prior_begin;
  if (eval.hits == 0 && !has_prior && trace == nullptr) return;
  eval.score = score;
  const double salience = salience_[label.dimension];
  const double min_score = label.min_score + salience;
  // Something must speak for a label (a hit or a prior), so that every
  // assigned label has evidence, even with min_hits 0 and min_score 0.
  // With `weak_alone: false`, weak hits alone do not count as support.
  const bool weak_only = !dim.weak_alone && eval.hits > 0 && strong_hits == 0 && !has_prior;
  const bool supported = (eval.hits > 0 || has_prior) && !weak_only;
  const bool enough = !unit_vetoed && supported && eval.hits >= label.min_hits &&
                      score + kEpsilon >= min_score;
  // The scope is looked up last: most labels fall short before it matters.
  std::string scope_why;
  const bool in_scope =
      (!enough && trace == nullptr) || InScope(label, unit, trace ? &scope_why : nullptr);
  eval.qualified = enough && in_scope;
  evals_.push_back(eval);
  if (trace == nullptr) return;
  trace->label = index;
  trace->hits = eval.hits;
  trace->score = score;
  trace->min_hits = label.min_hits;
  trace->min_score = min_score;
  trace->salience = salience;
  trace->in_scope = in_scope;
  trace->qualified = eval.qualified;
  if (unit_vetoed) {
    trace->verdict = "not assigned: an 'unless' term matched, which vetoes the label";
  } else if (!in_scope) {
    trace->verdict = "not assigned: out of scope: " + scope_why;
  } else if (eval.hits < label.min_hits) {
    trace->verdict = fmt::format("not assigned: {} hit{}, needs {} (min_hits)", eval.hits,
                                 eval.hits == 1 ? "" : "s", label.min_hits);
  } else if (weak_only) {
    trace->verdict =
        "not assigned: only weak hits, which alone do not assign a label in this "
        "dimension (weak_alone: false)";
  } else if (!supported) {
    trace->verdict = "not assigned: no hit and no prior speaks for it";
  } else if (!eval.qualified) {
    std::string how = salience > 0 ? fmt::format(" (min_score {} + {} for {} words)",
                                                 Num(label.min_score), Num(salience),
                                                 scratch_.tokens.size())
                                   : " (min_score)";
    trace->verdict =
        fmt::format("not assigned: score {} is below {}{}", Num(score), Num(min_score), how);
  }
}

Status Tagger::Run(Unit&& unit, TaggedUnit* out, TagTrace* trace) {
  out->unit = std::move(unit);
  const Unit& u = out->unit;
  const size_t dim_count = c_.dimensions.size();
  out->labels.resize(dim_count);
  for (auto& l : out->labels) l.clear();
  out->evidence.clear();
  const uint8_t kind_bit = KindBit(u.kind);
  bool any_dimension = false;
  for (const CompiledDimension& d : c_.dimensions) any_dimension |= (d.kind_mask & kind_bit) != 0;
  if (trace) {
    for (size_t d = 0; d < dim_count; ++d) {
      DimensionTrace dt;
      dt.dimension = static_cast<int>(d);
      dt.applies = (c_.dimensions[d].kind_mask & kind_bit) != 0;
      trace->dimensions.push_back(std::move(dt));
    }
  }
  if (!any_dimension) {
    if (trace) {  // nothing to decide, but show what the rules see
      GAPMAP_RETURN_IF_ERROR(c_.matcher.Match(u.text, &scratch_, &hits_));
      trace->hits = hits_;
      trace->words = scratch_.tokens.size();
    }
    Remember(*out);
    return Status::Ok();
  }
  GAPMAP_RETURN_IF_ERROR(c_.matcher.Match(u.text, &scratch_, &hits_));
  UpdateSections(u);
  FindLeadIn(u);
  if (u.section.part != context_part_) {
    context_part_ = u.section.part;
    ++context_epoch_;
  }
  if (trace) {
    trace->hits = hits_;
    trace->words = scratch_.tokens.size();
  }

  // Each hit once per label that uses its pattern, in (label, list, near,
  // begin, end, pattern) order: a counting sort by rank of (label, list,
  // near), which keeps hit order within a rank, and hits are in (begin, end,
  // pattern) order. (A unit has a few dozen label hits of a few ranks.)
  const Use* const uses = kind_uses_[static_cast<int>(u.kind)].uses.data();
  const uint32_t* const use_begin = kind_uses_[static_cast<int>(u.kind)].begin.data();
  uint32_t total = 0;
  for (const Hit& h : hits_) {
    for (uint32_t k = use_begin[h.pattern]; k < use_begin[h.pattern + 1]; ++k) {
      const Use& use = uses[k];
      ++rank_count_[use.rank];
      rank_bits_[use.rank >> 6] |= uint64_t{1} << (use.rank & 63);
      ++total;
    }
  }
  // The ranks with hits, ascending, from their bits (which are cleared);
  // each rank's count becomes where its next hit goes. A label's ranks are
  // consecutive, so the labels with hits come out ascending too.
  uint32_t* const hit_ranks = hit_ranks_.data();  // one slot per rank
  uint32_t* const hit_labels = hit_labels_.data();  // one slot per label
  size_t hit_rank_count = 0, hit_label_count = 0;
  uint32_t placed = 0;
  for (size_t w = 0; w < rank_bits_.size(); ++w) {
    for (uint64_t bits = rank_bits_[w]; bits != 0; bits &= bits - 1) {
      const uint32_t r = static_cast<uint32_t>(w * 64 + __builtin_ctzll(bits));
      const uint32_t l = rank_label_[r];
      if (hit_label_count == 0 || hit_labels[hit_label_count - 1] != l) {
        hit_labels[hit_label_count++] = l;
      }
      hit_ranks[hit_rank_count++] = r;
      const uint32_t count = rank_count_[r];
      rank_count_[r] = placed;
      placed += count;
      label_end_[l] = placed;
    }
    rank_bits_[w] = 0;
  }
  label_hits_.resize(total);
  for (const Hit& h : hits_) {
    for (uint32_t k = use_begin[h.pattern]; k < use_begin[h.pattern + 1]; ++k) {
      const Use& use = uses[k];
      label_hits_[rank_count_[use.rank]++] =
          LabelHit{h.begin, h.end, use.weight, h.pattern, use.near, use.list};
    }
  }
  for (size_t i = 0; i < hit_rank_count; ++i) rank_count_[hit_ranks[i]] = 0;

  // The labels to evaluate: those with hits, those priors alone can assign
  // here, and (when explaining) every label of an applicable dimension. A
  // prior-capable label none of whose priors can fire in this context is
  // left out: without hits it would come to nothing (~10 labels per unit).
  // Both lists are ascending and without repeats: merge them.
  const int kind = static_cast<int>(u.kind);
  if (live_epoch_[kind] != context_epoch_) FindLivePriorLabels(u);
  const std::vector<uint32_t>& prior_capable =
      lead_in_ != nullptr ? live_prior_labels_[kind] : live_without_lead_in_[kind];
  // Into room made first: through a back_inserter, each label was a call
  // to push_back (~10 per unit).
  touched_.resize(hit_label_count + prior_capable.size());
  touched_.erase(std::set_union(hit_labels, hit_labels + hit_label_count, prior_capable.begin(),
                                prior_capable.end(), touched_.begin()),
                 touched_.end());
  if (trace) {
    for (uint32_t l = 0; l < c_.labels.size(); ++l) {
      if (label_kinds_[l] & kind_bit) touched_.push_back(l);
    }
    std::sort(touched_.begin(), touched_.end());
    touched_.erase(std::unique(touched_.begin(), touched_.end()), touched_.end());
  }

  // Salience per dimension, once per unit: step x floor(words / per_words)
  // (integer division is exact floor here, and a division is slow).
  const uint32_t words = static_cast<uint32_t>(scratch_.tokens.size());
  for (size_t d = 0; d < dim_count; ++d) {
    const CompiledDimension& dim = c_.dimensions[d];
    salience_[d] = dim.per_words > 0
                       ? dim.step * static_cast<double>(words / static_cast<uint32_t>(dim.per_words))
                       : 0;
  }
  evals_.clear();
  kept_.clear();
  fired_.clear();
  std::vector<LabelTrace> label_traces;
  uint32_t h = 0;
  for (uint32_t l : touched_) {
    const uint32_t end = label_end_[l] != 0 ? label_end_[l] : h;
    // A label without hits whose priors all wait for a lead-in label it
    // lacks comes to nothing (~12 K of the ~54 K evaluations per 2 MB):
    // told here, without the call.
    if (end == h && trace == nullptr && !AnyPriorFires(l, u)) continue;
    if (trace != nullptr) {
      LabelTrace lt;
      Evaluate<true>(l, label_hits_.data() + h, label_hits_.data() + end, u, &lt);
      label_traces.push_back(std::move(lt));
    } else {
      Evaluate<false>(l, label_hits_.data() + h, label_hits_.data() + end, u, nullptr);
    }
    h = end;
  }
  for (size_t i = 0; i < hit_label_count; ++i) label_end_[hit_labels[i]] = 0;

  // Decide each dimension. evals_ are in label order, so a dimension's
  // labels are contiguous.
  auto add_evidence = [&](const Eval& e) {
    if (!options_.evidence) return;
    const CompiledLabel& label = c_.labels[e.label];
    for (uint32_t k = e.kept_begin; k < e.kept_end; ++k) {
      out->evidence.push_back(Evidence{static_cast<uint16_t>(label.dimension), label.label,
                                       label.rule, kept_[k].first, kept_[k].second});
    }
    for (uint32_t k = e.prior_begin; k < e.prior_end; ++k) {
      out->evidence.push_back(
          Evidence{static_cast<uint16_t>(label.dimension), label.label, fired_[k], 0, 0});
    }
  };
  for (uint32_t l : touched_) assigned_[l] = 0;
  size_t e = 0;
  for (size_t d = 0; d < dim_count; ++d) {
    const CompiledDimension& dim = c_.dimensions[d];
    size_t e0 = e;
    while (e < evals_.size() && evals_[e].label < dim.end_label) ++e;
    if ((dim.kind_mask & kind_bit) == 0) continue;
    DimensionTrace* dt = trace ? &trace->dimensions[d] : nullptr;
    if (dim.multi) {
      // Relative salience: a label far weaker than the unit's strongest one
      // in the dimension is a passing mention.
      double bar = 0;
      const Eval* strongest = nullptr;
      if (dim.relative > 0) {
        for (size_t k = e0; k < e; ++k) {
          if (evals_[k].qualified && (strongest == nullptr || evals_[k].score > strongest->score)) {
            strongest = &evals_[k];
          }
        }
        if (strongest != nullptr) bar = dim.relative * strongest->score;
      }
      for (size_t k = e0; k < e; ++k) {
        if (!evals_[k].qualified) continue;
        if (evals_[k].score + kEpsilon < bar) {
          evals_[k].qualified = false;
          if (trace) {
            for (LabelTrace& lt : label_traces) {
              if (lt.label != evals_[k].label) continue;
              lt.qualified = false;
              lt.verdict = fmt::format(
                  "not assigned: score {} is below {} x {}, the score of '{}' (relative)",
                  Num(evals_[k].score), Num(dim.relative), Num(strongest->score),
                  c_.labels[strongest->label].id);
            }
          }
          continue;
        }
        out->labels[d].push_back(c_.labels[evals_[k].label].label);
        assigned_[evals_[k].label] = 1;
        add_evidence(evals_[k]);
      }
      continue;
    }
    const Eval* best = nullptr;
    for (size_t k = e0; k < e; ++k) {
      const Eval& cand = evals_[k];
      if (!cand.qualified) continue;
      if (best == nullptr) {
        best = &cand;
        continue;
      }
      const CompiledLabel& a = c_.labels[cand.label];
      const CompiledLabel& b = c_.labels[best->label];
      bool better;
      if (dim.decide == Decide::kPriority) {
        better = a.priority != b.priority ? a.priority > b.priority
                                          : cand.score > best->score + kEpsilon;
      } else {
        better = std::abs(cand.score - best->score) > kEpsilon ? cand.score > best->score
                                                               : a.priority > b.priority;
      }
      if (better) best = &cand;  // ties keep the earlier label (file order)
    }
    if (best != nullptr) {
      out->labels[d].push_back(c_.labels[best->label].label);
      assigned_[best->label] = 1;
      add_evidence(*best);
      if (dt) {
        dt->decision = fmt::format("'{}' chosen by {} among the qualifying labels",
                                   c_.labels[best->label].id,
                                   dim.decide == Decide::kPriority ? "priority (then score)"
                                                                   : "score (then priority)");
      }
    } else if (dim.default_label >= 0) {
      out->labels[d].push_back(static_cast<uint16_t>(dim.default_label));
      if (options_.evidence) {
        out->evidence.push_back(Evidence{static_cast<uint16_t>(d),
                                         static_cast<uint16_t>(dim.default_label),
                                         dim.default_rule, 0, 0});
      }
      if (dt) {
        dt->decision = fmt::format("no label qualified, so the default '{}'",
                                   rules_.schema.label_name(static_cast<int>(d), dim.default_label));
      }
    }
    if (dt) {
      for (LabelTrace& lt : label_traces) {
        if (c_.labels[lt.label].dimension != static_cast<int>(d) || !lt.qualified) continue;
        if (best != nullptr && lt.label == best->label) continue;
        const CompiledLabel& a = c_.labels[lt.label];
        const CompiledLabel& b = c_.labels[best->label];
        lt.verdict = fmt::format(
            "qualified but not chosen: '{}' wins ({})", b.id,
            dim.decide == Decide::kPriority
                ? fmt::format("priority {} vs {}, then score {} vs {}", b.priority, a.priority,
                              Num(best->score), Num(lt.score))
                : fmt::format("score {} vs {}, then priority {} vs {}", Num(best->score),
                              Num(lt.score), b.priority, a.priority));
      }
    }
  }

  // Implications: one step, from directly assigned labels only. A label's
  // `implies_unless` is checked against the direct labels, so the result
  // does not depend on the order implications are applied in.
  const size_t direct_evidence = out->evidence.size();
  std::vector<std::pair<uint32_t, std::string>> implied_notes;
  std::vector<std::pair<uint32_t, uint32_t>> blocked_notes;  // (implying, blocking) label
  implies_blocked_.clear();
  for (const Eval& ev : evals_) {
    if (!assigned_[ev.label]) continue;
    for (uint32_t other : c_.labels[ev.label].implies_unless) {
      const CompiledLabel& o = c_.labels[other];
      const auto& direct = out->labels[o.dimension];
      if (std::find(direct.begin(), direct.end(), o.label) != direct.end()) {
        implies_blocked_.push_back(ev.label);
        if (trace) {
          blocked_notes.emplace_back(ev.label, other);
        }
        break;
      }
    }
  }
  for (const Eval& ev : evals_) {
    if (!assigned_[ev.label]) continue;
    if (!implies_blocked_.empty() && std::find(implies_blocked_.begin(), implies_blocked_.end(),
                                               ev.label) != implies_blocked_.end()) {
      continue;
    }
    const CompiledLabel& from = c_.labels[ev.label];
    for (const auto& [d2, l2] : from.implies) {
      if ((c_.dimensions[d2].kind_mask & kind_bit) == 0) continue;
      auto& labels = out->labels[d2];
      if (std::find(labels.begin(), labels.end(), l2) != labels.end()) continue;
      labels.push_back(l2);
      if (trace) {
        implied_notes.emplace_back(c_.dimensions[d2].first_label + l2,
                                   rules_.schema.rule_id(static_cast<int>(from.rule)));
      }
      if (!options_.evidence) continue;
      for (size_t k = 0; k < direct_evidence; ++k) {
        const Evidence source = out->evidence[k];
        if (source.dimension != from.dimension || source.label != from.label) continue;
        out->evidence.push_back(Evidence{static_cast<uint16_t>(d2), l2, source.rule,
                                         source.begin, source.end});
      }
    }
  }

  for (size_t d = 0; d < dim_count; ++d) {
    auto& labels = out->labels[d];
    if (labels.size() > 1) {
      const auto& rank = c_.label_rank[d];
      std::sort(labels.begin(), labels.end(),
                [&](uint16_t a, uint16_t b) { return rank[a] < rank[b]; });
    }
  }
  if (out->evidence.size() > 1) {
    // By span, then by names: the ranks are looked up only for a tie of spans.
    auto names = [&](const Evidence& ev) {
      return std::make_tuple(c_.dimension_rank[ev.dimension],
                             c_.label_rank[ev.dimension][ev.label], c_.rule_rank[ev.rule]);
    };
    std::sort(out->evidence.begin(), out->evidence.end(),
              [&](const Evidence& a, const Evidence& b) {
                if (a.begin != b.begin) return a.begin < b.begin;
                if (a.end != b.end) return a.end < b.end;
                return names(a) < names(b);
              });
    out->evidence.erase(std::unique(out->evidence.begin(), out->evidence.end()),
                        out->evidence.end());
  }
  Remember(*out);

  if (trace) {
    for (LabelTrace& lt : label_traces) {
      if (assigned_[lt.label]) {
        lt.assigned = true;
        lt.verdict = fmt::format("assigned: {} hit{}, score {} (needs {} hit{} and score {})",
                                 lt.hits, lt.hits == 1 ? "" : "s", Num(lt.score), lt.min_hits,
                                 lt.min_hits == 1 ? "" : "s", Num(lt.min_score));
      }
    }
    for (const auto& [from, other] : blocked_notes) {
      for (LabelTrace& lt : label_traces) {
        if (lt.label != from) continue;
        lt.verdict += fmt::format("; implies nothing here: the unit is '{}' (implies_unless)",
                                  c_.labels[other].id);
      }
    }
    for (const auto& [label, rule] : implied_notes) {
      // A copy: clang < 16 cannot capture a structured binding in a lambda.
      const auto wanted = label;
      auto it = std::find_if(label_traces.begin(), label_traces.end(),
                             [&](const LabelTrace& lt) { return lt.label == wanted; });
      if (it == label_traces.end()) {
        LabelTrace lt;
        lt.label = label;
        label_traces.push_back(std::move(lt));
        it = std::prev(label_traces.end());
      }
      it->assigned = true;
      it->verdict = fmt::format("assigned: implied by {}", rule);
    }
    for (LabelTrace& lt : label_traces) {
      DimensionTrace& dt = trace->dimensions[c_.labels[lt.label].dimension];
      bool active = lt.assigned || !lt.cues.empty() || !lt.vetoes.empty() || !lt.unless.empty() ||
                    !lt.priors.empty();
      if (active) {
        dt.labels.push_back(std::move(lt));
      } else {
        dt.silent.push_back(lt.label);
      }
    }
    for (DimensionTrace& dt : trace->dimensions) {
      std::sort(dt.labels.begin(), dt.labels.end(),
                [](const LabelTrace& a, const LabelTrace& b) { return a.label < b.label; });
    }
  }
  return Status::Ok();
}

}  // namespace gapmap
