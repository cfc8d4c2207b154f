#include "cli/commands.h"
#include "cli/options.h"

namespace gapmap::cli {

// Placeholder until the command lands.
int RunTag(const Args& args) { return UsageError("tag", "not implemented yet"); }

}  // namespace gapmap::cli
