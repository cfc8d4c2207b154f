// gapmap report [options] INPUT...  — the self-contained HTML report
// (lib/report): heatmap, gap view, drill-down to evidence, provenance.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/matrix_options.h"
#include "lib/report/report_writer.h"

namespace gapmap::cli {

int RunReport(const Args& args) {
  InputOptions input;
  MatrixCliOptions matrix_options;
  ReportDataOptions report;
  std::string output_path;
  bool allow_empty = false;
  po::options_description desc("options");
  // The matrix options mean what they mean for `gapmap matrix`, except
  // --examples: the report keeps every unit of every cell.
  po::options_description matrix_desc;
  AddMatrixOptions(&matrix_desc, &matrix_options);
  for (const auto& option : matrix_desc.options()) {
    if (option->long_name() != "examples") desc.add(option);
  }
  // clang-format off
  desc.add_options()
      ("title", po::value(&report.title),
       "the page's title (default: \"gapmap report — \" and the document, or the number of "
       "documents)")
      ("crowded", po::value(&report.gaps.crowded_agencies)->default_value(0),
       "a category addressed by at least N agencies is crowded (possible duplication); "
       "0: half of the agencies in the table, at least 3")
      ("min-paragraphs", po::value(&report.gaps.min_paragraphs)->default_value(1),
       "an agency addresses a category with at least N paragraphs")
      ("output,o", po::value(&output_path), "write to FILE atomically (default stdout)")
      ("allow-empty", po::bool_switch(&allow_empty), "write a report without cells instead of failing");
  // clang-format on
  AddInputOptions(&desc, &input);
  const char* usage =
      "gapmap report [options] INPUT... -o report.html\n"
      "INPUT: documents or directories of *.txt (tagged on the fly), or tagged JSONL\n"
      "(*.jsonl, or - from `gapmap tag`); matrices hold no paragraphs to show and are refused";
  if (auto exit = ParseCommandLine("report", usage, args, desc, &input.inputs)) return *exit;
  if (input.inputs.empty()) return UsageError("report", "no inputs (documents or tagged JSONL)");
  if (report.gaps.crowded_agencies < 0) {
    return UsageError("report", "--crowded must be 0 (auto) or more");
  }
  Result<MatrixBuildOptions> options = ResolveMatrixOptions(matrix_options, input);
  if (!options.ok()) return UsageError("report", options.status().message());
  if (options->from == InputFormat::kMatrix) {
    return UsageError("report", "--from matrix: a matrix holds no paragraphs to show");
  }
  options->matrix.max_examples = -1;      // every cell lists all its units
  options->run.pipeline.evidence = true;  // the drill-down highlights it

  Diagnostics diagnostics;
  diagnostics.set_quiet(input.quiet);
  ClassifiedInputs inputs = ClassifyInputs(input.inputs, options->from, input.stdin_name);
  for (const Status& e : inputs.errors) diagnostics.Error(e);
  for (const std::string& path : inputs.matrices) {
    diagnostics.Error(Status::Usage(fmt::format(
        "{}: is a matrix; the report needs documents or tagged JSONL (the paragraphs behind the "
        "cells)",
        path)));
  }
  if (!inputs.matrices.empty()) return 2;
  std::shared_ptr<const RuleSet> rules;
  if (!LoadRulesFor(inputs, input, &diagnostics, &rules)) return 2;
  if (rules != nullptr) {
    if (Status s = CheckMatrixOptions(options->matrix, rules->schema); !s.ok()) {
      return UsageError("report", s.message());
    }
  }
  ReportUnits units;
  options->observer = &units;
  Result<BuiltMatrix> built = BuildMatrix(inputs, rules.get(), *options, &diagnostics);
  if (!built.ok()) {
    diagnostics.Error(built.status());
    return 2;
  }
  // A report missing some inputs would look complete: write nothing.
  if (diagnostics.error_count() > 0) return 2;
  if (built->json_matrices + built->csv_matrices > 0) {
    diagnostics.Error(
        Status::Usage("report: standard input is a matrix; the report needs "
                      "documents or tagged JSONL"));
    return 2;
  }
  if (built->matrix.Rows(Normalize::kNone).empty() && !allow_empty) {
    diagnostics.Error(Status::Input(
        built->matrix.content_units() > 0
            ? fmt::format("report: none of the {} content units has an owner agency{} "
                          "(--allow-empty writes the empty report)",
                          built->matrix.content_units(),
                          options->matrix.by == MatrixBy::kAgency ? "; try --by mentions" : "")
            : std::string("report: the inputs hold no content units")));
    return 2;
  }
  units.Finish();
  if (report.title.empty()) {
    report.title = units.docs().size() == 1
                       ? fmt::format("gapmap report \u2014 {}", units.docs()[0])
                       : fmt::format("gapmap report \u2014 {} documents", units.docs().size());
  }
  Result<std::string> page = FormatReport(built->matrix, built->provenance, units, report);
  if (!page.ok()) {
    diagnostics.Error(page.status());
    return 2;
  }
  return WriteOutput(output_path, *page, &diagnostics);
}

}  // namespace gapmap::cli
