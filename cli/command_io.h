// The input and output conventions every document-reading command shares, so
// `segment`, `tag`, `eval` and `matrix` treat bad inputs and closed pipes alike.
#ifndef GAPMAP_CLI_COMMAND_IO_H_
#define GAPMAP_CLI_COMMAND_IO_H_

#include "cli/options.h"
#include "lib/core/diagnostics.h"
#include "lib/core/status.h"
#include "lib/source/input_list.h"

namespace gapmap::cli {

// The command's inputs expanded (files, directories: every *.txt below,
// sorted; "-"). A missing or unreadable input is reported here and left out,
// so the others still run and the command exits 2 at the end.
InputList ExpandInputsOrReport(const InputOptions& options, Diagnostics* diagnostics);

// The exit code once a command has finished writing its output; `status` is
// how writing ended. A pipe closed downstream (`gapmap tag ... | head`) is
// not an error: the reader has what it wanted. Any other failure, or an error
// reported along the way, gives 2.
int ExitCodeAfterOutput(const Status& status, Diagnostics* diagnostics);

}  // namespace gapmap::cli

#endif  // GAPMAP_CLI_COMMAND_IO_H_
