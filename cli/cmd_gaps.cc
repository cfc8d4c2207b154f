#include "cli/commands.h"
#include "cli/options.h"

namespace gapmap::cli {

// Placeholder until the command lands.
int RunGaps(const Args& args) { return UsageError("gaps", "not implemented yet"); }

}  // namespace gapmap::cli
