// Explanation: a tagged unit and its TagTrace as text for people, used by
// `gapmap explain` and by the failure reports of `gapmap rules test`.
//
// Shows the unit, its text with every hit highlighted, and per dimension the
// decision and, per label, every cue that fired (with its span in context)
// and why the label was or was not assigned: threshold, exclusion (`not`,
// `unless`), scope, priority, default, implication.
#ifndef GAPMAP_TAG_EXPLAIN_H_
#define GAPMAP_TAG_EXPLAIN_H_

#include <string>
#include <string_view>
#include <vector>

#include "lib/core/tagged_unit.h"
#include "lib/rules/rule_set.h"
#include "lib/sinks/sink.h"
#include "lib/tag/tag_trace.h"
#include "lib/tag/tagger.h"

namespace gapmap {

struct ExplainStyle {
  bool color = false;  // ANSI bold/underline for spans (a terminal); else »...«
  std::vector<std::string> only;  // dimensions to show; empty: all
};

std::string FormatExplanation(const RuleSet& rules, const TaggedUnit& unit, const TagTrace& trace,
                              const ExplainStyle& style);

// The part of an explanation about one dimension (`rules test` failures).
std::string FormatDimensionTrace(const RuleSet& rules, const TaggedUnit& unit,
                                 const DimensionTrace& trace, const ExplainStyle& style);

// "label: rule 'match' [begin,end)" for every evidence record, one per line,
// each line starting with `indent`.
std::string FormatEvidence(const RuleSet& rules, const TaggedUnit& unit, std::string_view indent);

// text[begin, end) with up to `context` bytes either side, the span marked.
std::string Snippet(std::string_view text, uint32_t begin, uint32_t end, const ExplainStyle& style,
                    size_t context = 40);

// Receives a document's untagged units in order (a pipeline run with
// tag = false), tags each one (so list context is what `gapmap tag` sees)
// and keeps the trace of the wanted unit: the unit with ordinal `ordinal`,
// or (ordinal 0) the innermost unit whose lines contain `line`, the way gold
// units are aligned.
class ExplainSink : public UnitSink {
 public:
  ExplainSink(const RuleSet& rules, uint32_t ordinal, uint32_t line);
  Status Write(const TaggedUnit& unit) override;

  bool found() const { return found_; }
  const TaggedUnit& unit() const { return best_; }
  const TagTrace& trace() const { return trace_; }

 private:
  Tagger tagger_;
  uint32_t ordinal_, line_;
  bool found_ = false;
  TaggedUnit best_, scratch_;
  TagTrace trace_;
};

}  // namespace gapmap

#endif  // GAPMAP_TAG_EXPLAIN_H_
