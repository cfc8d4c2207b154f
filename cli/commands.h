// The subcommands of `gapmap`. One function per command, each in cmd_<name>.cc;
// the table in command_table.cc drives dispatch and `gapmap --help`.
//
// A command receives its arguments (without the command name), parses them
// with Boost.Program_options, calls lib/ and returns the exit code:
// 0 ok, 1 a check failed, 2 usage, rule or input error.
#ifndef GAPMAP_CLI_COMMANDS_H_
#define GAPMAP_CLI_COMMANDS_H_

#include <string>
#include <string_view>
#include <vector>

namespace gapmap::cli {

using Args = std::vector<std::string>;

struct Command {
  std::string_view name;
  std::string_view summary;  // one line for `gapmap --help`
  int (*run)(const Args& args);
};

// All commands, in the order `gapmap --help` lists them.
const std::vector<Command>& CommandTable();

int RunSegment(const Args& args);
int RunTag(const Args& args);
int RunMatrix(const Args& args);
int RunGaps(const Args& args);
int RunMerge(const Args& args);
int RunReport(const Args& args);
int RunEval(const Args& args);
int RunExplain(const Args& args);
int RunRules(const Args& args);

}  // namespace gapmap::cli

#endif  // GAPMAP_CLI_COMMANDS_H_
