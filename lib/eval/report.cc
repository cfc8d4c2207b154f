#include "lib/eval/report.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <set>

#include "lib/core/json_writer.h"

namespace gapmap {
namespace {

using Confusion = std::map<std::string, std::map<std::string, int64_t>>;

std::string Fixed(const Ratio& r) { return r.defined() ? fmt::format("{:.3f}", r.value()) : "n/a"; }

std::string Fixed(std::optional<double> v) { return v ? fmt::format("{:.3f}", *v) : "n/a"; }

std::string Count(const Ratio& r) { return fmt::format("{}/{}", r.numerator, r.denominator); }

// Columns of a confusion table: every label seen on either side in label
// order, then the special columns (no label, unaligned) when they occur.
std::vector<std::string> ConfusionColumns(const Confusion& table,
                                          const std::vector<std::string>& trailing) {
  std::set<std::string> labels;
  for (const auto& [row, columns] : table) {
    labels.insert(row);
    for (const auto& [column, n] : columns) labels.insert(column);
  }
  std::vector<std::string> columns;
  for (const std::string& l : labels) {
    if (std::find(trailing.begin(), trailing.end(), l) == trailing.end()) columns.push_back(l);
  }
  for (const std::string& t : trailing) {
    if (labels.count(t) != 0) columns.push_back(t);
  }
  return columns;
}

void AppendConfusionText(std::string* out, const Confusion& table,
                         const std::vector<std::string>& trailing) {
  std::vector<std::string> columns = ConfusionColumns(table, trailing);
  size_t first = 4;
  for (const auto& [row, unused] : table) first = std::max(first, row.size());
  std::vector<size_t> widths;
  for (const std::string& c : columns) widths.push_back(std::max<size_t>(c.size(), 5));
  fmt::format_to(std::back_inserter(*out), "  {:<{}}", "", first);
  for (size_t i = 0; i < columns.size(); ++i) {
    fmt::format_to(std::back_inserter(*out), "  {:>{}}", columns[i], widths[i]);
  }
  out->append("\n");
  for (const auto& [row, cells] : table) {
    fmt::format_to(std::back_inserter(*out), "  {:<{}}", row, first);
    for (size_t i = 0; i < columns.size(); ++i) {
      auto it = cells.find(columns[i]);
      int64_t n = it == cells.end() ? 0 : it->second;
      fmt::format_to(std::back_inserter(*out), "  {:>{}}", n, widths[i]);
    }
    out->append("\n");
  }
}

struct NamedDimension {
  const char* name;
  const DimensionScores* scores;
};

std::vector<NamedDimension> Dimensions(const EvalScores& s) {
  return {{"stance", &s.stance},
          {"fourp", &s.fourp},
          {"rectype", &s.rectype},
          {"mentions", &s.mentions}};
}

std::string UnitLine(const EvalUnit& u) {
  return fmt::format("{} unit {} (lines {}-{}, {}): {}", u.doc, u.ordinal, u.line_start, u.line_end,
                     KindName(u.kind), u.text_head);
}

// --- JSON ---

void AppendRatioJson(std::string* out, const Ratio& r) {
  if (r.defined()) {
    fmt::format_to(std::back_inserter(*out), "{{\"value\":{:.4f},\"correct\":{},\"total\":{}}}",
                   r.value(), r.numerator, r.denominator);
  } else {
    fmt::format_to(std::back_inserter(*out), "{{\"value\":null,\"correct\":0,\"total\":0}}");
  }
}

void AppendOptionalJson(std::string* out, std::optional<double> v) {
  if (v) {
    fmt::format_to(std::back_inserter(*out), "{:.4f}", *v);
  } else {
    out->append("null");
  }
}

void AppendCountsJson(std::string* out, const LabelCounts& c) {
  fmt::format_to(std::back_inserter(*out), "{{\"tp\":{},\"fp\":{},\"fn\":{},\"precision\":", c.tp,
                 c.fp, c.fn);
  AppendOptionalJson(out,
                     c.precision().defined() ? std::optional(c.precision().value()) : std::nullopt);
  out->append(",\"recall\":");
  AppendOptionalJson(out, c.recall().defined() ? std::optional(c.recall().value()) : std::nullopt);
  out->append(",\"f1\":");
  AppendOptionalJson(out, c.f1().defined() ? std::optional(c.f1().value()) : std::nullopt);
  fmt::format_to(std::back_inserter(*out), ",\"support\":{}}}", c.support());
}

void AppendConfusionJson(std::string* out, const Confusion& table) {
  out->append("{");
  bool first_row = true;
  for (const auto& [row, cells] : table) {
    if (!first_row) out->append(",");
    first_row = false;
    AppendJsonString(out, row);
    out->append(":{");
    bool first = true;
    for (const auto& [column, n] : cells) {
      if (!first) out->append(",");
      first = false;
      AppendJsonString(out, column);
      fmt::format_to(std::back_inserter(*out), ":{}", n);
    }
    out->append("}");
  }
  out->append("}");
}

}  // namespace

std::string FormatEvalText(const EvalScores& s, const std::vector<EvalUnit>& gold,
                           const EvalSources& sources) {
  std::string out;
  auto o = std::back_inserter(out);
  fmt::format_to(o, "tagged: {} ({} units)\n", sources.tagged, s.tagged_units);
  fmt::format_to(o, "gold:   {} ({} units: {} content, {} heading, {} noise)\n", sources.gold,
                 s.gold_units, s.gold_content, s.gold_headings, s.gold_noise);
  fmt::format_to(o, "aligned {}, unaligned {}\n\n",
                 s.gold_units - static_cast<int64_t>(s.unaligned.size()), s.unaligned.size());

  fmt::format_to(o, "{:<19} {:>6}  {}\n", "figure", "value", "count");
  fmt::format_to(o, "{:<19} {:>6}  {}\n", "kind (3 classes)", Fixed(s.kind), Count(s.kind));
  fmt::format_to(o, "{:<19} {:>6}  {}\n", "agency", Fixed(s.agency), Count(s.agency));
  fmt::format_to(o, "{:<19} {:>6}  {}\n", "part", Fixed(s.part), Count(s.part));
  if (s.stance.scored) {
    fmt::format_to(o, "{:<19} {:>6}  {}\n", "stance", Fixed(s.stance.accuracy),
                   Count(s.stance.accuracy));
  }
  for (const NamedDimension& d : Dimensions(s)) {
    if (!d.scores->scored || std::string_view(d.name) == "stance") continue;
    const LabelCounts& m = d.scores->micro;
    fmt::format_to(o, "{:<19} {:>6}  P {} ({}) R {} ({})\n", fmt::format("{} micro-F1", d.name),
                   Fixed(m.f1()), Fixed(m.precision()), Count(m.precision()), Fixed(m.recall()),
                   Count(m.recall()));
    if (std::string_view(d.name) != "mentions") {
      fmt::format_to(o, "{:<19} {:>6}  over {} labels\n", fmt::format("{} macro-F1", d.name),
                     Fixed(d.scores->macro_f1()), d.scores->per_label.size());
    }
  }
  std::vector<std::string> missing;
  for (const NamedDimension& d : Dimensions(s)) {
    if (!d.scores->scored) missing.push_back(d.name);
  }
  if (!missing.empty()) {
    fmt::format_to(o,
                   "not scored: {} — the tagged units carry no such label fields (as `gapmap "
                   "segment` writes them)\n",
                   fmt::join(missing, ", "));
  }

  if (s.labels_scored()) {
    size_t width = 9;
    for (const NamedDimension& d : Dimensions(s)) {
      if (!d.scores->scored) continue;
      for (const auto& [label, c] : d.scores->per_label) {
        width = std::max(width, std::string_view(d.name).size() + 1 + label.size());
      }
    }
    fmt::format_to(o, "\n{:<{}} {:>5} {:>5} {:>5} {:>9} {:>6} {:>6}\n", "per label", width, "tp",
                   "fp", "fn", "precision", "recall", "f1");
    for (const NamedDimension& d : Dimensions(s)) {
      if (!d.scores->scored) continue;
      for (const auto& [label, c] : d.scores->per_label) {
        fmt::format_to(o, "{:<{}} {:>5} {:>5} {:>5} {:>9} {:>6} {:>6}\n",
                       fmt::format("{}/{}", d.name, label), width, c.tp, c.fp, c.fn,
                       Fixed(c.precision()), Fixed(c.recall()), Fixed(c.f1()));
      }
    }
  }

  out.append("\nkind confusion (rows: gold class, columns: tagged class, - = unaligned)\n");
  AppendConfusionText(&out, s.kind_confusion, {"-"});
  if (s.stance.scored) {
    out.append(
        "\nstance confusion (rows: gold, columns: tagged, null = no stance, - = unaligned)\n");
    AppendConfusionText(&out, s.stance_confusion, {"null", "-"});
  }

  fmt::format_to(o, "\nunaligned gold units: {}\n", s.unaligned.size());
  for (int g : s.unaligned) fmt::format_to(o, "  {}\n", UnitLine(gold[g]));
  return out;
}

std::string FormatEvalJson(const EvalScores& s, const std::vector<EvalUnit>& gold,
                           const EvalSources& sources) {
  std::string out = "{\"tagged\":";
  auto o = std::back_inserter(out);
  AppendJsonString(&out, sources.tagged);
  out.append(",\"gold\":");
  AppendJsonString(&out, sources.gold);
  fmt::format_to(o,
                 ",\"tagged_units\":{},\"gold_units\":{},\"gold_content\":{},\"gold_headings\":{},"
                 "\"gold_noise\":{},\"labels_scored\":{{",
                 s.tagged_units, s.gold_units, s.gold_content, s.gold_headings, s.gold_noise);
  bool first = true;
  for (const NamedDimension& d : Dimensions(s)) {
    if (!first) out.append(",");
    first = false;
    fmt::format_to(o, "\"{}\":{}", d.name, d.scores->scored ? "true" : "false");
  }
  out.append("},\"figures\":{");
  first = true;
  for (const NamedFigure& f : NamedFigures(s)) {
    if (!first) out.append(",");
    first = false;
    AppendJsonString(&out, f.name);
    out.append(":");
    if (f.name == "unaligned") {
      fmt::format_to(o, "{}", s.unaligned.size());
    } else {
      AppendOptionalJson(&out, f.value);
    }
  }
  out.append("},\"accuracy\":{\"kind\":");
  AppendRatioJson(&out, s.kind);
  out.append(",\"agency\":");
  AppendRatioJson(&out, s.agency);
  out.append(",\"part\":");
  AppendRatioJson(&out, s.part);
  if (s.stance.scored) {
    out.append(",\"stance\":");
    AppendRatioJson(&out, s.stance.accuracy);
  }
  out.append("},\"micro\":{");
  first = true;
  for (const NamedDimension& d : Dimensions(s)) {
    if (!d.scores->scored) continue;
    if (!first) out.append(",");
    first = false;
    fmt::format_to(o, "\"{}\":", d.name);
    AppendCountsJson(&out, d.scores->micro);
  }
  out.append("},\"per_label\":{");
  first = true;
  for (const NamedDimension& d : Dimensions(s)) {
    if (!d.scores->scored) continue;
    if (!first) out.append(",");
    first = false;
    fmt::format_to(o, "\"{}\":{{", d.name);
    bool first_label = true;
    for (const auto& [label, counts] : d.scores->per_label) {
      if (!first_label) out.append(",");
      first_label = false;
      AppendJsonString(&out, label);
      out.append(":");
      AppendCountsJson(&out, counts);
    }
    out.append("}");
  }
  out.append("},\"confusion\":{\"kind\":");
  AppendConfusionJson(&out, s.kind_confusion);
  if (s.stance.scored) {
    out.append(",\"stance\":");
    AppendConfusionJson(&out, s.stance_confusion);
  }
  out.append("},\"unaligned\":[");
  first = true;
  for (int g : s.unaligned) {
    if (!first) out.append(",");
    first = false;
    const EvalUnit& u = gold[g];
    out.append("{\"doc\":");
    AppendJsonString(&out, u.doc);
    fmt::format_to(o, ",\"unit\":{},\"line_start\":{},\"line_end\":{},\"kind\":\"{}\",\"text\":",
                   u.ordinal, u.line_start, u.line_end, KindName(u.kind));
    AppendJsonString(&out, u.text_head);
    out.append("}");
  }
  out.append("]}\n");
  return out;
}

}  // namespace gapmap
