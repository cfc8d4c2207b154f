// DimensionLoader: one dimension file (rules/<name>.yaml) into a DimensionSpec.
//
// Checks everything one file can: unknown keys (with a did-you-mean), wrong
// types and ranges, duplicate keys and duplicate label ids, empty patterns,
// names that are not identifiers, missing cues, a `default` on a multi-valued
// dimension, `lead_in` priors naming unknown labels. Every problem is
// appended to `errors` as "file:line:col" + "rule <dim>/<label>: <what>", and
// loading goes on so that a user sees all problems of a file at once.
// Terms and regexes are checked by the compiler, which sees all files.
#ifndef GAPMAP_RULES_DIMENSION_LOADER_H_
#define GAPMAP_RULES_DIMENSION_LOADER_H_

#include <string>
#include <string_view>
#include <vector>

#include "lib/core/diagnostics.h"
#include "lib/rules/rule_model.h"
#include "lib/rules/yaml_tree.h"

namespace gapmap {

// Parses a dimension file held in `text`, named `file` in messages. Returns
// false if anything is wrong.
bool ParseDimensionFile(std::string_view text, const std::string& file, const YamlLimits& limits,
                        DimensionSpec* spec, std::vector<Diagnostic>* errors);

// Reads and parses `path`; `*content` receives the bytes (for the content hash).
bool LoadDimensionFile(const std::string& path, const YamlLimits& limits, DimensionSpec* spec,
                       std::vector<Diagnostic>* errors, std::string* content = nullptr);

// Field names every unit has; a dimension may not take one of them.
bool IsReservedFieldName(std::string_view name);

}  // namespace gapmap

#endif  // GAPMAP_RULES_DIMENSION_LOADER_H_
