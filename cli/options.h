// Shared option parsing for the subcommands (Boost.Program_options lives only
// in cli/). Every command gets --help; input-reading commands share the input
// options so their flags mean the same everywhere.
#ifndef GAPMAP_CLI_OPTIONS_H_
#define GAPMAP_CLI_OPTIONS_H_

#include <optional>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "cli/commands.h"
#include "lib/pipeline/run_documents.h"

namespace gapmap::cli {

namespace po = boost::program_options;

// Options common to commands that read documents and rules.
struct InputOptions {
  std::vector<std::string> inputs;  // files, directories, "-"
  std::string rules_dir = "rules";
  std::string manifest;  // corpus manifest; empty: manifest.yaml beside each input
  std::string stdin_name = "-";
  bool quiet = false;
  int jobs = 0;  // 0: number of cores
  long long regex_mem = 64LL << 20;
  long long max_unit_bytes = 1 << 20;
  std::string binary = "skip";  // skip|text|error
};

void AddInputOptions(po::options_description* desc, InputOptions* options);

// Fills `run` from the input options every document-reading command shares
// (--binary, --max-unit-bytes, --jobs, --quiet), so they mean the same
// everywhere. Returns an exit code (2, message printed) on a bad value.
std::optional<int> ToRunOptions(const std::string& name, const InputOptions& options,
                                RunOptions* run);

// Parses `args` for command `name`. Positional arguments go to `positional`
// (if given). Returns an exit code to return right away (0 after --help, 2 on
// a usage error, with the message printed), or nullopt to carry on.
std::optional<int> ParseCommandLine(const std::string& name, const std::string& usage,
                                    const Args& args, const po::options_description& desc,
                                    std::vector<std::string>* positional);

// Prints "gapmap: <command>: <message>" and a hint; returns 2.
int UsageError(const std::string& name, const std::string& message);

}  // namespace gapmap::cli

#endif  // GAPMAP_CLI_OPTIONS_H_
