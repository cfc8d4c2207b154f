#include "cli/options.h"

#include <fmt/format.h>

namespace gapmap::cli {

void AddInputOptions(po::options_description* desc, InputOptions* o) {
  desc->add_options()
      ("rules", po::value(&o->rules_dir)->default_value("rules"), "rule directory")
      ("manifest", po::value(&o->manifest),
       "corpus manifest (titles, issuers, years); default: manifest.yaml beside each input")
      ("name", po::value(&o->stdin_name)->default_value("-"), "document id for input read from '-'")
      ("quiet,q", po::bool_switch(&o->quiet), "no progress or warnings on stderr")
      ("jobs,j", po::value(&o->jobs)->default_value(0), "documents processed in parallel (0: one per core)")
      ("regex-mem", po::value(&o->regex_mem)->default_value(64LL << 20),
       "memory budget of the compiled rule set, bytes")
      ("max-unit-bytes", po::value(&o->max_unit_bytes)->default_value(1 << 20),
       "longest unit kept whole; longer text is split")
      ("binary", po::value(&o->binary)->default_value("skip"),
       "files with NUL bytes: skip (warn), text (read anyway) or error");
}

std::optional<int> ToRunOptions(const std::string& name, const InputOptions& o,
                                RunOptions* run) {
  std::optional<BinaryPolicy> binary = ParseBinaryPolicy(o.binary);
  if (!binary) {
    return UsageError(name, fmt::format("--binary must be skip, text or error, not '{}'", o.binary));
  }
  if (o.max_unit_bytes < 16) {
    return UsageError(name, fmt::format("--max-unit-bytes must be at least 16, not {}",
                                        o.max_unit_bytes));
  }
  run->pipeline.binary = *binary;
  run->pipeline.max_unit_bytes = static_cast<size_t>(o.max_unit_bytes);
  run->jobs = o.jobs;
  run->show_progress = !o.quiet;
  run->manifest_path = o.manifest;
  return std::nullopt;
}

int UsageError(const std::string& name, const std::string& message) {
  fmt::print(stderr, "gapmap: {}: {}\nTry 'gapmap {} --help'.\n", name, message, name);
  return 2;
}

std::optional<int> ParseCommandLine(const std::string& name, const std::string& usage,
                                    const Args& args, const po::options_description& desc,
                                    std::vector<std::string>* positional) {
  po::options_description all;
  all.add(desc);
  all.add_options()("help,h", "show this help");
  std::vector<std::string> rest;
  if (positional != nullptr) all.add_options()("positional", po::value(&rest));
  po::positional_options_description pos;
  if (positional != nullptr) pos.add("positional", -1);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(pos).run(), vm);
    if (vm.count("help")) {
      fmt::print("usage: {}\n\n", usage);
      std::ostringstream text;
      text << desc;
      fmt::print("{}", text.str());
      return 0;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    return UsageError(name, e.what());
  }
  if (positional != nullptr) *positional = std::move(rest);
  return std::nullopt;
}

}  // namespace gapmap::cli
