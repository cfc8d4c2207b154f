#include "lib/tag/explain.h"

#include <algorithm>

#include <fmt/format.h>

#include "lib/rules/rule_compiler.h"

namespace gapmap {
namespace {

std::string Num(double v) {
  std::string s = fmt::format("{:.2f}", v);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s == "-0" ? "0" : s;
}

// Moves `i` back (or forward) to the start of a UTF-8 sequence.
size_t BackToBoundary(std::string_view s, size_t i) {
  while (i > 0 && i < s.size() && (static_cast<uint8_t>(s[i]) & 0xC0) == 0x80) --i;
  return i;
}
size_t ForwardToBoundary(std::string_view s, size_t i) {
  while (i < s.size() && (static_cast<uint8_t>(s[i]) & 0xC0) == 0x80) ++i;
  return i;
}

std::string Open(const ExplainStyle& style) { return style.color ? "\x1b[1;4m" : "»"; }
std::string Close(const ExplainStyle& style) { return style.color ? "\x1b[0m" : "«"; }

std::string LabelsOf(const RuleSet& rules, const TaggedUnit& unit, int d) {
  const Dimension& dim = rules.schema.dimension(d);
  const auto& labels = unit.labels[d];
  if (!dim.multi) return labels.empty() ? "null" : dim.labels[labels.front()];
  std::vector<std::string> names;
  for (uint16_t l : labels) names.push_back(dim.labels[l]);
  return fmt::format("[{}]", fmt::join(names, ", "));
}

}  // namespace

std::string Snippet(std::string_view text, uint32_t begin, uint32_t end, const ExplainStyle& style,
                    size_t context) {
  begin = std::min<uint32_t>(begin, static_cast<uint32_t>(text.size()));
  end = std::clamp<uint32_t>(end, begin, static_cast<uint32_t>(text.size()));
  size_t from = begin > context ? BackToBoundary(text, begin - context) : 0;
  size_t to = ForwardToBoundary(text, std::min(text.size(), end + context));
  std::string out;
  if (from > 0) out += "…";
  out.append(text.substr(from, begin - from));
  out += Open(style);
  out.append(text.substr(begin, end - begin));
  out += Close(style);
  out.append(text.substr(end, to - end));
  if (to < text.size()) out += "…";
  return out;
}

std::string FormatEvidence(const RuleSet& rules, const TaggedUnit& unit, std::string_view indent) {
  std::string out;
  const std::string& text = unit.unit.text;
  for (const Evidence& e : unit.evidence) {
    std::string where = e.begin == e.end
                            ? std::string()
                            : fmt::format(" \"{}\" [{},{})",
                                          std::string_view(text).substr(
                                              e.begin, std::min<size_t>(e.end, text.size()) - e.begin),
                                          e.begin, e.end);
    out += fmt::format("{}{}: {} via {}{}\n", indent, rules.schema.dimension(e.dimension).name,
                       rules.schema.label_name(e.dimension, e.label),
                       rules.schema.rule_id(static_cast<int>(e.rule)), where);
  }
  return out;
}

std::string FormatDimensionTrace(const RuleSet& rules, const TaggedUnit& unit,
                                 const DimensionTrace& dt, const ExplainStyle& style) {
  const CompiledRules& c = rules.compiled;
  const int d = dt.dimension;
  const Dimension& dim = rules.schema.dimension(d);
  std::string out = fmt::format("{} = {}", dim.name, LabelsOf(rules, unit, d));
  if (!dt.applies) {
    std::vector<std::string_view> kinds;
    for (int k = 0; k < kUnitKindCount; ++k) {
      if (c.dimensions[d].kind_mask & (1u << k)) kinds.push_back(KindName(static_cast<UnitKind>(k)));
    }
    return out + fmt::format("   (applies to {} units only; this is a {})\n", fmt::join(kinds, ", "),
                             KindName(unit.unit.kind));
  }
  if (!dt.decision.empty()) out += "   (" + dt.decision + ")";
  out += "\n";
  const std::string& text = unit.unit.text;
  for (const LabelTrace& lt : dt.labels) {
    const CompiledLabel& label = c.labels[lt.label];
    out += fmt::format("  {} {:<22} {}\n", lt.assigned ? "+" : "-", label.id, lt.verdict);
    for (const TraceCue& cue : lt.cues) {
      const CompiledPattern& p = c.patterns[cue.pattern];
      std::string what = fmt::format("{} {}", CueListName(cue.list), p.display);
      if (cue.partner != UINT32_MAX) {
        what = fmt::format("near {} ~ {}", p.display, c.patterns[cue.partner].display);
      }
      std::string fate;
      switch (cue.fate) {
        case TraceCue::Fate::kCounted: fate = fmt::format("+{}", Num(cue.weight)); break;
        case TraceCue::Fate::kVetoed: fate = "vetoed by 'not'"; break;
        case TraceCue::Fate::kOverlapped: fate = "overlaps a counted hit, not counted"; break;
      }
      out += fmt::format("      {:<34} [{},{}) {}   {}\n", what, cue.begin, cue.end, fate,
                         Snippet(text, cue.begin, cue.end, style, 25));
    }
    for (const Hit& v : lt.vetoes) {
      out += fmt::format("      not {:<30} [{},{})   {}\n", c.patterns[v.pattern].display, v.begin,
                         v.end, Snippet(text, v.begin, v.end, style, 25));
    }
    for (const Hit& v : lt.unless) {
      out += fmt::format("      unless {:<27} [{},{})   {}\n", c.patterns[v.pattern].display,
                         v.begin, v.end, Snippet(text, v.begin, v.end, style, 25));
    }
    for (const auto& [rule, score] : lt.priors) {
      out += fmt::format("      prior {:<28} {}{}\n",
                         rules.schema.rule_id(static_cast<int>(rule)).substr(
                             rules.schema.rule_id(static_cast<int>(rule)).find("@prior:") + 7),
                         score >= 0 ? "+" : "", Num(score));
    }
  }
  if (!dt.silent.empty() && dt.silent.size() <= 8) {
    std::vector<std::string> names;
    for (uint32_t l : dt.silent) names.push_back(c.labels[l].id);
    out += fmt::format("  (nothing matched: {})\n", fmt::join(names, ", "));
  } else if (!dt.silent.empty()) {
    out += fmt::format("  (nothing matched for the {} other labels)\n", dt.silent.size());
  }
  return out;
}

std::string FormatExplanation(const RuleSet& rules, const TaggedUnit& tagged,
                              const TagTrace& trace, const ExplainStyle& style) {
  const Unit& u = tagged.unit;
  std::string lines =
      u.line_start == 0 ? "" : fmt::format(", lines {}-{}", u.line_start, u.line_end);
  std::string out = fmt::format("unit {} ({}{}, {} words)\n", UnitId(u.doc, u.ordinal),
                                KindName(u.kind), lines, trace.words);
  out += fmt::format("section: {}\n",
                     u.section.path.empty() ? std::string("(none)")
                                            : fmt::format("{}", fmt::join(u.section.path, " > ")));
  out += fmt::format("agency: {}   part: {}\n", u.section.agency.empty() ? "null" : u.section.agency,
                     u.section.part.empty() ? "null" : u.section.part);
  if (u.lead_in_ordinal != 0) {
    out += fmt::format("list item of lead-in {}\n", UnitId(u.doc, u.lead_in_ordinal));
  }
  // The text with every hit highlighted (overlapping hits merged).
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  for (const Hit& h : trace.hits) spans.emplace_back(h.begin, h.end);
  std::sort(spans.begin(), spans.end());
  std::string marked;
  size_t pos = 0;
  const std::string& text = u.text;
  for (size_t i = 0; i < spans.size();) {
    uint32_t b = spans[i].first, e = spans[i].second;
    size_t j = i + 1;
    while (j < spans.size() && spans[j].first < e) e = std::max(e, spans[j++].second);
    if (b >= pos && e <= text.size()) {
      marked.append(text, pos, b - pos);
      marked += Open(style);
      marked.append(text, b, e - b);
      marked += Close(style);
      pos = e;
    }
    i = j;
  }
  marked.append(text, std::min(pos, text.size()), std::string::npos);
  out += "\n  " + marked + "\n\n";
  for (int d : rules.schema.OutputOrder()) {
    const std::string& name = rules.schema.dimension(d).name;
    if (!style.only.empty() &&
        std::find(style.only.begin(), style.only.end(), name) == style.only.end()) {
      continue;
    }
    out += FormatDimensionTrace(rules, tagged, trace.dimensions[d], style);
  }
  return out;
}

ExplainSink::ExplainSink(const RuleSet& rules, uint32_t ordinal, uint32_t line)
    : tagger_(rules), ordinal_(ordinal), line_(line) {}

Status ExplainSink::Write(const TaggedUnit& unit) {
  const Unit& u = unit.unit;
  bool wanted = ordinal_ != 0 ? u.ordinal == ordinal_
                              : (u.line_start <= line_ && line_ <= u.line_end);
  if (!wanted) return tagger_.Tag(u, &scratch_);
  if (found_ && ordinal_ == 0 &&
      u.line_end - u.line_start >= best_.unit.line_end - best_.unit.line_start) {
    return tagger_.Tag(u, &scratch_);  // not more inner than the one we have
  }
  found_ = true;
  return tagger_.TagExplained(u, &best_, &trace_);
}

}  // namespace gapmap
