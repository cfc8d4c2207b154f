#include "lib/segment/structure_rules.h"

namespace gapmap {

bool LoadStructureRules(const std::string& path, StructureRules* rules,
                        std::vector<Diagnostic>* errors, std::string* content) {
  return true;  // PLACEHOLDER
}

}  // namespace gapmap
