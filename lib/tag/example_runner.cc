#include "lib/tag/example_runner.h"

#include <algorithm>

#include <fmt/format.h>

#include "lib/rules/term.h"
#include "lib/tag/explain.h"
#include "lib/tag/tagger.h"

namespace gapmap {

Result<ExampleResults> RunExamples(const RuleSet& rules) {
  ExampleResults results;
  for (const DimensionSpec& ds : rules.dimensions) {
    const int d = rules.schema.FindDimension(ds.name);
    if (d < 0) continue;
    const bool text_applies =
        std::find(ds.kinds.begin(), ds.kinds.end(), UnitKind::kText) != ds.kinds.end();
    const UnitKind default_kind = text_applies || ds.kinds.empty() ? UnitKind::kText : ds.kinds[0];
    for (const LabelSpec& ls : ds.labels) {
      const int l = rules.schema.FindLabel(d, ls.id);
      for (const ExampleSpec& ex : ls.examples) {
        ++results.total;
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
        if (has == ex.should_match) continue;
        ExampleFailure failure;
        failure.where = ex.where;
        failure.rule = fmt::format("{}/{}", ds.name, ls.id);
        failure.should_match = ex.should_match;
        std::string context;
        if (ex.kind_given || out.unit.kind != UnitKind::kText) {
          context += fmt::format(" kind={}", KindName(out.unit.kind));
        }
        if (!ex.part.empty()) context += " part=" + ex.part;
        if (!ex.section.empty()) context += fmt::format(" section={}", fmt::join(ex.section, " > "));
        if (!ex.lead_in.empty()) {
          context += fmt::format(" lead_in=\"{}\" (tagged {})", lead.unit.text,
                                 lead.labels[d].empty()
                                     ? std::string("nothing")
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
        results.failures.push_back(std::move(failure));
      }
    }
  }
  return results;
}

}  // namespace gapmap
