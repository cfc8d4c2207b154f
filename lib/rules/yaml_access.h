// Typed, checked access to a YamlTree for the loaders.
//
// Every accessor reports what it expected and where, and keeps going so that a
// loader can report all errors of a file at once. Unknown keys get a
// did-you-mean suggestion.
#ifndef GAPMAP_RULES_YAML_ACCESS_H_
#define GAPMAP_RULES_YAML_ACCESS_H_

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lib/core/diagnostics.h"
#include "lib/rules/yaml_tree.h"

namespace gapmap {

class YamlChecker {
 public:
  YamlChecker(std::string file, std::vector<Diagnostic>* errors)
      : file_(std::move(file)), errors_(errors) {}

  // Reports an error at `node` (or at the file when `node` is null).
  void Error(const YamlNode* node, std::string message);
  const std::string& file() const { return file_; }
  SourceLocation LocationOf(const YamlNode* node) const;

  // Reports keys of `map` not in `allowed`, suggesting the closest one.
  // `context` names where the map is, e.g. "label 'protection'".
  void CheckKeys(const YamlNode& map, std::initializer_list<std::string_view> allowed,
                 std::string_view context);
  void CheckKeys(const YamlNode& map, const std::vector<std::string>& allowed,
                 std::string_view context);

  // Each returns nullopt (and reports) when `node` has the wrong type.
  std::optional<std::string> String(const YamlNode& node, std::string_view what);
  std::optional<bool> Bool(const YamlNode& node, std::string_view what);
  std::optional<long> Int(const YamlNode& node, std::string_view what, long min, long max);
  std::optional<double> Number(const YamlNode& node, std::string_view what, double min,
                               double max);
  // A string or a list of strings; empty strings are reported.
  std::optional<std::vector<std::string>> StringList(const YamlNode& node, std::string_view what);
  // `node` must be a mapping.
  bool Map(const YamlNode& node, std::string_view what);

 private:
  std::string file_;
  std::vector<Diagnostic>* errors_;
};

// The candidate closest to `word` by edit distance, or "" if none is close.
std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace gapmap

#endif  // GAPMAP_RULES_YAML_ACCESS_H_
