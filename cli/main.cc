// gapmap: which agency addresses which gap, with evidence.
// This file only dispatches to the subcommand table; see commands.h.
#include <csignal>
#include <cstdio>
#include <string>
#include <string_view>

#include <fmt/format.h>

#include "cli/commands.h"

namespace {

void PrintHelp(std::FILE* out) {
  fmt::print(out,
             "usage: gapmap <command> [options] [args]\n\n"
             "Reads anti-trafficking reports as plain text and answers which agency\n"
             "addresses which gap, with the evidence behind every label.\n\ncommands:\n");
  for (const auto& command : gapmap::cli::CommandTable()) {
    fmt::print(out, "  {:<9} {}\n", command.name, command.summary);
  }
  fmt::print(out,
             "\n'gapmap <command> --help' describes a command's options.\n"
             "Exit codes: 0 ok, 1 a check failed, 2 usage, rule or input error.\n");
}

}  // namespace

int main(int argc, char** argv) {
  // Write errors, including EPIPE from `| head`, are handled where they happen.
  std::signal(SIGPIPE, SIG_IGN);
  // Past `ulimit -f`, write(2) then fails with EFBIG and the output is
  // discarded with a message, instead of the process dying mid-write.
  std::signal(SIGXFSZ, SIG_IGN);
  if (argc < 2) {
    PrintHelp(stderr);
    return 2;
  }
  std::string_view first = argv[1];
  if (first == "--help" || first == "-h" || first == "help") {
    PrintHelp(stdout);
    return 0;
  }
  if (first == "--version" || first == "version") {
    fmt::print("gapmap {}\n", GAPMAP_VERSION);
    return 0;
  }
  for (const auto& command : gapmap::cli::CommandTable()) {
    if (command.name == first) {
      gapmap::cli::Args args(argv + 2, argv + argc);
      return command.run(args);
    }
  }
  fmt::print(stderr, "gapmap: unknown command '{}'\n", first);
  PrintHelp(stderr);
  return 2;
}
