// gapmap rules check|test|export [DIR] — load and compile the rule set, run
// its embedded examples, or export its patterns for grep.
#include <fmt/format.h>

#include "cli/commands.h"
#include "cli/options.h"
#include "cli/rule_loading.h"
#include "lib/rules/grep_export.h"
#include "lib/rules/rule_summary.h"
#include "lib/sinks/output.h"
#include "lib/tag/example_runner.h"

namespace gapmap::cli {
namespace {

constexpr const char* kUsage =
    "gapmap rules check [DIR]            load and compile; print a summary or every error\n"
    "       gapmap rules test [DIR]             run every 'examples:' entry; exit 1 on a failure\n"
    "       gapmap rules export --format grep [--with-vetoes] [DIR]   patterns as ERE lines for "
    "grep -E -i -f";

int Check(const InputOptions& input) {
  Diagnostics diagnostics;
  auto rules = LoadRulesOrReport(input, &diagnostics);
  if (!rules) {
    fmt::print(stderr, "gapmap: rules check: {} error{} in {}\n", diagnostics.error_count(),
               diagnostics.error_count() == 1 ? "" : "s", input.rules_dir);
    return 2;
  }
  fmt::print("{}ok\n", FormatRuleSummary(*rules));
  return 0;
}

int Test(const InputOptions& input) {
  Diagnostics diagnostics;
  auto rules = LoadRulesOrReport(input, &diagnostics);
  if (!rules) return 2;
  Result<ExampleResults> results = RunExamples(*rules);
  if (!results.ok()) {
    diagnostics.Error(results.status());
    return 2;
  }
  for (const ExampleFailure& f : results->failures) {
    fmt::print("{}: {}: example should {}match but did {}\n{}", f.where.ToString(), f.rule,
               f.should_match ? "" : "not ", f.should_match ? "not" : "", f.report);
  }
  fmt::print("rules test: {} example{}, {} failed\n", results->total,
             results->total == 1 ? "" : "s", results->failures.size());
  if (results->total == 0) {
    fmt::print(stderr, "gapmap: rules test: no examples in {} (add 'examples:' to labels)\n",
               input.rules_dir);
    return 1;
  }
  return results->failures.empty() ? 0 : 1;
}

int Export(const InputOptions& input, const std::string& format, const std::string& output_path,
           bool with_vetoes) {
  if (format != "grep") {
    return UsageError("rules", fmt::format("unknown export format '{}' (expected: grep)", format));
  }
  Diagnostics diagnostics;
  diagnostics.set_quiet(input.quiet);
  auto rules = LoadRulesOrReport(input, &diagnostics);
  if (!rules) return 2;
  GrepExport exported = ExportGrep(*rules, with_vetoes);
  for (const std::string& s : exported.skipped) {
    diagnostics.Warning(SourceLocation{}, "rules export: skipped " + s);
  }
  auto output = Output::Open(output_path);
  if (!output.ok()) {
    diagnostics.Error(output.status());
    return 2;
  }
  std::string text;
  for (const std::string& line : exported.lines) text += line + "\n";
  Status s = (*output)->Write(text);
  if (s.ok()) s = (*output)->Commit();
  if (!s.ok()) {
    if (s.code() == StatusCode::kBrokenPipe) return 0;
    diagnostics.Error(s);
    return 2;
  }
  return 0;
}

}  // namespace

int RunRules(const Args& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    fmt::print(args.empty() ? stderr : stdout, "usage: {}\n", kUsage);
    return args.empty() ? 2 : 0;
  }
  const std::string sub = args[0];
  if (sub != "check" && sub != "test" && sub != "export") {
    return UsageError("rules", fmt::format("unknown subcommand '{}' (expected check, test or "
                                           "export)",
                                           sub));
  }
  InputOptions input;
  std::string format;
  std::string output_path;
  bool with_vetoes = false;
  po::options_description desc("options");
  desc.add_options()("rules", po::value(&input.rules_dir)->default_value("rules"),
                     "rule directory (or give it as DIR)")(
      "regex-mem", po::value(&input.regex_mem)->default_value(64LL << 20),
      "memory budget of the compiled regex set, bytes")(
      "quiet,q", po::bool_switch(&input.quiet), "no warnings on stderr");
  if (sub == "export") {
    desc.add_options()("format", po::value(&format)->default_value("grep"), "export format: grep")(
        "output,o", po::value(&output_path), "write to FILE atomically (default stdout)")(
        "with-vetoes", po::bool_switch(&with_vetoes),
        "also the 'not' and 'unless' patterns: every pattern the tagger runs");
  }
  std::vector<std::string> positional;
  Args rest(args.begin() + 1, args.end());
  if (auto exit = ParseCommandLine("rules " + sub, "gapmap rules " + sub + " [options] [DIR]",
                                   rest, desc, &positional)) {
    return *exit;
  }
  if (positional.size() > 1) return UsageError("rules " + sub, "give at most one rule directory");
  if (positional.size() == 1) input.rules_dir = positional[0];
  if (sub == "check") return Check(input);
  if (sub == "test") return Test(input);
  return Export(input, format, output_path, with_vetoes);
}

}  // namespace gapmap::cli
