#include "cli/commands.h"
#include "cli/options.h"

namespace gapmap::cli {

// Placeholder until the command lands.
int RunMerge(const Args& args) { return UsageError("merge", "not implemented yet"); }

}  // namespace gapmap::cli
