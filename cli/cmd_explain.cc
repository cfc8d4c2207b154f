// gapmap explain ID|LINE DOC — one unit, every rule that fired on it, and why
// each label was or was not assigned. `--text` explains a text of your own.
#include <unistd.h>

#include <charconv>

#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/rule_loading.h"
#include "lib/rules/term.h"
#include "lib/pipeline/run_documents.h"
#include "lib/tag/explain.h"

namespace gapmap::cli {
namespace {

bool ParseNumber(std::string_view s, uint32_t* out) {
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size() && *out > 0;
}

// An unknown --only dimension is a usage error, not an empty explanation.
std::optional<int> CheckOnly(const RuleSet& rules, const std::vector<std::string>& only) {
  for (const std::string& name : only) {
    if (rules.schema.FindDimension(name) < 0) {
      std::vector<std::string> names;
      for (int d = 0; d < rules.schema.dimension_count(); ++d) {
        names.push_back(rules.schema.dimension(d).name);
      }
      return UsageError("explain", fmt::format("--only: unknown dimension '{}' (the rules have: {})",
                                               name, fmt::join(names, ", ")));
    }
  }
  return std::nullopt;
}

}  // namespace

int RunExplain(const Args& args) {
  InputOptions input;
  std::string color = "auto";
  std::string text, kind = "text", part;
  std::vector<std::string> section;
  ExplainStyle style;
  po::options_description desc("options");
  AddInputOptions(&desc, &input);
  desc.add_options()("color", po::value(&color)->default_value("auto"),
                     "highlight spans with ANSI colours: auto, always, never")(
      "text", po::value(&text), "explain this text instead of a unit of a document")(
      "kind", po::value(&kind)->default_value("text"), "with --text: the unit kind")(
      "part", po::value(&part), "with --text: the part (e.g. recommendations)")(
      "section", po::value(&section)->composing(),
      "with --text: a heading of the section path (repeat for each level)")(
      "only", po::value(&style.only)->composing(),
      "show only this dimension (repeat for several)");
  std::vector<std::string> positional;
  if (auto exit = ParseCommandLine("explain",
                                   "gapmap explain [options] ID|LINE DOC\n"
                                   "       gapmap explain [options] --text TEXT",
                                   args, desc, &positional)) {
    return *exit;
  }
  if (color != "auto" && color != "always" && color != "never") {
    return UsageError("explain", "--color must be auto, always or never");
  }
  style.color = color == "always" || (color == "auto" && ::isatty(STDOUT_FILENO));

  Diagnostics diagnostics;
  diagnostics.set_quiet(input.quiet);
  if (!text.empty()) {
    if (!positional.empty()) return UsageError("explain", "give either --text or ID|LINE DOC");
    std::optional<UnitKind> k = ParseKind(kind);
    if (!k) return UsageError("explain", fmt::format("unknown unit kind '{}'", kind));
    auto rules = LoadRulesOrReport(input, &diagnostics);
    if (!rules) return 2;
    if (auto exit = CheckOnly(*rules, style.only)) return *exit;
    Unit unit;
    unit.doc = "text";
    unit.ordinal = 1;
    unit.kind = *k;
    unit.text = NormalizeLikeText(text);
    unit.section.part = part;
    unit.section.path = section;
    Tagger tagger(*rules);
    TaggedUnit tagged;
    TagTrace trace;
    Status s = tagger.TagExplained(std::move(unit), &tagged, &trace);
    if (!s.ok()) {
      diagnostics.Error(s);
      return 2;
    }
    fmt::print("{}", FormatExplanation(*rules, tagged, trace, style));
    return 0;
  }
  if (positional.size() != 2) {
    return UsageError("explain", "expected a unit id (doc:0042) or a line number, then a document");
  }
  const std::string& target = positional[0];
  uint32_t ordinal = 0, line = 0;
  size_t colon = target.rfind(':');
  if (colon != std::string::npos) {
    if (!ParseNumber(std::string_view(target).substr(colon + 1), &ordinal)) {
      return UsageError("explain", fmt::format("'{}' is not a unit id like doc:0042", target));
    }
  } else if (!ParseNumber(target, &line)) {
    return UsageError("explain",
                      fmt::format("'{}' is neither a unit id (doc:0042) nor a line number", target));
  }
  auto rules = LoadRulesOrReport(input, &diagnostics);
  if (!rules) return 2;
  if (auto exit = CheckOnly(*rules, style.only)) return *exit;
  InputList list = ExpandInputs({positional[1]}, input.stdin_name);
  for (const Status& error : list.errors) diagnostics.Error(error);
  if (list.inputs.size() != 1) {
    if (list.errors.empty()) diagnostics.Error(Status::Usage("explain: give exactly one document"));
    return 2;
  }
  if (colon != std::string::npos && target.substr(0, colon) != list.inputs[0].doc_id) {
    return UsageError("explain", fmt::format("unit '{}' is not from document '{}'", target,
                                             list.inputs[0].doc_id));
  }
  ExplainSink sink(*rules, ordinal, line);
  RunOptions run;
  if (auto exit = ToRunOptions("explain", input, &run)) return *exit;
  run.pipeline.tag = false;  // the sink tags, keeping the trace of its unit
  run.show_progress = false;
  RunSummary summary = RunDocuments(*rules, list.inputs, run, &sink, &diagnostics);
  if (!summary.fatal.ok()) {
    diagnostics.Error(summary.fatal);
    return 2;
  }
  if (diagnostics.error_count() > 0) return 2;
  if (!sink.found()) {
    diagnostics.Error(SourceLocation{positional[1], 0, 0},
                      ordinal != 0 ? fmt::format("no unit {} in this document", target)
                                   : fmt::format("no unit contains line {}", line));
    return 2;
  }
  fmt::print("{}", FormatExplanation(*rules, sink.unit(), sink.trace(), style));
  return 0;
}

}  // namespace gapmap::cli
