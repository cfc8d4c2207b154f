#include "cli/commands.h"
#include "cli/options.h"

namespace gapmap::cli {

// Placeholder until the command lands.
int RunReport(const Args& args) { return UsageError("report", "not implemented yet"); }

}  // namespace gapmap::cli
