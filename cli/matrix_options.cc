#include "cli/matrix_options.h"

#include <fmt/format.h>

#include <charconv>
#include <filesystem>

#include "cli/command_io.h"
#include "cli/rule_loading.h"
#include "lib/sinks/output.h"

namespace gapmap::cli {
namespace {

std::vector<std::string> SplitCommas(const std::vector<std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& v : values) {
    size_t start = 0;
    while (start <= v.size()) {
      size_t comma = v.find(',', start);
      if (comma == std::string::npos) comma = v.size();
      if (comma > start) out.push_back(v.substr(start, comma - start));
      start = comma + 1;
    }
  }
  return out;
}

}  // namespace

void AddMatrixOptions(po::options_description* desc, MatrixCliOptions* o) {
  // clang-format off
  desc->add_options()
      ("dimension", po::value(&o->dimensions)->composing(),
       "dimension(s) to count: fourp, rectype or any multi-valued dimension of the rules "
       "(repeatable or comma-separated; default: all but mentions)")
      ("stance", po::value(&o->stances)->composing(),
       "stance(s) to keep: activity, gap, recommendation, context, all (default: every stance "
       "and all)")
      ("by", po::value(&o->by), "rows: agency (the owner chapter, default) or mentions (every agency named)")
      ("normalize", po::value(&o->normalize),
       "share: row (of the agency's paragraphs in the stance, default), col (of the category's), none")
      ("examples", po::value(&o->examples), "unit ids kept per cell: N (default 5) or all")
      ("from", po::value(&o->from)->default_value("auto"),
       "read inputs as: auto (by extension and content), text, jsonl, matrix");
  // clang-format on
}

bool MatrixOptionsGiven(const MatrixCliOptions& o) {
  return !o.dimensions.empty() || !o.stances.empty() || !o.by.empty() || !o.normalize.empty() ||
         !o.examples.empty();
}

Result<MatrixBuildOptions> ResolveMatrixOptions(const MatrixCliOptions& o,
                                                const InputOptions& input) {
  MatrixBuildOptions b;
  b.matrix.dimensions = SplitCommas(o.dimensions);
  b.matrix.stances = SplitCommas(o.stances);
  if (!o.by.empty()) {
    auto by = ParseMatrixBy(o.by);
    if (!by) return Status::Usage(fmt::format("--by {}: expected agency or mentions", o.by));
    b.matrix.by = *by;
  }
  if (!o.normalize.empty()) {
    auto n = ParseNormalize(o.normalize);
    if (!n)
      return Status::Usage(fmt::format("--normalize {}: expected row, col or none", o.normalize));
    b.normalize = *n;
  }
  if (o.examples == "all") {
    b.matrix.max_examples = -1;
  } else if (!o.examples.empty()) {
    int64_t n = 0;
    auto [ptr, ec] = std::from_chars(o.examples.data(), o.examples.data() + o.examples.size(), n);
    if (ec != std::errc() || ptr != o.examples.data() + o.examples.size() || n < 0) {
      return Status::Usage(fmt::format("--examples {}: expected a number or all", o.examples));
    }
    b.matrix.max_examples = n;
  }
  auto from = ParseInputFormat(o.from);
  if (!from)
    return Status::Usage(fmt::format("--from {}: expected auto, text, jsonl or matrix", o.from));
  b.from = *from;
  b.stdin_name = input.stdin_name;
  b.run.pipeline.evidence = false;  // a matrix counts labels; evidence is not needed
  auto binary = ParseBinaryPolicy(input.binary);
  if (!binary) {
    return Status::Usage(fmt::format("--binary {}: expected skip, text or error", input.binary));
  }
  if (input.max_unit_bytes < 16) {
    return Status::Usage(
        fmt::format("--max-unit-bytes {}: must be at least 16", input.max_unit_bytes));
  }
  b.run.pipeline.binary = *binary;
  b.run.pipeline.max_unit_bytes = static_cast<size_t>(input.max_unit_bytes);
  b.run.jobs = input.jobs;
  b.run.show_progress = !input.quiet;
  b.run.manifest_path = input.manifest;
  return b;
}

bool LoadRulesFor(const ClassifiedInputs& inputs, const InputOptions& input,
                  Diagnostics* diagnostics, std::shared_ptr<const RuleSet>* rules) {
  std::error_code ec;
  if (inputs.documents.empty() && !std::filesystem::is_directory(input.rules_dir, ec)) {
    if (input.rules_dir != "rules") {
      diagnostics->Warning(SourceLocation{input.rules_dir, 0, 0},
                           "rule directory not found; categories no unit has are not listed");
    }
    return true;
  }
  *rules = LoadRulesOrReport(input, diagnostics);
  return *rules != nullptr;
}

int WriteOutput(const std::string& path, const std::string& data, Diagnostics* diagnostics) {
  auto output = Output::Open(path);
  if (!output.ok()) {
    diagnostics->Error(output.status());
    return 2;
  }
  Status s = (*output)->Write(data);
  if (s.ok()) s = (*output)->Commit();
  return ExitCodeAfterOutput(s, diagnostics);
}

}  // namespace gapmap::cli
