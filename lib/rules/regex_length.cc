#include "lib/rules/regex_length.h"

#include <algorithm>
#include <optional>

#include "lib/rules/regex_syntax.h"

namespace gapmap {
namespace {

constexpr long kUnbounded = -1;
constexpr long kLimit = 1 << 20;  // larger bounds are of no use: unbounded

long Add(long a, long b) {
  if (a == kUnbounded || b == kUnbounded || a + b > kLimit) return kUnbounded;
  return a + b;
}

long Times(long a, long n) {
  if (a == kUnbounded || n == kUnbounded || (a > 0 && n > kLimit / a)) return kUnbounded;
  return a * n;
}

long MaxBytes(const RegexNode& n) {
  switch (n.kind) {
    case RegexNode::Kind::kChar: {
      // U+017F and U+212A, which (?i) folds to ASCII letters, are left to the
      // prefilter (see the header).
      const RegexChars& c = n.chars;
      return c.others.empty() && !c.any_other && !c.hex ? 1 : 4;
    }
    case RegexNode::Kind::kEmpty:
    case RegexNode::Kind::kAnchor:
    case RegexNode::Kind::kWordBoundary:
      return 0;
    case RegexNode::Kind::kConcat: {
      long sum = 0;
      for (const RegexNode& child : n.children) sum = Add(sum, MaxBytes(child));
      return sum;
    }
    case RegexNode::Kind::kAlternate: {
      long best = 0;
      for (const RegexNode& child : n.children) {
        long b = MaxBytes(child);
        if (b == kUnbounded) return kUnbounded;
        best = std::max(best, b);
      }
      return best;
    }
    case RegexNode::Kind::kRepeat:
      return Times(MaxBytes(n.children[0]), n.max);
  }
  return kUnbounded;
}

// Far beyond any line; keeps sums and products of counts from overflowing.
constexpr size_t kLeastCap = size_t{1} << 32;

size_t LeastBytes(const RegexNode& n) {
  switch (n.kind) {
    case RegexNode::Kind::kChar:
      return 1;
    case RegexNode::Kind::kEmpty:
    case RegexNode::Kind::kAnchor:
    case RegexNode::Kind::kWordBoundary:
      return 0;
    case RegexNode::Kind::kConcat: {
      size_t sum = 0;
      for (const RegexNode& child : n.children) sum = std::min(kLeastCap, sum + LeastBytes(child));
      return sum;
    }
    case RegexNode::Kind::kAlternate: {
      size_t least = kLeastCap;
      for (const RegexNode& child : n.children) least = std::min(least, LeastBytes(child));
      return n.children.empty() ? 0 : least;
    }
    case RegexNode::Kind::kRepeat:
      return n.min <= 0 ? 0
                        : std::min(kLeastCap, LeastBytes(n.children[0]) * static_cast<size_t>(n.min));
  }
  return 0;
}

void AddMatchable(const RegexNode& n, std::bitset<256>* bytes) {
  if (n.kind == RegexNode::Kind::kChar) {
    const RegexChars& c = n.chars;
    for (size_t b = 0; b < 128; ++b) {
      if (c.ascii[b]) bytes->set(b);
    }
    if (!c.others.empty() || c.any_other || c.folds_from_non_ascii) {
      for (size_t b = 128; b < 256; ++b) bytes->set(b);
    }
    if (c.hex) bytes->set();
    return;
  }
  for (const RegexNode& child : n.children) AddMatchable(child, bytes);
}

}  // namespace

int MaxMatchBytes(std::string_view pattern) {
  std::optional<RegexNode> tree = ParseRegexSyntax(pattern);
  return static_cast<int>(tree ? MaxBytes(*tree) : kUnbounded);
}

size_t MinMatchBytes(std::string_view pattern) {
  std::optional<RegexNode> tree = ParseRegexSyntax(pattern);
  return tree ? LeastBytes(*tree) : 0;
}

std::bitset<256> MatchableBytes(std::string_view pattern) {
  std::bitset<256> bytes;
  std::optional<RegexNode> tree = ParseRegexSyntax(pattern);
  if (!tree) return bytes.set();
  AddMatchable(*tree, &bytes);
  return bytes;
}

}  // namespace gapmap
