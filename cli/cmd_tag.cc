// gapmap tag DOC... — segment and tag documents: labels and evidence per unit.
#include <fmt/format.h>

#include "cli/command_io.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "cli/rule_loading.h"
#include "lib/pipeline/run_documents.h"
#include "lib/sinks/jsonl_writer.h"
#include "lib/sinks/output.h"
#include "lib/sinks/unit_csv_writer.h"

namespace gapmap::cli {

int RunTag(const Args& args) {
  InputOptions input;
  std::string output_path;
  std::string format = "jsonl";
  bool no_evidence = false;
  std::string kinds;
  po::options_description desc("options");
  AddInputOptions(&desc, &input);
  desc.add_options()("output,o", po::value(&output_path),
                     "write to FILE atomically (default stdout)")(
      "format", po::value(&format)->default_value("jsonl"),
      "output format: jsonl, csv or tsv (one row per unit, for spreadsheets)")(
      "kinds", po::value(&kinds), "only units of these kinds, e.g. text,bullet")(
      "no-evidence", po::bool_switch(&no_evidence),
      "leave out the evidence records (labels only; faster)");
  if (auto exit =
          ParseCommandLine("tag", "gapmap tag [options] DOC...", args, desc, &input.inputs)) {
    return *exit;
  }
  if (input.inputs.empty()) {
    return UsageError("tag", "no input documents (give files, directories or -)");
  }
  if (format != "jsonl" && format != "csv" && format != "tsv") {
    return UsageError("tag",
                      fmt::format("unknown format '{}' (expected: jsonl, csv, tsv)", format));
  }
  std::array<bool, kUnitKindCount> kind_mask;
  kind_mask.fill(true);
  if (!kinds.empty()) {
    auto parsed = ParseKindList(kinds);
    if (!parsed.ok()) return UsageError("tag", parsed.status().message());
    kind_mask = *parsed;
  }

  RunOptions run;
  if (auto exit = ToRunOptions("tag", input, &run)) return *exit;

  Diagnostics diagnostics;
  diagnostics.set_quiet(input.quiet);
  auto rules = LoadRulesOrReport(input, &diagnostics);
  if (!rules) return 2;
  InputList list = ExpandInputsOrReport(input, &diagnostics);

  auto output = Output::Open(output_path);
  if (!output.ok()) {
    diagnostics.Error(output.status());
    return 2;
  }
  // The CSV/TSV rows and the --kinds filter (issue 7) wrap the JSONL path.
  JsonlWriter jsonl(&rules->schema, output->get());
  UnitCsvWriter table(&rules->schema, output->get(), format == "tsv" ? '	' : ',');
  UnitSink* format_sink = format == "jsonl" ? static_cast<UnitSink*>(&jsonl) : &table;
  KindFilterSink writer(kind_mask, format_sink);
  run.pipeline.tag = true;
  run.pipeline.evidence = !no_evidence && format == "jsonl";  // CSV rows carry no evidence
  RunSummary summary = RunDocuments(*rules, list.inputs, run, &writer, &diagnostics);
  Status status = summary.fatal;
  if (status.ok()) status = writer.Finish();
  if (status.ok()) status = (*output)->Commit();
  return ExitCodeAfterOutput(status, &diagnostics);
}

}  // namespace gapmap::cli
