// CompiledRules: the dimension files and the agency registry turned into one
// matcher plus the tables the tagger decides labels with.
//
// Indices line up with the Schema: dimension d here is Schema dimension d,
// and label l of dimension d is labels[dimensions[d].first_label + l], which
// is Schema label l of d. Immutable once compiled; shared by all threads.
#ifndef GAPMAP_RULES_COMPILED_RULES_H_
#define GAPMAP_RULES_COMPILED_RULES_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "lib/core/source_location.h"
#include "lib/core/unit.h"
#include "lib/rules/regex.h"
#include "lib/rules/rule_model.h"
#include "lib/rules/term.h"
#include "lib/rules/unit_matcher.h"

namespace gapmap {

inline uint8_t KindBit(UnitKind kind) { return static_cast<uint8_t>(1u << static_cast<int>(kind)); }
uint8_t KindMask(const std::vector<UnitKind>& kinds);

// One use of a pattern by a label.
struct PatternUse {
  uint32_t label = 0;  // index into CompiledRules::labels
  CueList list = CueList::kAny;
  uint16_t near = 0;   // kNearA/kNearB: the near clause
  float weight = 1;    // cue hits: weight per hit (before the label's weight)
};

struct CompiledPattern {
  PatternSpec::Kind kind = PatternSpec::Kind::kTerm;
  bool case_sensitive = false;
  std::string display;  // as a user wrote it: victim assistance, /\bfoo/
  std::vector<Term> terms;  // kTerm: one per alternative of the entry
  int regex = -1;       // kRegex: index into CompiledRules::regexes
  SourceLocation where;  // first place it was written
  std::vector<PatternUse> uses;
};

struct CompiledPrior {
  std::vector<std::string> parts;  // empty: any
  uint8_t kind_mask = 0;           // 0: any
  int section = -1;                // index into section_regexes, -1: none
  int lead_in = -1;                // schema label of the same dimension, -1: none
  double score = 0;
  uint32_t rule = 0;               // "<dim>/<label>@prior:<condition>"
};

struct CompiledNear {
  int within = 5;
  double weight = 1;
};

struct CompiledLabel {
  int dimension = 0;
  uint16_t label = 0;   // schema label index within the dimension
  uint32_t rule = 0;    // "<dim>/<label>"
  std::string id;
  double weight = 1, min_score = 1;
  int min_hits = 1;
  int priority = 0;
  bool has_cues = false;
  bool prior_capable = false;  // may qualify without hits (min_hits 0 and priors)
  uint8_t kind_mask = 0xFF;    // scope kinds
  std::vector<std::string> parts;  // scope parts; empty: any
  std::vector<int> sections;       // scope section regexes; empty: any
  std::vector<CompiledPrior> priors;
  std::vector<CompiledNear> near;
  std::vector<std::pair<int, uint16_t>> implies;  // (dimension, schema label)
  std::vector<uint32_t> implies_unless;           // labels (index into CompiledRules::labels)
  int spec_dimension = -1, spec_label = -1;       // into RuleSet::dimensions (-1: agencies)
};

struct CompiledDimension {
  std::string name;
  bool multi = true;
  uint8_t kind_mask = 0;
  int default_label = -1;  // schema label index, single-valued only
  uint32_t default_rule = 0;
  Decide decide = Decide::kPriority;
  int per_words = 0;
  double step = 0;
  double relative = 0;     // multi-valued: fraction of the best score a label needs
  bool weak_alone = true;  // false: weak hits alone do not support a label
  uint32_t first_label = 0, end_label = 0;  // range in CompiledRules::labels
};

struct CompiledRules {
  std::vector<CompiledDimension> dimensions;
  std::vector<CompiledLabel> labels;
  std::vector<CompiledPattern> patterns;
  std::vector<Regex> regexes;          // raw regexes of patterns
  std::vector<Regex> section_regexes;  // scope sections and section priors
  std::vector<std::string> section_sources;
  UnitMatcher matcher;
  std::vector<uint32_t> prior_capable_labels;
  bool has_lead_in_priors = false;
  // Sort keys so evidence and labels come out in name order.
  std::vector<uint32_t> dimension_rank;
  std::vector<std::vector<uint32_t>> label_rank;  // [dimension][label]
  std::vector<uint32_t> rule_rank;
};

}  // namespace gapmap

#endif  // GAPMAP_RULES_COMPILED_RULES_H_
