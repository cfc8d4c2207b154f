#include "cli/commands.h"
#include "cli/options.h"

namespace gapmap::cli {

// Placeholder until the command lands.
int RunExplain(const Args& args) { return UsageError("explain", "not implemented yet"); }

}  // namespace gapmap::cli
