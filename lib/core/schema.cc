#include "lib/core/schema.h"

#include <algorithm>
#include <array>

namespace gapmap {

int Schema::InternDimension(std::string_view name, bool multi) {
  int found = FindDimension(name);
  if (found >= 0) return found;
  int index = static_cast<int>(dimensions_.size());
  dimensions_.push_back(Dimension{std::string(name), multi, {}});
  label_index_.emplace_back();
  dimension_index_.emplace(std::string(name), index);
  return index;
}

int Schema::FindDimension(std::string_view name) const {
  auto it = dimension_index_.find(std::string(name));
  return it == dimension_index_.end() ? -1 : it->second;
}

int Schema::InternLabel(int dimension, std::string_view label) {
  int found = FindLabel(dimension, label);
  if (found >= 0) return found;
  auto& labels = dimensions_[dimension].labels;
  int index = static_cast<int>(labels.size());
  labels.emplace_back(label);
  label_index_[dimension].emplace(std::string(label), index);
  return index;
}

int Schema::FindLabel(int dimension, std::string_view label) const {
  const auto& index = label_index_[dimension];
  auto it = index.find(std::string(label));
  return it == index.end() ? -1 : it->second;
}

int Schema::InternRule(std::string_view rule_id) {
  int found = FindRule(rule_id);
  if (found >= 0) return found;
  int index = static_cast<int>(rules_.size());
  rules_.emplace_back(rule_id);
  rule_index_.emplace(std::string(rule_id), index);
  return index;
}

int Schema::FindRule(std::string_view rule_id) const {
  auto it = rule_index_.find(std::string(rule_id));
  return it == rule_index_.end() ? -1 : it->second;
}

std::vector<int> Schema::OutputOrder() const {
  constexpr std::array<std::string_view, 4> kFixed = {kStanceDimension, kFourpDimension,
                                                      kRectypeDimension, kMentionsDimension};
  std::vector<int> order;
  for (std::string_view name : kFixed) {
    int d = FindDimension(name);
    if (d >= 0) order.push_back(d);
  }
  for (int d = 0; d < dimension_count(); ++d) {
    if (std::find(order.begin(), order.end(), d) == order.end()) order.push_back(d);
  }
  return order;
}

}  // namespace gapmap
