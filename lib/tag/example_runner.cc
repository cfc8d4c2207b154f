#include "lib/tag/example_runner.h"

#include <fmt/format.h>

#include <algorithm>

#include "lib/rules/term.h"
#include "lib/tag/explain.h"
#include "lib/tag/tagger.h"

namespace gapmap {

namespace {

// Tags one example with the whole rule set; a failure (label present when it
// should not be, or missing when it should be) is added to `results`.
Status RunExample(const RuleSet& rules, int d, int l, const std::string& rule,
                  UnitKind default_kind, const ExampleSpec& ex, ExampleResults* results) {
  ++results->total;
  Tagger tagger(rules);
  Unit unit;
  unit.doc = "example";
  unit.ordinal = 1;
  unit.kind = ex.kind_given ? ex.kind : default_kind;
  unit.section.path = ex.section;
  unit.section.part = ex.part;
  unit.text = NormalizeLikeText(ex.text);
  TaggedUnit lead;
  if (!ex.lead_in.empty()) {
    Unit lead_unit = unit;
    lead_unit.kind = UnitKind::kText;
    lead_unit.text = NormalizeLikeText(ex.lead_in);
    GAPMAP_RETURN_IF_ERROR(tagger.Tag(std::move(lead_unit), &lead));
    unit.ordinal = 2;
    unit.lead_in_ordinal = 1;
  }
  TaggedUnit out;
  TagTrace trace;
  GAPMAP_RETURN_IF_ERROR(tagger.TagExplained(std::move(unit), &out, &trace));
  const auto& got = out.labels[d];
  bool has = std::find(got.begin(), got.end(), l) != got.end();
  if (has == ex.should_match) return Status::Ok();
  ExampleFailure failure;
  failure.where = ex.where;
  failure.rule = rule;
  failure.should_match = ex.should_match;
  std::string context;
  if (ex.kind_given || out.unit.kind != UnitKind::kText) {
    context += fmt::format(" kind={}", KindName(out.unit.kind));
  }
  if (!ex.part.empty()) context += " part=" + ex.part;
  if (!ex.section.empty()) context += fmt::format(" section={}", fmt::join(ex.section, " > "));
  if (!ex.lead_in.empty()) {
    context +=
        fmt::format(" lead_in=\"{}\" (tagged {})", lead.unit.text,
                    lead.labels[d].empty() ? std::string("nothing")
                                           : rules.schema.label_name(d, lead.labels[d].front()));
  }
  std::string report = fmt::format("  text: \"{}\"{}\n", out.unit.text, context);
  report += out.evidence.empty() ? "  fired: nothing\n"
                                 : "  fired:\n" + FormatEvidence(rules, out, "    ");
  report += "  why:\n";
  std::string dim_trace = FormatDimensionTrace(rules, out, trace.dimensions[d], ExplainStyle{});
  // Indent the dimension's story under "why:".
  size_t start = 0;
  while (start < dim_trace.size()) {
    size_t nl = dim_trace.find('\n', start);
    if (nl == std::string::npos) nl = dim_trace.size();
    report += "    " + dim_trace.substr(start, nl - start) + "\n";
    start = nl + 1;
  }
  failure.report = std::move(report);
  results->failures.push_back(std::move(failure));
  return Status::Ok();
}

}  // namespace

Result<ExampleResults> RunExamples(const RuleSet& rules) {
  ExampleResults results;
  // The agency registry's examples test the `mentions` dimension it yields.
  if (const int d = rules.schema.FindDimension(kMentionsDimension); d >= 0) {
    for (const Agency& agency : rules.agencies.agencies) {
      const int l = rules.schema.FindLabel(d, agency.id);
      const std::string rule = fmt::format("{}/{}", kMentionsDimension, agency.id);
      for (const ExampleSpec& ex : agency.examples) {
        GAPMAP_RETURN_IF_ERROR(RunExample(rules, d, l, rule, UnitKind::kText, ex, &results));
      }
    }
  }
  for (const DimensionSpec& ds : rules.dimensions) {
    const int d = rules.schema.FindDimension(ds.name);
    if (d < 0) continue;
    const bool text_applies =
        std::find(ds.kinds.begin(), ds.kinds.end(), UnitKind::kText) != ds.kinds.end();
    const UnitKind default_kind = text_applies || ds.kinds.empty() ? UnitKind::kText : ds.kinds[0];
    for (const LabelSpec& ls : ds.labels) {
      const int l = rules.schema.FindLabel(d, ls.id);
      const std::string rule = fmt::format("{}/{}", ds.name, ls.id);
      for (const ExampleSpec& ex : ls.examples) {
        GAPMAP_RETURN_IF_ERROR(RunExample(rules, d, l, rule, default_kind, ex, &results));
      }
    }
  }
  return results;
}

}  // namespace gapmap
