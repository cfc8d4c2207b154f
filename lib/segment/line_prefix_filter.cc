#include "lib/segment/line_prefix_filter.h"

#include <algorithm>
#include <bitset>
#include <optional>

#include "lib/core/utf8.h"
#include "lib/rules/regex_syntax.h"

namespace gapmap {
namespace {

using Bytes = std::bitset<256>;

// What a piece of a pattern can match, as far as the filter cares. Every set
// may hold more than the piece can match (that only lets more lines through),
// never less.
struct Prefixes {
  bool nullable = false;                               // the empty string
  Bytes single;                                        // matches one byte long
  Bytes first;                                         // first bytes of non-empty matches
  Bytes last;                                          // last bytes of non-empty matches
  // First two bytes of longer matches, by first byte; empty while there are
  // none: most pieces are one character, and making and merging 8 KB for
  // each was most of the filter's start-up.
  std::vector<Bytes> pairs;

  std::vector<Bytes>& Pairs() {
    if (pairs.empty()) pairs.resize(256);
    return pairs;
  }
  void AddPairsOf(const Prefixes& o) {
    if (o.pairs.empty()) return;
    std::vector<Bytes>& mine = Pairs();
    for (int b = 0; b < 256; ++b) mine[b] |= o.pairs[b];
  }
  void Add(const Prefixes& o) {
    nullable = nullable || o.nullable;
    single |= o.single;
    first |= o.first;
    last |= o.last;
    AddPairsOf(o);
  }
  // Every byte of `a` followed by every byte of `b` may start a match.
  void AddPairs(const Bytes& a, const Bytes& b) {
    if (a.none() || b.none()) return;
    std::vector<Bytes>& mine = Pairs();
    for (int x = 0; x < 256; ++x) {
      if (a[x]) mine[x] |= b;
    }
  }
};

Prefixes Empty() {
  Prefixes p;
  p.nullable = true;
  return p;
}

Prefixes OneOf(const Bytes& bytes) {
  Prefixes p;
  p.single = bytes;
  p.first = bytes;
  p.last = bytes;
  return p;
}

// Any character made of two or more bytes: a lead byte, then anything.
// Built once: every letter under (?i) asks for it.
const Prefixes& AnyMultibyte() {
  static const Prefixes any = [] {
    Prefixes p;
    for (int b = 0x80; b < 256; ++b) {
      p.first.set(b);
      p.last.set(b);
      p.Pairs()[b].set();
    }
    return p;
  }();
  return any;
}

// `a` then `b`, into `a`: in place, since a sequence of n pieces would
// otherwise build and copy n sets of pairs (most of the filter's start-up).
void Concat(Prefixes* a, const Prefixes& b) {
  Bytes single;
  if (a->nullable) single |= b.single;
  if (b.nullable) single |= a->single;
  a->AddPairs(a->single, b.first);  // before a's single bytes change
  if (a->nullable) {
    a->AddPairsOf(b);
    a->first |= b.first;
  }
  a->last = b.nullable ? b.last | a->last : b.last;
  a->single = single;
  a->nullable = a->nullable && b.nullable;
}

// `a` repeated (any count: the bounds are not worth reading).
Prefixes Repeat(const Prefixes& a, bool at_least_once) {
  Prefixes p = a;
  p.nullable = a.nullable || !at_least_once;
  p.AddPairs(a.single, a.first);
  return p;
}

// One character of `c`: its ASCII members are one byte long; a non-ASCII
// member is told apart by its first two bytes and its last byte; the
// non-ASCII code points (?i) folds to ASCII letters are any multi-byte
// character here.
Prefixes OneChar(const RegexChars& c) {
  Bytes ascii;
  for (int b = 0; b < 0x80; ++b) ascii[b] = c.ascii[b];
  Prefixes p = OneOf(ascii);
  if (c.any_other || c.folds_from_non_ascii) p.Add(AnyMultibyte());
  if (c.any_other) return p;
  for (char32_t cp : c.others) {
    std::string bytes;
    AppendUtf8(&bytes, cp);
    auto lead = static_cast<unsigned char>(bytes[0]);
    p.first.set(lead);
    p.last.set(static_cast<unsigned char>(bytes.back()));
    p.Pairs()[lead].set(static_cast<unsigned char>(bytes[1]));
  }
  return p;
}

// What `n` can match; anchors, word boundaries and repetition counts are
// ignored (they only narrow what matches).
Prefixes Analyse(const RegexNode& n) {
  switch (n.kind) {
    case RegexNode::Kind::kChar:
      return OneChar(n.chars);
    case RegexNode::Kind::kEmpty:
    case RegexNode::Kind::kAnchor:
    case RegexNode::Kind::kWordBoundary:
      break;
    case RegexNode::Kind::kConcat: {
      Prefixes p = Empty();
      for (const RegexNode& child : n.children) Concat(&p, Analyse(child));
      return p;
    }
    case RegexNode::Kind::kAlternate: {
      Prefixes p = Analyse(n.children[0]);
      for (size_t k = 1; k < n.children.size(); ++k) p.Add(Analyse(n.children[k]));
      return p;
    }
    case RegexNode::Kind::kRepeat:
      return Repeat(Analyse(n.children[0]), n.min > 0);
  }
  return Empty();
}

}  // namespace

LinePrefixFilter::LinePrefixFilter() = default;

LinePrefixFilter::LinePrefixFilter(const std::vector<std::string>& patterns)
    : single_(256), pairs_(256 * 256), ends_(256) {
  for (size_t k = 0; k < patterns.size(); ++k) {
    std::optional<RegexNode> tree = ParseRegexSyntax(patterns[k]);
    if (!tree) return;  // stays off
    Prefixes p = Analyse(*tree);
    if (p.nullable) return;  // stays off
    bool anchored_end = AnchoredAtEnd(*tree);
    // Patterns beyond 32 share bits: that only lets more lines through.
    uint32_t bit = uint32_t{1} << (k % 32);
    for (int a = 0; a < 256; ++a) {
      if (p.single[a]) single_[a] |= bit;
      // Most first bytes start no pair: skip their 256 tests (this loop was
      // ~17 M instructions of every run's start-up).
      if (!p.pairs.empty() && p.pairs[a].any()) {
        for (int b = 0; b < 256; ++b) {
          if (p.pairs[a][b]) pairs_[a * 256 + b] |= bit;
        }
      }
      if (!anchored_end || p.last[a]) ends_[a] |= bit;
    }
  }
  enabled_ = !patterns.empty();
  pattern_count_ = patterns.size();
}

}  // namespace gapmap
