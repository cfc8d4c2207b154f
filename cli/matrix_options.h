// Options shared by `gapmap matrix`, `gapmap gaps` and `gapmap merge`, so that
// --dimension, --stance, --by, --normalize, --examples and --from mean the
// same in all three.
#ifndef GAPMAP_CLI_MATRIX_OPTIONS_H_
#define GAPMAP_CLI_MATRIX_OPTIONS_H_

#include <memory>
#include <string>
#include <vector>

#include "cli/options.h"
#include "lib/aggregate/matrix_builder.h"
#include "lib/core/diagnostics.h"
#include "lib/rules/rule_set.h"

namespace gapmap::cli {

struct MatrixCliOptions {
  std::vector<std::string> dimensions;  // repeatable, comma-separated lists allowed
  std::vector<std::string> stances;
  std::string by;         // "" = not given (agency)
  std::string normalize;  // "" = not given (row)
  std::string examples;   // "" = not given (5)
  std::string from = "auto";
};

void AddMatrixOptions(po::options_description* desc, MatrixCliOptions* options);

// MatrixBuildOptions from the command line; a usage error says which option.
Result<MatrixBuildOptions> ResolveMatrixOptions(const MatrixCliOptions& options,
                                                const InputOptions& input);

// True if any option that shapes the matrix was given.
bool MatrixOptionsGiven(const MatrixCliOptions& options);

// Rules for `inputs`: required when there are documents; otherwise loaded
// when the rule directory exists (for the known categories and the content
// hash). Returns false after reporting an error.
bool LoadRulesFor(const ClassifiedInputs& inputs, const InputOptions& input,
                  Diagnostics* diagnostics, std::shared_ptr<const RuleSet>* rules);

// Writes `data` to `path` ("" or "-": stdout) atomically. Returns the exit
// code: 0, or 2 after reporting a write error.
int WriteOutput(const std::string& path, const std::string& data, Diagnostics* diagnostics);

}  // namespace gapmap::cli

#endif  // GAPMAP_CLI_MATRIX_OPTIONS_H_
