#include "cli/commands.h"
#include "cli/options.h"

namespace gapmap::cli {

// Placeholder until the command lands.
int RunMatrix(const Args& args) { return UsageError("matrix", "not implemented yet"); }

}  // namespace gapmap::cli
