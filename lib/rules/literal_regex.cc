#include "lib/rules/literal_regex.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include "lib/rules/regex_syntax.h"

namespace gapmap {

// A string of the regex with the \b and \B that hold before and after it.
struct LiteralRegex::String {
  static constexpr uint8_t kBoundary = 1, kNotBoundary = 2;
  std::string text;  // lowercase
  uint8_t before = 0, after = 0;  // kBoundary | kNotBoundary bits; equal if text is empty
};

namespace {

using String = LiteralRegex::String;
using Strings = std::vector<String>;

// RE2's \b: word bytes are ASCII letters, digits and '_'.
bool IsWordByte(uint8_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

uint8_t Lower(uint8_t c) { return c >= 'A' && c <= 'Z' ? static_cast<uint8_t>(c + 32) : c; }

// True if asserting `asserts` (String bits) between bytes a and b can hold.
bool AssertionHolds(uint8_t asserts, uint8_t a, uint8_t b) {
  const bool boundary = IsWordByte(a) != IsWordByte(b);
  return !((asserts & String::kBoundary) && !boundary) &&
         !((asserts & String::kNotBoundary) && boundary);
}

constexpr uint8_t kBoth = String::kBoundary | String::kNotBoundary;

// Every x then y; nothing if they cannot follow each other.
std::optional<String> Join(const String& x, const String& y) {
  String out;
  out.text = x.text + y.text;
  const uint8_t between = x.after | y.before;
  if (!x.text.empty() && !y.text.empty() &&
      !AssertionHolds(between, static_cast<uint8_t>(x.text.back()),
                      static_cast<uint8_t>(y.text.front()))) {
    return std::nullopt;
  }
  if (out.text.empty()) {
    out.before = out.after = x.before | between | y.after;
  } else {
    out.before = x.text.empty() ? static_cast<uint8_t>(x.before | between) : x.before;
    out.after = y.text.empty() ? static_cast<uint8_t>(between | y.after) : y.after;
  }
  if ((out.before & kBoth) == kBoth || (out.after & kBoth) == kBoth) return std::nullopt;
  return out;
}

std::optional<Strings> JoinAll(const Strings& xs, const Strings& ys) {
  Strings out;
  for (const String& x : xs) {
    for (const String& y : ys) {
      if (std::optional<String> s = Join(x, y)) out.push_back(std::move(*s));
      if (out.size() > LiteralRegex::kMaxStrings) return std::nullopt;
    }
  }
  return out;
}

// One string per byte the character can be: the set must be ASCII and
// closed under case, so that comparing lowercase bytes is exact.
std::optional<Strings> CharStrings(const RegexChars& chars) {
  if (!chars.others.empty() || chars.any_other || chars.hex) return std::nullopt;
  Strings out;
  for (int c = 0; c < 128; ++c) {
    if (!chars.ascii[c]) continue;
    const bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
    if (upper || lower) {
      if (!chars.ascii[upper ? c + 32 : c - 32]) return std::nullopt;
      if (upper) continue;  // its lowercase stands for both
    }
    out.push_back(String{std::string(1, static_cast<char>(c)), 0, 0});
  }
  return out;
}

std::optional<Strings> Expand(const RegexNode& n) {
  switch (n.kind) {
    case RegexNode::Kind::kChar:
      return CharStrings(n.chars);
    case RegexNode::Kind::kEmpty:
      return Strings{String{}};
    case RegexNode::Kind::kAnchor:
      return std::nullopt;
    case RegexNode::Kind::kWordBoundary: {
      const uint8_t a = n.negated ? String::kNotBoundary : String::kBoundary;
      return Strings{String{"", a, a}};
    }
    case RegexNode::Kind::kConcat: {
      Strings out{String{}};
      for (const RegexNode& child : n.children) {
        std::optional<Strings> next = Expand(child);
        if (!next) return std::nullopt;
        std::optional<Strings> joined = JoinAll(out, *next);
        if (!joined) return std::nullopt;
        out = std::move(*joined);
      }
      return out;
    }
    case RegexNode::Kind::kAlternate: {
      Strings out;
      for (const RegexNode& child : n.children) {
        std::optional<Strings> next = Expand(child);
        if (!next || out.size() + next->size() > LiteralRegex::kMaxStrings) return std::nullopt;
        out.insert(out.end(), next->begin(), next->end());
      }
      return out;
    }
    case RegexNode::Kind::kRepeat: {
      if (n.max < 0 || n.children.empty()) return std::nullopt;
      std::optional<Strings> child = Expand(n.children[0]);
      if (!child) return std::nullopt;
      Strings out, power{String{}};  // power: the child k times
      for (int k = 0; k <= n.max; ++k) {
        if (k >= n.min) out.insert(out.end(), power.begin(), power.end());
        if (out.size() > LiteralRegex::kMaxStrings) return std::nullopt;
        if (k == n.max) break;
        std::optional<Strings> next = JoinAll(power, *child);
        if (!next) return std::nullopt;
        power = std::move(*next);
      }
      return out;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<LiteralRegex> LiteralRegex::Read(std::string_view pattern) {
  std::optional<RegexNode> tree = ParseRegexSyntax(pattern);
  if (!tree) return std::nullopt;
  std::optional<Strings> strings = Expand(*tree);
  if (!strings || strings->empty()) return std::nullopt;
  return Build(std::move(*strings));
}

std::optional<LiteralRegex> LiteralRegex::Build(std::vector<String> strings) {
  // What a string's assertion before (after) it asks of the byte there,
  // given the string's own first (last) byte.
  auto neighbour = [](uint8_t asserts, uint8_t own) {
    if (asserts == 0) return Neighbour::kAny;
    const bool word = IsWordByte(own);
    return (asserts == String::kBoundary) != word ? Neighbour::kWord : Neighbour::kNonWord;
  };
  struct Ends {
    Neighbour before, after;
    bool operator==(const Ends& o) const { return before == o.before && after == o.after; }
  };
  std::map<std::string, Ends> unique;
  for (const String& s : strings) {
    if (s.text.empty()) return std::nullopt;  // the regex matches the empty string
    const Ends e{neighbour(s.before, static_cast<uint8_t>(s.text.front())),
                 neighbour(s.after, static_cast<uint8_t>(s.text.back()))};
    auto [it, added] = unique.emplace(s.text, e);
    // One string with two different assertions: left to RE2, which of them
    // it reports depends on the alternatives' order.
    if (!added && !(it->second == e)) return std::nullopt;
  }
  // The trie, children by byte (the map keeps them sorted).
  std::vector<std::map<uint8_t, uint32_t>> children(1);
  LiteralRegex out;
  out.nodes_.resize(1);
  for (const auto& [text, ends] : unique) {
    uint32_t node = 0;
    for (char ch : text) {
      const auto byte = static_cast<uint8_t>(ch);
      auto it = children[node].find(byte);
      if (it == children[node].end()) {
        it = children[node].emplace(byte, static_cast<uint32_t>(out.nodes_.size())).first;
        out.nodes_.emplace_back();
        children.emplace_back();
      }
      node = it->second;
    }
    Node& end = out.nodes_[node];
    end.ends_string = true;
    end.before = ends.before;
    end.after = ends.after;
  }
  for (uint32_t i = 0; i < out.nodes_.size(); ++i) {
    Node& node = out.nodes_[i];
    node.edges_begin = static_cast<uint32_t>(out.edges_.size());
    for (const auto& [byte, child] : children[i]) {
      // A string that is a prefix of a longer one: both could match at one
      // position unless its assertion after it rules out the next byte.
      if (node.ends_string && (node.after == Neighbour::kAny ||
                               (node.after == Neighbour::kWord) == IsWordByte(byte))) {
        return std::nullopt;
      }
      out.edges_.push_back(Edge{byte, child});
    }
    node.edges_end = static_cast<uint32_t>(out.edges_.size());
  }
  out.first_.fill(-1);
  out.first_before_.fill(Neighbour::kAny);
  for (uint32_t e = out.nodes_[0].edges_begin; e < out.nodes_[0].edges_end; ++e) {
    const Edge& edge = out.edges_[e];
    out.first_[edge.byte] = static_cast<int32_t>(edge.child);
    std::optional<Neighbour> before;  // shared by every string below the child
    for (const auto& [text, ends] : unique) {
      if (static_cast<uint8_t>(text[0]) != edge.byte) continue;
      before = !before || *before == ends.before ? ends.before : Neighbour::kAny;
    }
    out.first_before_[edge.byte] = before.value_or(Neighbour::kAny);
    if (edge.byte >= 'a' && edge.byte <= 'z') {
      out.first_[edge.byte - 32] = out.first_[edge.byte];
      out.first_before_[edge.byte - 32] = out.first_before_[edge.byte];
    }
  }
  out.string_count_ = unique.size();
  return out;
}

int LiteralRegex::Child(const Node& node, uint8_t byte) const {
  const uint8_t lower = Lower(byte);
  for (uint32_t e = node.edges_begin; e < node.edges_end; ++e) {
    if (edges_[e].byte == lower) return static_cast<int>(edges_[e].child);
  }
  return -1;
}

bool LiteralRegex::Find(std::string_view text, size_t from, size_t to, size_t* begin,
                        size_t* end) const {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  to = std::min(to, text.size());
  // The text's edges count as non-word bytes.
  auto holds = [&](Neighbour want, size_t at, bool inside) {
    if (want == Neighbour::kAny) return true;
    const bool word = inside && IsWordByte(bytes[at]);
    return word == (want == Neighbour::kWord);
  };
  for (size_t p = from; p < to; ++p) {
    int node = first_[bytes[p]];
    if (node < 0 || !holds(first_before_[bytes[p]], p - 1, p > 0)) continue;
    size_t q = p + 1;
    while (node >= 0) {
      const Node& n = nodes_[static_cast<size_t>(node)];
      if (n.ends_string && holds(n.before, p - 1, p > 0) &&
          holds(n.after, q, q < text.size())) {
        *begin = p;
        *end = q;
        return true;
      }
      if (q >= to) break;
      node = Child(n, bytes[q++]);
    }
  }
  return false;
}

}  // namespace gapmap
