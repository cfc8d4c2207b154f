// gapmap eval TAGGED.jsonl GOLD.jsonl
// gapmap eval --gold GOLD.jsonl DOC...      (tags the documents first, in process)
// Scores tagged units against hand-labelled gold units (lib/eval).
#include <fmt/format.h>

#include "cli/command_io.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "cli/rule_loading.h"
#include "lib/eval/alignment.h"
#include "lib/eval/eval_unit.h"
#include "lib/eval/metrics.h"
#include "lib/eval/report.h"
#include "lib/eval/thresholds.h"
#include "lib/pipeline/run_documents.h"
#include "lib/sinks/output.h"

namespace gapmap::cli {
namespace {

constexpr const char* kUsage =
    "gapmap eval [options] TAGGED.jsonl GOLD.jsonl\n"
    "       gapmap eval [options] --gold GOLD.jsonl DOC...";

// Tags `docs` in process and collects the units.
int TagDocuments(const InputOptions& input, std::vector<EvalUnit>* units,
                 DimensionPresence* presence, Diagnostics* diagnostics) {
  auto rules = LoadRulesOrReport(input, diagnostics);
  if (!rules) return 2;
  InputList list = ExpandInputsOrReport(input, diagnostics);
  EvalUnitCollector collector(&rules->schema);
  RunOptions run;
  if (auto exit = ToRunOptions("eval", input, &run)) return *exit;
  run.pipeline.evidence = false;  // labels are scored, evidence is not
  RunSummary summary = RunDocuments(*rules, list.inputs, run, &collector, diagnostics);
  if (!summary.fatal.ok()) {
    diagnostics->Error(summary.fatal);
    return 2;
  }
  if (diagnostics->error_count() > 0) return 2;
  *units = std::move(collector.units());
  *presence = PresenceIn(rules->schema);
  return 0;
}

}  // namespace

int RunEval(const Args& args) {
  InputOptions input;
  std::string gold_path;
  bool json = false;
  std::vector<std::string> mins;
  std::vector<std::string> maxes;
  po::options_description desc("options");
  // clang-format off
  desc.add_options()
      ("gold", po::value(&gold_path), "gold file; the arguments are then documents to tag first")
      ("json", po::bool_switch(&json), "machine-readable report (JSON) instead of the table")
      ("min", po::value(&mins)->composing(),
       "METRIC=VALUE: exit 1 if METRIC is below VALUE (repeatable); metrics: kind, agency, "
       "part, stance, fourp_micro_f1, fourp_macro_f1, rectype_micro_f1, rectype_macro_f1, "
       "mentions_micro_f1 (fourp, rectype, mentions: their micro-F1)")
      ("max", po::value(&maxes)->composing(),
       "METRIC=VALUE: exit 1 if METRIC is above VALUE, e.g. --max unaligned=0");
  // clang-format on
  AddInputOptions(&desc, &input);
  std::vector<std::string> positional;
  if (auto exit = ParseCommandLine("eval", kUsage, args, desc, &positional)) return *exit;

  std::vector<Threshold> thresholds;
  for (const auto& [specs, is_max] : {std::pair{&mins, false}, std::pair{&maxes, true}}) {
    for (const std::string& spec : *specs) {
      Result<Threshold> t = ParseThreshold(spec, is_max);
      if (!t.ok()) return UsageError("eval", t.status().message());
      thresholds.push_back(*t);
    }
  }

  Diagnostics diagnostics;
  diagnostics.set_quiet(input.quiet);
  std::vector<EvalUnit> tagged;
  DimensionPresence presence{};
  EvalSources sources;
  if (gold_path.empty()) {
    if (positional.size() != 2) {
      return UsageError("eval", "expected TAGGED.jsonl GOLD.jsonl (or --gold GOLD.jsonl DOC...)");
    }
    gold_path = positional[1];
    sources.tagged = positional[0];
    Status s = LoadTaggedUnits(positional[0], &tagged, &presence);
    if (!s.ok()) {
      diagnostics.Error(s);
      return 2;
    }
  } else {
    if (positional.empty()) return UsageError("eval", "--gold needs documents to tag");
    input.inputs = positional;
    sources.tagged = fmt::format("{}", fmt::join(positional, " "));
    if (int exit = TagDocuments(input, &tagged, &presence, &diagnostics); exit != 0) return exit;
  }
  sources.gold = gold_path;
  std::vector<EvalUnit> gold;
  if (Status s = LoadGoldUnits(gold_path, &gold); !s.ok()) {
    diagnostics.Error(s);
    return 2;
  }

  Alignment alignment = Align(gold, tagged);
  EvalScores scores = Score(gold, tagged, alignment, presence);
  std::string report =
      json ? FormatEvalJson(scores, gold, sources) : FormatEvalText(scores, gold, sources);
  auto output = Output::Open("");
  Status written = output.ok() ? (*output)->Write(report) : output.status();
  if (written.ok()) written = (*output)->Commit();
  if (!written.ok() && written.code() != StatusCode::kBrokenPipe) {
    diagnostics.Error(written);
    return 2;
  }

  std::vector<std::string> failures = CheckThresholds(thresholds, NamedFigures(scores));
  for (const std::string& failure : failures) {
    fmt::print(stderr, "gapmap: eval: check failed: {}\n", failure);
  }
  return failures.empty() ? 0 : 1;
}

}  // namespace gapmap::cli
