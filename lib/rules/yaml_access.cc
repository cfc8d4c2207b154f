#include "lib/rules/yaml_access.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>

#include <fmt/format.h>

namespace gapmap {
namespace {

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string best;
  size_t best_distance = std::max<size_t>(2, word.size() / 3) + 1;
  for (const std::string& c : candidates) {
    size_t d = EditDistance(word, c);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  return best;
}

SourceLocation YamlChecker::LocationOf(const YamlNode* node) const {
  if (node == nullptr) return SourceLocation{file_, 0, 0};
  return SourceLocation{file_, node->line, node->column};
}

void YamlChecker::Error(const YamlNode* node, std::string message) {
  errors_->push_back(Diagnostic{LocationOf(node), std::move(message)});
}

void YamlChecker::CheckKeys(const YamlNode& map, std::initializer_list<std::string_view> allowed,
                            std::string_view context) {
  CheckKeys(map, std::vector<std::string>(allowed.begin(), allowed.end()), context);
}

void YamlChecker::CheckKeys(const YamlNode& map, const std::vector<std::string>& allowed,
                            std::string_view context) {
  for (const auto& [key, value] : map.entries) {
    if (!key->IsScalar()) {
      Error(key, fmt::format("{}: keys must be plain words", context));
      continue;
    }
    if (std::find(allowed.begin(), allowed.end(), key->scalar) != allowed.end()) continue;
    std::string suggestion = DidYouMean(key->scalar, allowed);
    if (suggestion.empty()) {
      Error(key, fmt::format("{}: unknown key '{}' (expected one of: {})", context, key->scalar,
                             fmt::join(allowed, ", ")));
    } else {
      Error(key, fmt::format("{}: unknown key '{}'; did you mean '{}'?", context, key->scalar,
                             suggestion));
    }
  }
}

std::optional<std::string> YamlChecker::String(const YamlNode& node, std::string_view what) {
  if (!node.IsScalar()) {
    Error(&node, fmt::format("{}: expected a string, found {}", what, node.TypeName()));
    return std::nullopt;
  }
  return node.scalar;
}

std::optional<bool> YamlChecker::Bool(const YamlNode& node, std::string_view what) {
  if (node.IsScalar() && !node.quoted) {
    const std::string& s = node.scalar;
    if (s == "true" || s == "yes" || s == "on") return true;
    if (s == "false" || s == "no" || s == "off") return false;
  }
  Error(&node, fmt::format("{}: expected true or false, found {}", what,
                           node.IsScalar() ? "'" + node.scalar + "'" : std::string(node.TypeName())));
  return std::nullopt;
}

std::optional<long> YamlChecker::Int(const YamlNode& node, std::string_view what, long min,
                                     long max) {
  long value = 0;
  if (node.IsScalar()) {
    const std::string& s = node.scalar;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec == std::errc() && ptr == s.data() + s.size()) {
      if (value >= min && value <= max) return value;
      Error(&node, fmt::format("{}: {} is out of range [{}, {}]", what, value, min, max));
      return std::nullopt;
    }
  }
  Error(&node, fmt::format("{}: expected a whole number, found {}", what,
                           node.IsScalar() ? "'" + node.scalar + "'" : std::string(node.TypeName())));
  return std::nullopt;
}

std::optional<double> YamlChecker::Number(const YamlNode& node, std::string_view what,
                                          double min, double max) {
  if (node.IsScalar() && !node.scalar.empty()) {
    char* end = nullptr;
    double value = std::strtod(node.scalar.c_str(), &end);
    if (end == node.scalar.c_str() + node.scalar.size()) {
      if (value >= min && value <= max) return value;
      Error(&node, fmt::format("{}: {} is out of range [{}, {}]", what, node.scalar, min, max));
      return std::nullopt;
    }
  }
  Error(&node, fmt::format("{}: expected a number, found {}", what,
                           node.IsScalar() ? "'" + node.scalar + "'" : std::string(node.TypeName())));
  return std::nullopt;
}

std::optional<std::vector<std::string>> YamlChecker::StringList(const YamlNode& node,
                                                                std::string_view what) {
  std::vector<std::string> out;
  auto take = [&](const YamlNode& item) {
    if (!item.IsScalar()) {
      Error(&item, fmt::format("{}: expected a string, found {}", what, item.TypeName()));
      return false;
    }
    if (item.scalar.find_first_not_of(" \t") == std::string::npos) {
      Error(&item, fmt::format("{}: empty pattern", what));
      return false;
    }
    out.push_back(item.scalar);
    return true;
  };
  bool ok = true;
  if (node.IsSequence()) {
    for (const YamlNode* item : node.items) ok = take(*item) && ok;
  } else if (node.IsScalar()) {
    ok = take(node);
  } else {
    Error(&node, fmt::format("{}: expected a list of strings, found {}", what, node.TypeName()));
    return std::nullopt;
  }
  if (!ok) return std::nullopt;
  return out;
}

bool YamlChecker::Map(const YamlNode& node, std::string_view what) {
  if (node.IsMap()) return true;
  Error(&node, fmt::format("{}: expected a mapping (key: value lines), found {}", what,
                           node.TypeName()));
  return false;
}

}  // namespace gapmap
