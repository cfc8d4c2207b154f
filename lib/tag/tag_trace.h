// TagTrace: the full story of how one unit got its labels, for `gapmap
// explain` and the failure reports of `gapmap rules test`. The tagger fills
// it only when asked (Tagger::TagExplained); the hot path never builds one.
#ifndef GAPMAP_TAG_TAG_TRACE_H_
#define GAPMAP_TAG_TAG_TRACE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "lib/rules/match_types.h"
#include "lib/rules/rule_model.h"

namespace gapmap {

struct TraceCue {
  enum class Fate : uint8_t {
    kCounted,     // counted towards the label
    kVetoed,      // overlaps a `not` match of the label
    kOverlapped,  // inside a longer (or earlier) counted hit of the label
  };
  uint32_t pattern = 0;           // CompiledRules::patterns
  uint32_t partner = UINT32_MAX;  // near pairs: the other term's pattern
  CueList list = CueList::kAny;
  uint32_t begin = 0, end = 0;
  double weight = 0;  // what it adds to the score (label weight included)
  Fate fate = Fate::kCounted;
};

struct LabelTrace {
  uint32_t label = 0;  // CompiledRules::labels
  std::vector<TraceCue> cues;
  std::vector<Hit> vetoes;  // `not` matches
  std::vector<Hit> unless;  // `unless` matches
  std::vector<std::pair<uint32_t, double>> priors;  // fired: (rule id, score)
  int hits = 0;
  double score = 0;
  int min_hits = 0;
  double min_score = 0;
  double salience = 0;  // part of min_score that comes from the unit's length
  bool in_scope = true;
  bool qualified = false;
  bool assigned = false;
  std::string verdict;  // one sentence: why it was or was not assigned
};

struct DimensionTrace {
  int dimension = 0;
  bool applies = true;       // the dimension applies to the unit's kind
  std::string decision;      // single-valued: how the label was chosen
  std::vector<LabelTrace> labels;  // every label with any activity
  std::vector<uint32_t> silent;    // labels with no hit and no prior (CompiledRules::labels)
};

struct TagTrace {
  std::vector<Hit> hits;  // every pattern hit in the unit
  size_t words = 0;
  std::vector<DimensionTrace> dimensions;  // in schema order
};

}  // namespace gapmap

#endif  // GAPMAP_TAG_TAG_TRACE_H_
