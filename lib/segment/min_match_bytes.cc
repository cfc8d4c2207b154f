#include "lib/segment/min_match_bytes.h"

#include <algorithm>
#include <optional>

#include "lib/rules/regex_syntax.h"

namespace gapmap {
namespace {

// Far beyond any line; keeps sums and products of counts from overflowing.
constexpr size_t kCap = size_t{1} << 32;

size_t Least(const RegexNode& n) {
  switch (n.kind) {
    case RegexNode::Kind::kChar:
      return 1;
    case RegexNode::Kind::kEmpty:
    case RegexNode::Kind::kAnchor:
    case RegexNode::Kind::kWordBoundary:
      return 0;
    case RegexNode::Kind::kConcat: {
      size_t sum = 0;
      for (const RegexNode& child : n.children) sum = std::min(kCap, sum + Least(child));
      return sum;
    }
    case RegexNode::Kind::kAlternate: {
      size_t least = kCap;
      for (const RegexNode& child : n.children) least = std::min(least, Least(child));
      return n.children.empty() ? 0 : least;
    }
    case RegexNode::Kind::kRepeat:
      return n.min <= 0 ? 0 : std::min(kCap, Least(n.children[0]) * static_cast<size_t>(n.min));
  }
  return 0;
}

}  // namespace

size_t MinMatchBytes(std::string_view pattern) {
  std::optional<RegexNode> tree = ParseRegexSyntax(pattern);
  return tree ? Least(*tree) : 0;
}

}  // namespace gapmap
