#include "cli/command_io.h"

namespace gapmap::cli {

InputList ExpandInputsOrReport(const InputOptions& options, Diagnostics* diagnostics) {
  InputList list = ExpandInputs(options.inputs, options.stdin_name);
  for (const Status& error : list.errors) diagnostics->Error(error);
  return list;
}

int ExitCodeAfterOutput(const Status& status, Diagnostics* diagnostics) {
  if (!status.ok() && status.code() != StatusCode::kBrokenPipe) {
    diagnostics->Error(status);
    return 2;
  }
  return diagnostics->error_count() > 0 ? 2 : 0;
}

}  // namespace gapmap::cli
