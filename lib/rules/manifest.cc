#include "lib/rules/manifest.h"

#include <fmt/format.h>

#include "lib/rules/rule_file.h"
#include "lib/rules/yaml_access.h"

namespace gapmap {

const DocumentInfo* Manifest::Find(std::string_view doc_id) const {
  for (const DocumentInfo& d : documents) {
    if (d.doc_id == doc_id) return &d;
  }
  return nullptr;
}

bool LoadManifest(const std::string& path, const AgencyRegistry& agencies, Manifest* manifest,
                  std::vector<Diagnostic>* errors) {
  size_t errors_before = errors->size();
  manifest->file = path;
  manifest->documents.clear();
  YamlDocument doc = ReadRuleFile(path, YamlLimits{}, errors);
  if (doc.root() == nullptr) {
    if (errors->size() == errors_before) {
      errors->push_back(Diagnostic{SourceLocation{path, 0, 0}, "empty manifest"});
    }
    return false;
  }
  YamlChecker check(path, errors);
  const YamlNode& root = *doc.root();
  if (!check.Map(root, "manifest")) return false;
  check.CheckKeys(root, {"documents"}, "manifest");
  const YamlNode* list = root.Find("documents");
  if (list == nullptr) {
    check.Error(&root,
                "manifest: missing 'documents:' mapping of document id -> title, issuer, year");
    return false;
  }
  if (!check.Map(*list, "documents")) return false;
  for (const auto& [key, value] : list->entries) {
    DocumentInfo info;
    info.doc_id = key->scalar;
    std::string context = fmt::format("document '{}'", info.doc_id);
    if (!check.Map(*value, context)) continue;
    check.CheckKeys(*value, {"title", "issuer", "year"}, context);
    if (const YamlNode* n = value->Find("title")) {
      if (auto s = check.String(*n, context + " title")) info.title = *s;
    }
    if (const YamlNode* n = value->Find("issuer")) {
      if (auto s = check.String(*n, context + " issuer")) info.issuer = *s;
    } else {
      check.Error(value, context + ": missing 'issuer:' (who published the document)");
    }
    if (const YamlNode* n = value->Find("year")) {
      if (auto y = check.Int(*n, context + " year", 1000, 9999)) info.year = static_cast<int>(*y);
    }
    if (agencies.Find(info.issuer) >= 0) info.default_agency = info.issuer;
    manifest->documents.push_back(std::move(info));
  }
  return errors->size() == errors_before;
}

}  // namespace gapmap
