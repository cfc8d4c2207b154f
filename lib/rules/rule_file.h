// Reading a rule file from disk into a YamlDocument, with the size limit
// checked before the bytes are read.
#ifndef GAPMAP_RULES_RULE_FILE_H_
#define GAPMAP_RULES_RULE_FILE_H_

#include <string>
#include <vector>

#include "lib/core/diagnostics.h"
#include "lib/rules/yaml_tree.h"

namespace gapmap {

// Reads and parses `path`. Problems (missing file, too large, syntax) go to
// `errors`; `*content` receives the bytes (for the rules' content hash).
YamlDocument ReadRuleFile(const std::string& path, const YamlLimits& limits,
                          std::vector<Diagnostic>* errors, std::string* content = nullptr);

}  // namespace gapmap

#endif  // GAPMAP_RULES_RULE_FILE_H_
