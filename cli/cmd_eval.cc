#include "cli/commands.h"
#include "cli/options.h"

namespace gapmap::cli {

// Placeholder until the command lands.
int RunEval(const Args& args) { return UsageError("eval", "not implemented yet"); }

}  // namespace gapmap::cli
