// StructureRules: how lines of a report series are recognised (headings,
// furniture, footnotes, bullets), compiled from rules/structure.yaml.
//
// PLACEHOLDER: the segmenter work fills this in.
#ifndef GAPMAP_SEGMENT_STRUCTURE_RULES_H_
#define GAPMAP_SEGMENT_STRUCTURE_RULES_H_

#include <string>
#include <vector>

#include "lib/core/diagnostics.h"

namespace gapmap {

struct StructureRules {};

// Loads and compiles `path`. Returns false (appending every problem to
// `errors`) if the file is wrong. `*content` receives the bytes read.
bool LoadStructureRules(const std::string& path, StructureRules* rules,
                        std::vector<Diagnostic>* errors, std::string* content = nullptr);

}  // namespace gapmap

#endif  // GAPMAP_SEGMENT_STRUCTURE_RULES_H_
