#include "lib/rules/literal_regex.h"

#include <algorithm>
#include <bitset>
#include <string>
#include <utility>

#include "lib/rules/regex_syntax.h"

namespace gapmap {

// A string of the regex with the \b and \B that hold before and after it.
struct LiteralRegex::String {
  static constexpr uint8_t kBoundary = 1, kNotBoundary = 2;
  std::string text;  // lowercase, unless the regex is read as exact bytes
  uint8_t before = 0, after = 0;  // kBoundary | kNotBoundary bits; equal if text is empty
  bool at_start = false;  // a ^ or \A before it: it matches only at the text's start
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
  if (y.at_start && !x.text.empty()) return std::nullopt;  // ^ after a byte never holds
  String out;
  out.text = x.text + y.text;
  out.at_start = x.at_start || y.at_start;
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

size_t TotalBytes(const Strings& xs) {
  size_t total = 0;
  for (const String& x : xs) total += x.text.size();
  return total;
}

// Whether every x then every y stays within the limits, checked before the
// strings are made: a hostile rule file's `(?:a|b){12}x{1000}` would make
// gigabytes of them.
bool JoinFits(const Strings& xs, const Strings& ys) {
  const size_t count = xs.size() * ys.size();
  return count <= LiteralRegex::kMaxStrings &&
         xs.size() * TotalBytes(ys) + ys.size() * TotalBytes(xs) <= LiteralRegex::kMaxBytes;
}

std::optional<Strings> JoinAll(const Strings& xs, const Strings& ys) {
  if (!JoinFits(xs, ys)) return std::nullopt;
  Strings out;
  for (const String& x : xs) {
    for (const String& y : ys) {
      if (std::optional<String> s = Join(x, y)) out.push_back(std::move(*s));
    }
  }
  return out;
}

// JoinAll(*xs, {y}) in place.
void AppendToAll(const String& y, Strings* xs) {
  size_t kept = 0;
  for (String& x : *xs) {
    if (y.text.empty() || x.text.empty()) {
      std::optional<String> joined = Join(x, y);
      if (joined) (*xs)[kept++] = std::move(*joined);  // a new string: no self-move
      continue;
    }
    const uint8_t between = x.after | y.before;
    if (y.at_start || !AssertionHolds(between, static_cast<uint8_t>(x.text.back()),
                                      static_cast<uint8_t>(y.text.front()))) {
      continue;
    }
    x.text += y.text;
    x.after = y.after;
    if (&(*xs)[kept] != &x) (*xs)[kept] = std::move(x);
    ++kept;
  }
  xs->resize(kept);
}

// One string per byte the character can be: the set must be ASCII and,
// unless `exact`, closed under case, so that comparing lowercase bytes is
// exact (read `exact`, both cases of a letter are two strings).
std::optional<Strings> CharStrings(const RegexChars& chars, bool exact) {
  if (!chars.others.empty() || chars.any_other || chars.hex) return std::nullopt;
  Strings out;
  const std::bitset<128> low_half(~uint64_t{0});
  for (int half = 0; half < 2; ++half) {
    // The members, 64 at a time (a character is most often one or two).
    uint64_t bits = ((half == 0 ? chars.ascii : chars.ascii >> 64) & low_half).to_ullong();
    for (; bits != 0; bits &= bits - 1) {
      const int c = half * 64 + __builtin_ctzll(bits);
      const bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
      if (!exact && (upper || lower)) {
        if (!chars.ascii[upper ? c + 32 : c - 32]) return std::nullopt;
        if (upper) continue;  // its lowercase stands for both
      }
      out.push_back(String{std::string(1, static_cast<char>(c)), 0, 0});
    }
  }
  return out;
}

std::optional<Strings> Expand(const RegexNode& n, bool exact) {
  switch (n.kind) {
    case RegexNode::Kind::kChar:
      return CharStrings(n.chars, exact);
    case RegexNode::Kind::kEmpty:
      return Strings{String{}};
    case RegexNode::Kind::kAnchor:
      // The start of the text; `$` and (?m) line anchors are left to RE2.
      if (n.at_end || n.multi_line) return std::nullopt;
      return Strings{String{"", 0, 0, true}};
    case RegexNode::Kind::kWordBoundary: {
      const uint8_t a = n.negated ? String::kNotBoundary : String::kBoundary;
      return Strings{String{"", a, a}};
    }
    case RegexNode::Kind::kConcat: {
      Strings out{String{}};
      for (const RegexNode& child : n.children) {
        std::optional<Strings> next = Expand(child, exact);
        if (!next) return std::nullopt;
        if (next->size() == 1) {
          if (!JoinFits(out, *next)) return std::nullopt;
          // One string (a letter of a word): appended to each in place, as
          // copying them all for every letter made reading the rules slow.
          AppendToAll(next->front(), &out);
          continue;
        }
        std::optional<Strings> joined = JoinAll(out, *next);
        if (!joined) return std::nullopt;
        out = std::move(*joined);
      }
      return out;
    }
    case RegexNode::Kind::kAlternate: {
      Strings out;
      for (const RegexNode& child : n.children) {
        std::optional<Strings> next = Expand(child, exact);
        if (!next || out.size() + next->size() > LiteralRegex::kMaxStrings ||
            TotalBytes(out) + TotalBytes(*next) > LiteralRegex::kMaxBytes) {
          return std::nullopt;
        }
        out.insert(out.end(), next->begin(), next->end());
      }
      return out;
    }
    case RegexNode::Kind::kRepeat: {
      if (n.max < 0 || n.children.empty()) return std::nullopt;
      std::optional<Strings> child = Expand(n.children[0], exact);
      if (!child) return std::nullopt;
      Strings out, power{String{}};  // power: the child k times
      for (int k = 0; k <= n.max; ++k) {
        if (k >= n.min) out.insert(out.end(), power.begin(), power.end());
        if (out.size() > LiteralRegex::kMaxStrings || TotalBytes(out) > LiteralRegex::kMaxBytes) {
          return std::nullopt;
        }
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
  // Letters in both cases compare as one lowercase byte; a regex with a
  // letter in one case only (`(?-i:Strengthen)`) is read as exact bytes.
  for (const bool exact : {false, true}) {
    std::optional<Strings> strings = Expand(*tree, exact);
    if (strings && !strings->empty()) return Build(std::move(*strings), exact);
  }
  return std::nullopt;
}

std::optional<LiteralRegex> LiteralRegex::Build(std::vector<String> strings, bool exact) {
  // What a string's assertion before (after) it asks of the byte there,
  // given the string's own first (last) byte.
  auto neighbour = [](uint8_t asserts, uint8_t own) {
    if (asserts == 0) return Neighbour::kAny;
    const bool word = IsWordByte(own);
    return (asserts == String::kBoundary) != word ? Neighbour::kWord : Neighbour::kNonWord;
  };
  struct Entry {
    std::string_view text;
    Neighbour before, after;
  };
  std::vector<Entry> entries;
  entries.reserve(strings.size());
  LiteralRegex out;
  out.exact_ = exact;
  out.at_start_ = strings.front().at_start;
  for (const String& s : strings) {
    if (s.text.empty()) return std::nullopt;  // the regex matches the empty string
    if (s.at_start != out.at_start_) return std::nullopt;  // `^a|b`: left to RE2
    out.max_length_ = std::max(out.max_length_, s.text.size());
    entries.push_back(Entry{s.text, neighbour(s.before, static_cast<uint8_t>(s.text.front())),
                            neighbour(s.after, static_cast<uint8_t>(s.text.back()))});
  }
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.text < b.text; });
  // The trie, from the strings in order: each shares the path of its common
  // prefix with the one before. Edges are (parent, byte, child), made in
  // byte order per parent; grouped by parent below.
  struct Link {
    uint32_t parent = 0, child = 0;
    uint8_t byte = 0;
  };
  std::vector<Link> links;
  std::vector<uint32_t> path{0};  // path[d]: the node of the previous string's first d bytes
  out.nodes_.resize(1);
  std::string_view previous;
  for (size_t k = 0; k < entries.size(); ++k) {
    const Entry& e = entries[k];
    if (k > 0 && e.text == previous) {
      // One string with two different assertions: left to RE2, which of them
      // it reports depends on the alternatives' order.
      const Node& end = out.nodes_[path.back()];
      if (end.before != e.before || end.after != e.after) return std::nullopt;
      continue;
    }
    size_t common = 0;
    while (common < previous.size() && common < e.text.size() &&
           previous[common] == e.text[common]) {
      ++common;
    }
    path.resize(common + 1);
    for (size_t d = common; d < e.text.size(); ++d) {
      const auto child = static_cast<uint32_t>(out.nodes_.size());
      out.nodes_.emplace_back();
      links.push_back(Link{path.back(), child, static_cast<uint8_t>(e.text[d])});
      path.push_back(child);
    }
    Node& end = out.nodes_[path.back()];
    end.ends_string = true;
    end.before = e.before;
    end.after = e.after;
    previous = e.text;
    ++out.string_count_;
  }
  std::stable_sort(links.begin(), links.end(),
                   [](const Link& a, const Link& b) { return a.parent < b.parent; });
  for (size_t i = 0, e = 0; i < out.nodes_.size(); ++i) {
    Node& node = out.nodes_[i];
    node.edges_begin = static_cast<uint32_t>(e);
    for (; e < links.size() && links[e].parent == i; ++e) {
      // A string that is a prefix of a longer one: both could match at one
      // position unless its assertion after it rules out the next byte.
      if (node.ends_string && (node.after == Neighbour::kAny ||
                               (node.after == Neighbour::kWord) == IsWordByte(links[e].byte))) {
        return std::nullopt;
      }
      out.edges_.push_back(Edge{links[e].byte, links[e].child});
    }
    node.edges_end = static_cast<uint32_t>(e);
  }
  // The root's children, looked up by text byte (either case unless exact), with what
  // every string starting with that byte asks of the byte before it.
  out.first_.fill(-1);
  out.first_before_.fill(Neighbour::kAny);
  std::array<std::optional<Neighbour>, 256> before;
  for (const Entry& e : entries) {
    std::optional<Neighbour>& b = before[static_cast<uint8_t>(e.text[0])];
    b = !b || *b == e.before ? e.before : Neighbour::kAny;
  }
  for (uint32_t e = out.nodes_[0].edges_begin; e < out.nodes_[0].edges_end; ++e) {
    const Edge& edge = out.edges_[e];
    const Neighbour shared = before[edge.byte].value_or(Neighbour::kAny);
    for (uint8_t byte : {edge.byte, !exact && edge.byte >= 'a' && edge.byte <= 'z'
                                        ? static_cast<uint8_t>(edge.byte - 32)
                                        : edge.byte}) {
      out.first_[byte] = static_cast<int32_t>(edge.child);
      out.first_before_[byte] = shared;
    }
  }
  return out;
}

int LiteralRegex::Child(const Node& node, uint8_t byte) const {
  const uint8_t lower = exact_ ? byte : Lower(byte);
  for (uint32_t e = node.edges_begin; e < node.edges_end; ++e) {
    if (edges_[e].byte == lower) return static_cast<int>(edges_[e].child);
  }
  return -1;
}

bool LiteralRegex::Find(std::string_view text, size_t from, size_t to, size_t last_start,
                        size_t* begin, size_t* end) const {
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  to = std::min(to, text.size());
  // The text's edges count as non-word bytes.
  auto holds = [&](Neighbour want, size_t at, bool inside) {
    if (want == Neighbour::kAny) return true;
    const bool word = inside && IsWordByte(bytes[at]);
    return word == (want == Neighbour::kWord);
  };
  // last_start may be `to`; a string after ^ can only start at 0.
  const size_t stop = std::min({to, last_start + 1, at_start_ ? size_t{1} : to});
  for (size_t p = from; p < stop; ++p) {
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
