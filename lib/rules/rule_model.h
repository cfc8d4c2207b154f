// The rule model: what a dimension file (rules/<name>.yaml) says, as plain
// data with the place of every piece, before anything is compiled.
//
// The loader (dimension_loader.h) builds it from YAML and checks everything a
// single file can check; the compiler (rule_compiler.h) checks what needs all
// files (a dimension defined twice, `implies` targets, term and regex syntax)
// and turns it into matchers. docs/rules.md is the user's view of this model.
#ifndef GAPMAP_RULES_RULE_MODEL_H_
#define GAPMAP_RULES_RULE_MODEL_H_

#include <optional>
#include <string>
#include <vector>

#include "lib/core/source_location.h"
#include "lib/core/unit.h"

namespace gapmap {

// Which list of a label a pattern came from.
enum class CueList : uint8_t {
  kAny, kWeak, kExact, kFirst, kRegex, kNot, kUnless, kNearA, kNearB
};

// One entry of a term or regex list.
struct PatternSpec {
  enum class Kind : uint8_t { kTerm, kRegex };
  Kind kind = Kind::kTerm;
  std::string text;  // the term, or the regex without its slashes
  bool case_sensitive = false;
  double weight = 1.0;  // per hit, before the label's weight
  CueList list = CueList::kAny;
  SourceLocation where;
};

struct NearSpec {
  std::vector<PatternSpec> a, b;
  int within = 5;  // at most this many words between the two
  double weight = 1.0;
  SourceLocation where;
};

struct RegexSpec {
  std::string pattern;
  SourceLocation where;
};

// A condition on a unit's context, with the score it adds when it holds.
// All given conditions must hold.
struct PriorSpec {
  std::vector<std::string> parts;
  std::vector<UnitKind> kinds;
  std::optional<RegexSpec> section;  // matched against each heading of the path
  std::string lead_in;               // the lead-in paragraph got this label
  SourceLocation lead_in_where;
  double score = 0;
  std::string condition;  // canonical text, for the rule id "<dim>/<label>@prior:<condition>"
  SourceLocation where;
};

struct ScopeSpec {
  std::vector<UnitKind> kinds;  // empty: all kinds of the dimension
  std::vector<std::string> parts;
  std::vector<RegexSpec> sections;
};

struct ImpliesSpec {
  std::string dimension;
  std::string label;
  SourceLocation where;
};

struct ExampleSpec {
  std::string text;
  bool should_match = true;
  UnitKind kind = UnitKind::kText;
  bool kind_given = false;
  std::string part;
  std::vector<std::string> section;
  std::string lead_in;  // text of a lead-in paragraph tagged before the example
  SourceLocation where;
};

struct LabelSpec {
  std::string id;
  std::string description;
  SourceLocation where;
  std::vector<PatternSpec> cues;     // any, weak, exact, first, regex (in that order)
  std::vector<PatternSpec> vetoes;   // not
  std::vector<PatternSpec> unless;   // unit vetoes
  std::vector<NearSpec> near;
  double weight = 1.0;
  int min_hits = 1;
  bool min_hits_given = false;
  double min_score = 1.0;
  int priority = 0;
  ScopeSpec scope;
  std::vector<PriorSpec> priors;
  std::vector<ImpliesSpec> implies;
  // The implications do not apply when the unit got any of these labels
  // directly (not by implication).
  std::vector<ImpliesSpec> implies_unless;
  std::vector<ExampleSpec> examples;

  bool has_cues() const { return !cues.empty() || !near.empty(); }
};

enum class Decide : uint8_t { kPriority, kScore };

struct DimensionSpec {
  std::string name;
  std::string file;
  SourceLocation where;  // the `dimension:` value
  bool multi = true;
  std::string description;
  std::vector<UnitKind> kinds = {UnitKind::kText, UnitKind::kBullet};
  std::string default_label;
  SourceLocation default_where;
  Decide decide = Decide::kPriority;
  int salience_per_words = 0;  // 0: no salience
  double salience_step = 0;
  // Multi-valued only: a qualifying label is assigned only if its score
  // reaches this fraction of the best qualifying score of the dimension in
  // the unit (0: off).
  double relative = 0;
  // False: hits of `weak:` lists alone never assign a label; it needs a
  // hit of another cue list or a prior that holds.
  bool weak_alone = true;
  std::vector<LabelSpec> labels;
};

// The parts a section tracker assigns (TAXONOMY.md); other names are allowed
// (a structure.yaml may define more) but a near miss is reported as a typo.
inline const std::vector<std::string>& KnownParts() {
  static const std::vector<std::string> kParts = {"intro", "mandate", "gap_analysis",
                                                  "recommendations"};
  return kParts;
}

}  // namespace gapmap

#endif  // GAPMAP_RULES_RULE_MODEL_H_
