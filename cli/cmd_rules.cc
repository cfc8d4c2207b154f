#include "cli/commands.h"
#include "cli/options.h"

namespace gapmap::cli {

// Placeholder until the command lands.
int RunRules(const Args& args) { return UsageError("rules", "not implemented yet"); }

}  // namespace gapmap::cli
