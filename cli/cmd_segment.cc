// gapmap segment DOC... — units with kind, agency chapter and part, as JSONL.
#include "cli/command_io.h"
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
  desc.add_options()("output,o", po::value(&output_path),
                     "write to FILE atomically (default stdout)");
  if (auto exit = ParseCommandLine("segment", "gapmap segment [options] DOC...", args, desc,
                                   &input.inputs)) {
    return *exit;
  }
  if (input.inputs.empty())
    return UsageError("segment", "no input documents (give files, directories or -)");
  RunOptions run;
  if (auto exit = ToRunOptions("segment", input, &run)) return *exit;
  run.pipeline.tag = false;

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
  JsonlWriter writer(nullptr, output->get());
  RunSummary summary = RunDocuments(*rules, list.inputs, run, &writer, &diagnostics);
  Status status = summary.fatal.ok() ? (*output)->Commit() : summary.fatal;
  return ExitCodeAfterOutput(status, &diagnostics);
}

}  // namespace gapmap::cli
