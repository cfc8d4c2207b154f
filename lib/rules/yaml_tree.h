// YamlTree: rule files parsed into a tree that remembers where every node is.
//
// This is the only place (with the loaders beside it) that sees yaml-cpp. We
// build our own tree from parser events rather than using YAML::Node because
// YAML::Node silently keeps the first of two duplicate keys and cannot bound
// the work an alias bomb makes. The tree is a DAG when aliases are used: an
// alias points at the anchored node, and the *expanded* node count is limited.
//
// Contract: ParseYaml never throws. Syntax errors, duplicate keys and limit
// violations come back as diagnostics with file:line:col (1-based).
#ifndef GAPMAP_RULES_YAML_TREE_H_
#define GAPMAP_RULES_YAML_TREE_H_

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lib/core/diagnostics.h"

namespace gapmap {

struct YamlNode {
  enum class Type { kNull, kScalar, kSequence, kMap };
  Type type = Type::kNull;
  int line = 0;                        // 1-based
  int column = 0;                      // 1-based
  std::string scalar;                  // kScalar: the value
  bool quoted = false;                 // kScalar written in quotes (so "yes" is a string)
  std::vector<const YamlNode*> items;  // kSequence
  std::vector<std::pair<const YamlNode*, const YamlNode*>> entries;  // kMap, in file order
  size_t expanded_size = 1;  // nodes in this subtree with aliases expanded

  bool IsScalar() const { return type == Type::kScalar; }
  bool IsSequence() const { return type == Type::kSequence; }
  bool IsMap() const { return type == Type::kMap; }
  bool IsNull() const { return type == Type::kNull; }
  // kMap: the value of `key`, or nullptr.
  const YamlNode* Find(std::string_view key) const;
  // "a string", "a list", "a mapping", "nothing".
  std::string_view TypeName() const;
  // A list's items, or the node itself: rule keys accept one value where
  // they accept a list ("kinds: text" as "kinds: [text]").
  std::vector<const YamlNode*> ItemsOrSelf() const {
    return IsSequence() ? items : std::vector<const YamlNode*>{this};
  }
};

struct YamlLimits {
  size_t max_bytes = 4 * 1024 * 1024;  // larger files are refused unread
  int max_depth = 32;                  // nesting of maps and lists
  size_t max_nodes = 100000;           // nodes after expanding aliases
};

class YamlDocument {
 public:
  YamlDocument() = default;
  YamlDocument(YamlDocument&&) = default;
  YamlDocument& operator=(YamlDocument&&) = default;

  const YamlNode* root() const { return root_; }
  const std::string& file() const { return file_; }

 private:
  friend class YamlTreeBuilder;
  friend YamlDocument ParseYaml(std::string_view, const std::string&, const YamlLimits&,
                                std::vector<Diagnostic>*);
  std::deque<YamlNode> nodes_;  // stable addresses
  const YamlNode* root_ = nullptr;
  std::string file_;
};

// Parses the first document of `text`. Problems are appended to `errors`; the
// returned tree holds whatever could be built (root() may be nullptr).
YamlDocument ParseYaml(std::string_view text, const std::string& file_name,
                       const YamlLimits& limits, std::vector<Diagnostic>* errors);

}  // namespace gapmap

#endif  // GAPMAP_RULES_YAML_TREE_H_
