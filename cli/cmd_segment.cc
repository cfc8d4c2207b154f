// gapmap segment DOC... — units with kind, agency chapter and part, as JSONL.
#include "cli/commands.h"
#include "cli/options.h"
#include "cli/rule_loading.h"
#include "lib/pipeline/run_documents.h"
#include "lib/sinks/jsonl_writer.h"
#include "lib/sinks/output.h"

namespace gapmap::cli {

int RunSegment(const Args& args) {
  InputOptions input;
  std::string output_path;
  po::options_description desc("options");
  AddInputOptions(&desc, &input);
  desc.add_options()("output,o", po::value(&output_path), "write to FILE atomically (default stdout)");
  if (auto exit = ParseCommandLine("segment", "gapmap segment [options] DOC...", args, desc,
                                   &input.inputs)) {
    return *exit;
  }
  if (input.inputs.empty()) return UsageError("segment", "no input documents (give files, directories or -)");
  RunOptions run;
  if (auto exit = ToRunOptions("segment", input, &run)) return *exit;
  run.pipeline.tag = false;

  Diagnostics diagnostics;
  diagnostics.set_quiet(input.quiet);
  auto rules = LoadRulesOrReport(input, &diagnostics);
  if (!rules) return 2;
  InputList list = ExpandInputs(input.inputs, input.stdin_name);
  for (const Status& error : list.errors) diagnostics.Error(error);

  auto output = Output::Open(output_path);
  if (!output.ok()) {
    diagnostics.Error(output.status());
    return 2;
  }
  JsonlWriter writer(nullptr, output->get());
  RunSummary summary = RunDocuments(*rules, list.inputs, run, &writer, &diagnostics);
  Status status = summary.fatal.ok() ? (*output)->Commit() : summary.fatal;
  if (!status.ok()) {
    if (status.code() == StatusCode::kBrokenPipe) return 0;
    diagnostics.Error(status);
    return 2;
  }
  return diagnostics.error_count() > 0 ? 2 : 0;
}

}  // namespace gapmap::cli
