// gapmap gaps [options] INPUT...  — categories nobody addresses, crowded
// categories and each agency's share, per dimension and stance.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/matrix_options.h"
#include "lib/aggregate/gap_view.h"
#include "lib/sinks/gaps_writer.h"

namespace gapmap::cli {

int RunGaps(const Args& args) {
  InputOptions input;
  MatrixCliOptions matrix_options;
  GapViewOptions view;
  GapsTextOptions text;
  std::string format = "text";
  std::string output_path;
  bool no_table = false;
  po::options_description desc("options");
  AddMatrixOptions(&desc, &matrix_options);
  // clang-format off
  desc.add_options()
      ("crowded", po::value(&view.crowded_agencies)->default_value(0),
       "a category addressed by at least N agencies is crowded (possible duplication); "
       "0: half of the agencies in the table, at least 3")
      ("min-paragraphs", po::value(&view.min_paragraphs)->default_value(1),
       "an agency addresses a category with at least N paragraphs")
      ("top", po::value(&text.top)->default_value(3), "text: the N most thinly covered categories listed")
      ("no-table", po::bool_switch(&no_table), "text: leave out the share tables")
      ("format", po::value(&format)->default_value("text"), "text (for a terminal), csv or json")
      ("output,o", po::value(&output_path), "write to FILE atomically (default stdout)");
  // clang-format on
  AddInputOptions(&desc, &input);
  const char* usage =
      "gapmap gaps [options] INPUT...\n"
      "INPUT: as for `gapmap matrix`: documents, tagged JSONL or matrices (e.g. out/matrix.json)";
  if (auto exit = ParseCommandLine("gaps", usage, args, desc, &input.inputs)) return *exit;
  if (input.inputs.empty())
    return UsageError("gaps", "no inputs (documents, tagged JSONL or matrices)");
  if (format != "text" && format != "csv" && format != "json") {
    return UsageError("gaps", "--format must be text, csv or json");
  }
  if (view.crowded_agencies < 0) return UsageError("gaps", "--crowded must be 0 (auto) or more");
  Result<MatrixBuildOptions> options = ResolveMatrixOptions(matrix_options, input);
  if (!options.ok()) return UsageError("gaps", options.status().message());
  text.table = !no_table;

  Diagnostics diagnostics;
  diagnostics.set_quiet(input.quiet);
  ClassifiedInputs inputs = ClassifyInputs(input.inputs, options->from, input.stdin_name);
  for (const Status& e : inputs.errors) diagnostics.Error(e);
  // A matrix file's own options apply unless these were given; the stance
  // and dimension filters still select what is shown.
  options->adopt_matrix_options = inputs.documents.empty() && inputs.jsonl.empty() &&
                                  inputs.sniff.empty() && matrix_options.by.empty() &&
                                  matrix_options.examples.empty();
  std::shared_ptr<const RuleSet> rules;
  if (!LoadRulesFor(inputs, input, &diagnostics, &rules)) return 2;
  if (rules != nullptr) {
    if (Status s = CheckMatrixOptions(options->matrix, rules->schema); !s.ok()) {
      return UsageError("gaps", s.message());
    }
  }
  Result<BuiltMatrix> built = BuildMatrix(inputs, rules.get(), *options, &diagnostics);
  if (!built.ok()) {
    diagnostics.Error(built.status());
    return 2;
  }
  if (diagnostics.error_count() > 0) return 2;
  GapMatrix shown(MatrixOptions{built->matrix.options().by, options->matrix.dimensions,
                                options->matrix.stances, built->matrix.options().max_examples});
  shown += built->matrix;
  std::vector<GapTable> tables = BuildGapView(shown, view);
  if (tables.empty()) {
    diagnostics.Error(
        Status::Input(fmt::format("gaps: no content unit with an owner agency and a category in "
                                  "the inputs ({} content units)",
                                  built->matrix.content_units())));
    return 2;
  }
  std::string rendered = format == "json"  ? FormatGapsJson(tables, view)
                         : format == "csv" ? FormatGapsCsv(tables)
                                           : FormatGapsText(tables, text);
  return WriteOutput(output_path, rendered, &diagnostics);
}

}  // namespace gapmap::cli
