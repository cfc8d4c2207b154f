// Schema: the dimensions, labels and rule ids a run knows, interned to small
// integers so that tagged units carry indices instead of strings.
//
// The rule compiler fills it from rules/*.yaml; readers of tagged JSONL intern
// the names they meet. Indices are stable once assigned. Not thread-safe for
// writes: build it before processing starts, then share it read-only.
#ifndef GAPMAP_CORE_SCHEMA_H_
#define GAPMAP_CORE_SCHEMA_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace gapmap {

// Dimensions that FORMATS.md names; they are written first, in this order, and
// always present in JSONL even when no rule file defines them.
inline constexpr std::string_view kStanceDimension = "stance";
inline constexpr std::string_view kFourpDimension = "fourp";
inline constexpr std::string_view kRectypeDimension = "rectype";
inline constexpr std::string_view kMentionsDimension = "mentions";

struct Dimension {
  std::string name;
  bool multi = true;                // set-valued (fourp) or single-valued (stance)
  std::vector<std::string> labels;  // index -> label name, in declaration order
};

class Schema {
 public:
  // Returns the index of dimension `name`, adding it if new. `multi` is only
  // used when the dimension is added.
  int InternDimension(std::string_view name, bool multi);
  // -1 when unknown.
  int FindDimension(std::string_view name) const;
  int InternLabel(int dimension, std::string_view label);
  int FindLabel(int dimension, std::string_view label) const;
  int InternRule(std::string_view rule_id);
  int FindRule(std::string_view rule_id) const;

  int dimension_count() const { return static_cast<int>(dimensions_.size()); }
  const Dimension& dimension(int i) const { return dimensions_[i]; }
  const std::string& label_name(int dimension, int label) const {
    return dimensions_[dimension].labels[label];
  }
  const std::string& rule_id(int rule) const { return rules_[rule]; }
  int rule_count() const { return static_cast<int>(rules_.size()); }

  // Dimension indices in output order: stance, fourp, rectype, mentions (those
  // that exist), then the others in the order they were added.
  std::vector<int> OutputOrder() const;

 private:
  std::vector<Dimension> dimensions_;
  std::vector<std::unordered_map<std::string, int>> label_index_;
  std::unordered_map<std::string, int> dimension_index_;
  std::vector<std::string> rules_;
  std::unordered_map<std::string, int> rule_index_;
};

}  // namespace gapmap

#endif  // GAPMAP_CORE_SCHEMA_H_
