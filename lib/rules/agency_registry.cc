#include "lib/rules/agency_registry.h"

#include <fmt/format.h>

#include "lib/rules/rule_file.h"
#include "lib/rules/yaml_access.h"

namespace gapmap {
namespace {

// `examples: {match: [...], no_match: [...]}`: plain texts, tagged as body
// text by `gapmap rules test`.
void Examples(const YamlNode& node, const std::string& context, YamlChecker* check,
              Agency* agency) {
  std::string what = context + ": examples";
  if (!check->Map(node, what)) return;
  check->CheckKeys(node, {"match", "no_match"}, what);
  for (bool should_match : {true, false}) {
    const char* key = should_match ? "match" : "no_match";
    const YamlNode* list = node.Find(key);
    if (list == nullptr) continue;
    auto texts = check->StringList(*list, fmt::format("{}: {}", what, key));
    if (!texts) continue;
    std::vector<const YamlNode*> items = list->ItemsOrSelf();
    for (size_t i = 0; i < texts->size(); ++i) {
      ExampleSpec example;
      example.text = (*texts)[i];
      example.should_match = should_match;
      example.where = check->LocationOf(items[i]);
      agency->examples.push_back(std::move(example));
    }
  }
}

}  // namespace

int AgencyRegistry::Find(std::string_view id) const {
  for (size_t i = 0; i < agencies.size(); ++i) {
    if (agencies[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

bool LoadAgencyRegistry(const std::string& path, AgencyRegistry* registry,
                        std::vector<Diagnostic>* errors, std::string* content) {
  size_t errors_before = errors->size();
  YamlDocument doc = ReadRuleFile(path, YamlLimits{}, errors, content);
  registry->file = path;
  registry->agencies.clear();
  if (doc.root() == nullptr) {
    if (errors->size() == errors_before) {
      errors->push_back(Diagnostic{SourceLocation{path, 0, 0}, "empty agency registry"});
    }
    return false;
  }
  YamlChecker check(path, errors);
  const YamlNode& root = *doc.root();
  if (!check.Map(root, "agency registry")) return false;
  check.CheckKeys(root, {"agencies"}, "agency registry");
  const YamlNode* list = root.Find("agencies");
  if (list == nullptr) {
    check.Error(&root, "agency registry: missing 'agencies:' mapping of id -> names");
    return false;
  }
  if (!check.Map(*list, "agencies")) return false;
  for (const auto& [key, value] : list->entries) {
    Agency agency;
    agency.id = key->scalar;
    agency.where = check.LocationOf(key);
    std::string context = fmt::format("agency '{}'", agency.id);
    if (!check.Map(*value, context)) continue;
    check.CheckKeys(*value, {"name", "names", "acronyms", "not", "examples"}, context);
    if (const YamlNode* n = value->Find("name")) {
      if (auto s = check.String(*n, context + " name")) agency.name = *s;
    } else {
      check.Error(value, context + ": missing 'name:' (the display name)");
    }
    if (const YamlNode* n = value->Find("names")) {
      if (auto l = check.StringList(*n, context + " names")) agency.names = *l;
    }
    if (const YamlNode* n = value->Find("acronyms")) {
      if (auto l = check.StringList(*n, context + " acronyms")) agency.acronyms = *l;
    }
    if (const YamlNode* n = value->Find("not")) {
      if (auto l = check.StringList(*n, context + " not")) agency.not_names = *l;
    }
    if (const YamlNode* n = value->Find("examples")) Examples(*n, context, &check, &agency);
    if (agency.names.empty() && agency.acronyms.empty()) {
      check.Error(key, context + ": needs at least one of 'names:' or 'acronyms:'");
    }
    registry->agencies.push_back(std::move(agency));
  }
  if (registry->agencies.empty()) check.Error(list, "agency registry: no agencies defined");
  return errors->size() == errors_before;
}

}  // namespace gapmap
