#include "lib/rules/term_matcher.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <map>
#include <tuple>
#include <utility>

#include <fmt/format.h>

#include "lib/rules/fold_text.h"
#include "lib/rules/word_scan.h"

namespace gapmap {
namespace {

// Node flags: what a unit word that spells a node exactly (its walk used
// every byte) can start.
enum NodeFlag : uint8_t {
  kExact = 1,       // terms whose first word is this word
  kPairFirst = 2,   // the first of two words some terms are indexed by
  kPairSecond = 4,  // the second of those two words
  kGlob = 8,        // terms whose first word is a glob with this prefix (any walk through it)
};

// A word code (WordToken::term_word): the deepest trie node the word's walk
// reached, times two, plus one if the walk used every byte of the word.
inline uint32_t WordCode(uint32_t node, bool whole) { return 2 * node + (whole ? 1 : 0); }

inline uint64_t PairKey(uint32_t first, uint32_t second) {
  return (static_cast<uint64_t>(first) << 32) | second;  // nodes are > 0: never 0
}
inline size_t PairHash(uint64_t key) {
  return static_cast<size_t>((key * 0x9e3779b97f4a7c15ULL) >> 32);
}
// The pair filter's bit: the hash's high 15 bits, as the table takes its low ones.
inline size_t PairFilterBit(size_t hash) { return (hash >> 17) & 0x7FFF; }

}  // namespace

void TermMatcher::Add(const Term& term, uint32_t pattern) {
  for (const TermVariant& v : ExpandVariants(term)) {
    Variant var;
    var.pattern = pattern;
    var.case_sensitive = term.case_sensitive;
    var.at_start = term.at_start;
    var.first_word = static_cast<uint32_t>(words_.size());
    var.word_count = static_cast<uint32_t>(v.words.size());
    for (size_t w = 0; w < v.words.size(); ++w) {
      Word word;
      word.offset = static_cast<uint32_t>(pool_.size());
      word.length = static_cast<uint32_t>(v.words[w].text.size());
      word.glob = v.words[w].glob;
      pool_ += v.words[w].text;
      if (w > 0 && v.gaps[w - 1].kind_is_literal()) {
        word.literal_gap = true;
        word.gap_offset = static_cast<uint32_t>(pool_.size());
        word.gap_length = static_cast<uint32_t>(v.gaps[w - 1].literal.size());
        pool_ += v.gaps[w - 1].literal;
      }
      words_.push_back(word);
    }
    auto folded = [&](size_t w) {
      return term.case_sensitive ? FoldCase(v.words[w].text) : v.words[w].text;
    };
    PendingKey key;
    key.first = folded(0);
    if (v.words.size() >= 2 && !v.words[0].glob && !v.words[1].glob &&
        !v.gaps[0].kind_is_literal()) {
      key.kind = KeyKind::kPair;
      key.second = folded(1);
    } else {
      key.kind = v.words[0].glob ? KeyKind::kGlob : KeyKind::kExact;
    }
    pending_.push_back(std::move(key));
    variants_.push_back(var);
  }
}

Status TermMatcher::Build() {
  // The trie of every folded word the index and the case-insensitive
  // verification need, with build-time node ids (root 0).
  std::vector<std::map<uint8_t, uint32_t>> children(1);
  auto insert = [&](std::string_view s) {
    uint32_t node = 0;
    for (char c : s) {
      auto [it, added] = children[node].emplace(static_cast<uint8_t>(c), 0);
      if (added) {
        it->second = static_cast<uint32_t>(children.size());
        children.emplace_back();
      }
      node = it->second;
    }
    return node;
  };
  std::vector<uint32_t> key_first(variants_.size()), key_second(variants_.size());
  std::vector<uint32_t> word_node(words_.size());
  for (size_t v = 0; v < variants_.size(); ++v) {
    key_first[v] = insert(pending_[v].first);
    if (pending_[v].kind == KeyKind::kPair) key_second[v] = insert(pending_[v].second);
    if (variants_[v].case_sensitive) continue;
    for (uint32_t w = variants_[v].first_word; w < variants_[v].first_word + variants_[v].word_count; ++w) {
      word_node[w] = insert(std::string_view(pool_).substr(words_[w].offset, words_[w].length));
    }
  }

  // Depth-first numbering (children in byte order), so that a subtree is
  // the range [id, subtree_end).
  const size_t nodes = children.size();
  if (nodes >= kMaxNodes) {
    return Status::Rule(fmt::format(
        "the terms' words have {} distinct prefixes, more than the term matcher's {}", nodes,
        kMaxNodes - 1));
  }
  std::vector<uint32_t> id(nodes), parent(nodes, 0), subtree_end(nodes);
  {
    std::vector<std::pair<uint32_t, bool>> stack = {{0, false}};  // (build node, leaving)
    uint32_t next_id = 0;
    while (!stack.empty()) {
      auto [node, leaving] = stack.back();
      stack.pop_back();
      if (leaving) {
        subtree_end[id[node]] = next_id;
        continue;
      }
      id[node] = next_id++;
      stack.emplace_back(node, true);
      for (auto it = children[node].rbegin(); it != children[node].rend(); ++it) {
        stack.emplace_back(it->second, false);
      }
    }
    for (size_t node = 0; node < nodes; ++node) {
      for (const auto& [byte, child] : children[node]) parent[id[child]] = id[node];
    }
  }

  // Byte classes: one per byte some term word has, 0 for the rest.
  std::array<uint8_t, 256> code{};
  uint32_t classes = 1;
  for (const auto& c : children) {
    for (const auto& [byte, child] : c) code[byte] = 1;
  }
  for (size_t b = 0; b < 256; ++b) {
    if (code[b]) code[b] = static_cast<uint8_t>(classes++);
  }
  PackCells(children, id, code, classes);

  // Word codes for verification.
  for (const Variant& v : variants_) {
    if (v.case_sensitive) continue;
    for (uint32_t w = v.first_word; w < v.first_word + v.word_count; ++w) {
      const uint32_t n = id[word_node[w]];
      words_[w].code = WordCode(n, !words_[w].glob);
      words_[w].span = words_[w].glob ? 2 * (subtree_end[n] - n) : 1;
    }
  }

  // Index entries, each a contiguous run of variants (in the order added).
  std::map<std::tuple<KeyKind, uint32_t, uint32_t>, std::vector<uint32_t>> entries;
  for (uint32_t v = 0; v < variants_.size(); ++v) {
    const uint32_t second = pending_[v].kind == KeyKind::kPair ? id[key_second[v]] : 0;
    entries[{pending_[v].kind, id[key_first[v]], second}].push_back(v);
  }
  std::vector<uint8_t> flags(nodes, 0);
  exact_entry_.assign(nodes, Range{});
  glob_entry_.assign(nodes, Range{});
  std::vector<Variant> grouped;
  std::vector<PairSlot> pairs;
  for (const auto& [key, members] : entries) {
    const auto [kind, first, second] = key;
    // The words the entry was found by are known to match (folded: not
    // for case-sensitive variants, which compare raw bytes).
    for (uint32_t v : members) {
      if (!variants_[v].case_sensitive) variants_[v].checked_words = kind == KeyKind::kPair ? 2 : 1;
    }
    Range range;
    range.begin = static_cast<uint32_t>(grouped.size());
    for (uint32_t v : members) grouped.push_back(variants_[v]);
    range.end = static_cast<uint32_t>(grouped.size());
    switch (kind) {
      case KeyKind::kExact:
        flags[first] |= kExact;
        exact_entry_[first] = range;
        break;
      case KeyKind::kGlob:
        flags[first] |= kGlob;
        glob_entry_[first] = range;
        break;
      case KeyKind::kPair:
        flags[first] |= kPairFirst;
        flags[second] |= kPairSecond;
        pairs.push_back(PairSlot{PairKey(first, second), range});
        break;
    }
  }
  variants_ = std::move(grouped);
  for (Variant& v : variants_) {
    v.found_by_index = !v.case_sensitive && v.checked_words >= v.word_count;
    if (v.case_sensitive || v.checked_words >= v.word_count) continue;
    const Word& next = words_[v.first_word + v.checked_words];
    v.next_code = next.code;
    v.next_span = next.span;
  }
  pending_.clear();
  pending_.shrink_to_fit();

  size_t capacity = 16;
  while (capacity < pairs.size() * 2) capacity *= 2;
  pairs_.assign(capacity, PairSlot{});
  pair_mask_ = capacity - 1;
  pair_filter_.assign(kPairFilterBits / 64, 0);
  for (const PairSlot& pair : pairs) {
    const size_t bit = PairFilterBit(PairHash(pair.key));
    pair_filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
    size_t i = PairHash(pair.key) & pair_mask_;
    while (pairs_[i].key != 0) i = (i + 1) & pair_mask_;
    pairs_[i] = pair;
  }

  // Glob prefixes above each node, nearest first (depth-first order visits
  // a parent before its children).
  std::vector<uint32_t> glob_up(nodes, 0);
  glob_outer_.assign(nodes, 0);
  for (uint32_t n = 1; n < nodes; ++n) {
    glob_outer_[n] = glob_up[parent[n]];
    glob_up[n] = (flags[n] & kGlob) ? n : glob_outer_[n];
  }
  // A word yields at most an exact entry, a pair entry and one per glob
  // prefix it starts with.
  std::vector<uint32_t> globs_above(nodes, 0);
  uint32_t most_globs = 0;
  for (uint32_t n = 1; n < nodes; ++n) {
    globs_above[n] = globs_above[parent[n]] + ((flags[n] & kGlob) ? 1 : 0);
    most_globs = std::max(most_globs, globs_above[n]);
  }
  candidates_per_word_ = 2 + most_globs;
  FillCells(flags, glob_up);
  // Distinct per Build() in the process, so that a scratch's word memo of
  // other tables is never read as of these.
  static std::atomic<uint64_t> builds{0};
  build_number_ = ++builds;
  built_ = true;
  return Status::Ok();
}

void TermMatcher::FillCells(const std::vector<uint8_t>& flags, const std::vector<uint32_t>& glob_up) {
  for (size_t c = 0; c < cells_.size(); ++c) {
    if (links_[2 * c + 1] == kNoParent && c != 0) continue;  // free
    cells_[c].flags = flags[cells_[c].node];
    cells_[c].glob_up = glob_up[cells_[c].node];
  }
}

// First fit, parents before children (breadth first): each node's children
// go to the first base whose cells for their classes are all free. Class 0
// (bytes in no term word, and the 0 after every word) is never a child, so
// the walk always stops there. The search tries only bases that put the
// first child on a free cell, jumping over taken ones (union-find style
// links to the next free cell), so packing stays near linear in the nodes.
void TermMatcher::PackCells(const std::vector<std::map<uint8_t, uint32_t>>& children,
                            const std::vector<uint32_t>& node_id,
                            const std::array<uint8_t, 256>& code, uint32_t classes) {
  struct Link {
    uint32_t base = 0;
    uint32_t parent = kNoParent;
  };
  std::vector<Link> links(1);  // the root; as no node's child it has no parent
  cells_.assign(1, Cell{});
  cells_[0].node = node_id[0];
  // free_link[c]: a cell at or after c that is free or closer to one; cells
  // past the end are free.
  std::vector<uint32_t> free_link = {1};
  auto next_free = [&](uint32_t c) {
    uint32_t f = c;
    while (f < free_link.size() && free_link[f] != f) f = free_link[f];
    while (c < free_link.size() && free_link[c] != c) c = std::exchange(free_link[c], f);
    return f;
  };
  auto take = [&](uint32_t cell) {
    if (cell >= links.size()) {
      links.resize(cell + 1);
      cells_.resize(cell + 1);
    }
    while (free_link.size() <= cell + 1) free_link.push_back(static_cast<uint32_t>(free_link.size()));
    free_link[cell] = cell + 1;
  };
  std::vector<uint32_t> cell_of(children.size(), 0);
  std::vector<uint32_t> queue = {0};
  for (size_t q = 0; q < queue.size(); ++q) {
    const uint32_t node = queue[q];
    if (children[node].empty()) continue;
    const uint32_t first_code = code[children[node].begin()->first];
    auto fits = [&](uint32_t base) {
      for (const auto& [byte, child] : children[node]) {
        const uint32_t cell = base + code[byte];
        if (cell < links.size() && links[cell].parent != kNoParent) return false;
      }
      return true;
    };
    uint32_t first_cell = next_free(first_code + 1);  // base >= 1
    while (!fits(first_cell - first_code)) first_cell = next_free(first_cell + 1);
    const uint32_t base = first_cell - first_code;
    const uint32_t parent_cell = cell_of[node];
    links[parent_cell].base = base;
    for (const auto& [byte, child] : children[node]) {
      const uint32_t cell = base + code[byte];
      take(cell);
      links[cell].parent = parent_cell;
      cells_[cell].node = node_id[child];
      cell_of[child] = cell;
      queue.push_back(child);
    }
  }
  // Every base + class must be a cell: a leaf's base is 0 and reads cells
  // [0, classes); the largest base reads up to base + classes - 1.
  uint32_t end = classes;
  for (const Link& l : links) end = std::max(end, l.base + classes);
  links.resize(end);
  cells_.resize(end);
  // The walk's form: cell s's base at links_[2s], its parent at links_[2s + 1],
  // both as such indices (2 x cell), and classes doubled to match.
  links_.resize(2 * size_t{end});
  for (size_t c = 0; c < end; ++c) {
    links_[2 * c] = 2 * links[c].base;
    links_[2 * c + 1] = links[c].parent == kNoParent ? kNoParent : 2 * links[c].parent;
  }
  for (size_t b = 0; b < 256; ++b) link_code_[b] = 2 * uint32_t{code[b]};
}

size_t TermMatcher::memory_bytes() const {
  return pool_.size() + words_.size() * sizeof(Word) + variants_.size() * sizeof(Variant) +
         sizeof(link_code_) + cells_.size() * sizeof(Cell) +
         links_.size() * sizeof(uint32_t) +
         glob_outer_.size() * sizeof(uint32_t) +
         (exact_entry_.size() + glob_entry_.size()) * sizeof(Range) +
         pairs_.size() * sizeof(PairSlot) +
         pair_filter_.size() * sizeof(uint64_t);
}

const TermMatcher::Range* TermMatcher::FindPair(uint32_t first, uint32_t second) const {
  const uint64_t key = PairKey(first, second);
  const size_t hash = PairHash(key);
  const size_t bit = PairFilterBit(hash);
  if ((pair_filter_[bit >> 6] >> (bit & 63) & 1) == 0) return nullptr;
  size_t i = hash & pair_mask_;
  while (true) {
    const PairSlot& s = pairs_[i];
    if (s.key == key) return &s.variants;
    if (s.key == 0) return nullptr;
    i = (i + 1) & pair_mask_;
  }
}

namespace {

// True if the bytes [from, to) of `text` between two words are spaces and
// dashes only (IsSoftGap()), the usual single space found at once.
inline bool SoftGap(std::string_view text, size_t from, size_t to) {
  if (to - from == 1 && text[from] == ' ') return true;
  return IsSoftGap(text.substr(from, to - from));
}

}  // namespace

bool TermMatcher::Verify(const Variant& v, const Verifier& unit, size_t token) const {
  if (token + v.word_count > unit.token_count) return false;
  if (v.at_start && token != 0) return false;
  const WordToken* t = unit.tokens + token;
  const Word* word = words_.data() + v.first_word;
  // Case-insensitive words first: one integer test each, and the usual
  // reason a candidate fails. Then the gaps.
  if (!v.case_sensitive) {
    for (uint32_t w = v.checked_words; w < v.word_count; ++w) {
      if (t[w].term_word - word[w].code >= word[w].span) return false;
    }
  } else {
    for (uint32_t w = 0; w < v.word_count; ++w) {
      const uint32_t length = t[w].end - t[w].begin;
      if (word[w].glob ? length < word[w].length : length != word[w].length) return false;
      if (std::memcmp(unit.text.data() + t[w].begin, pool_.data() + word[w].offset,
                      word[w].length) != 0) {
        return false;
      }
    }
  }
  for (uint32_t w = std::max<uint32_t>(v.checked_words, 1); w < v.word_count; ++w) {
    if (!word[w].literal_gap) {
      if (!SoftGap(unit.text, t[w - 1].end, t[w].begin)) return false;
      continue;
    }
    std::string canonical = CanonicalGap(unit.text.substr(t[w - 1].end, t[w].begin - t[w - 1].end));
    if (canonical != std::string_view(pool_).substr(word[w].gap_offset, word[w].gap_length)) {
      return false;
    }
  }
  return true;
}

namespace {

// One step of a walk: if `links[child + 1]` (the child's parent) is `*cell`,
// moves `*cell` to `child` and returns 1, else returns 0. On x86-64 it is a
// compare and a conditional move: written in C++, GCC 12 makes the move a
// branch, mispredicted where each word leaves the trie, or a mask of five
// instructions and a test.
inline size_t MoveToChild(const uint32_t* links, size_t child, size_t* cell) {
#if defined(__GNUC__) && defined(__x86_64__)
  size_t moved = 0;
  asm("cmpl %k[cell], %[parent]\n\t"
      "sete %b[moved]\n\t"
      "cmove %[child], %[cell]"
      : [cell] "+r"(*cell), [moved] "+r"(moved)
      : [parent] "m"(links[child + 1]), [child] "r"(child)
      : "cc");
  return moved;
#else
  const size_t moved = links[child + 1] == *cell ? 1 : 0;
  if (moved != 0) *cell = child;
  return moved;
#endif
}

}  // namespace

// A walk is a chain of dependent loads, one per byte, that ends in a branch
// no predictor gets right (where the word leaves the trie): one word at a
// time, the core mostly waits. So four words walk side by side, one byte of
// each per round, and one branch per round serves all four. A walk that
// cannot move stays where it is, at the same byte, so it cannot move in a
// later round either: it needs no flag of its own, and how far it went is
// how far its byte pointer advanced. Every word ends at a 0 byte, and no
// cell has a child for 0.
void TermMatcher::Walk(const uint8_t* folded, WordToken* tokens, const uint32_t* which,
                       size_t count, uint32_t* word_index) const {
  const uint32_t* links = links_.data();
  const uint32_t* code = link_code_.data();
  // `cell` is a links_ index: 2 x the cell.
  auto step = [&](size_t* cell, const uint8_t** at) {
    const size_t moved = MoveToChild(links, size_t{links[*cell]} + code[**at], cell);
    *at += moved;
    return moved;
  };
  auto finish = [&](size_t i, size_t cell, const uint8_t* at) {
    WordToken& token = tokens[which[i]];
    const Cell& reached = cells_[cell / 2];
    const bool whole = at == folded + token.end;
    token.term_word = WordCode(reached.node, whole);
    word_index[which[i]] = IndexOf(reached, whole);
  };
  size_t i = 0;
  for (; i + 4 <= count; i += 4) {
    size_t c0 = 0, c1 = 0, c2 = 0, c3 = 0;  // the root
    const uint8_t* w0 = folded + tokens[which[i]].begin;
    const uint8_t* w1 = folded + tokens[which[i + 1]].begin;
    const uint8_t* w2 = folded + tokens[which[i + 2]].begin;
    const uint8_t* w3 = folded + tokens[which[i + 3]].begin;
    size_t moved = 1;
    while (moved != 0) {
      moved = step(&c0, &w0);
      moved |= step(&c1, &w1);
      moved |= step(&c2, &w2);
      moved |= step(&c3, &w3);
    }
    finish(i, c0, w0);
    finish(i + 1, c1, w1);
    finish(i + 2, c2, w2);
    finish(i + 3, c3, w3);
  }
  for (; i < count; ++i) {
    size_t cell = 0;
    const uint8_t* at = folded + tokens[which[i]].begin;
    while (step(&cell, &at) != 0) {
    }
    finish(i, cell, at);
  }
}

namespace {

// Per word length up to WordMemo::kMaxBytes: masks of the two halves of a
// key that keep `length` bytes in memory order, whatever the byte order of
// the machine (read from a run of ones then zeros).
struct KeyMask {
  uint64_t low, high;
};
std::array<KeyMask, WordMemo::kMaxBytes + 1> MakeKeyMasks() {
  uint8_t ones_then_zeros[32] = {};
  std::memset(ones_then_zeros, 0xFF, 16);
  std::array<KeyMask, WordMemo::kMaxBytes + 1> masks;
  for (size_t length = 0; length < masks.size(); ++length) {
    std::memcpy(&masks[length].low, ones_then_zeros + 16 - length, 8);
    std::memcpy(&masks[length].high, ones_then_zeros + 24 - length, 8);
  }
  return masks;
}
const std::array<KeyMask, WordMemo::kMaxBytes + 1> kKeyMasks = MakeKeyMasks();

// A word's key in the memo: its folded bytes, zero past its end. False if
// it is too long to have one. Reads 16 bytes from `word` (the folded buffer
// is padded for that).
inline bool MemoKey(const uint8_t* word, size_t length, uint64_t* low, uint64_t* high) {
  if (length > WordMemo::kMaxBytes) return false;
  std::memcpy(low, word, 8);
  std::memcpy(high, word + 8, 8);
  *low &= kKeyMasks[length].low;
  *high &= kKeyMasks[length].high;
  return true;
}

// The memo's sets as one Match() uses them.
struct MemoSets {
  WordMemo::Set* sets;
  int shift;  // 64 - log2 of the sets
  // The set of a key: the top bits of a multiplicative hash (every byte of
  // the key moves them).
  WordMemo::Set& Of(uint64_t low, uint64_t high) const {
    return sets[static_cast<size_t>(((low + high) * 0x9e3779b97f4a7c15ULL) >> shift)];
  }
};

// Calls add_word(begin, end) for every word of a text of `n` bytes: every
// run of its word bits. Walks the edges (bit changes) of the word bits,
// which alternate between a word's start and its end; the block holding bit
// n (0) ends the last word.
template <typename AddWord>
inline void ForEachWord(const uint64_t* word_bits, size_t n, AddWord add_word) {
  uint64_t carry = 0;
  size_t begin = 0;
  bool in_word = false;  // a word began in an earlier block
  for (size_t b = 0; b <= n / 64; ++b) {
    const uint64_t w = word_bits[b];
    uint64_t edges = w ^ ((w << 1) | carry);
    carry = w >> 63;
    const size_t base = b << 6;
    if (in_word && edges != 0) {
      add_word(begin, base | static_cast<size_t>(__builtin_ctzll(edges)));
      edges &= edges - 1;
      in_word = false;
    }
    while (edges != 0) {
      begin = base | static_cast<size_t>(__builtin_ctzll(edges));
      edges &= edges - 1;
      if (edges == 0) {
        in_word = true;
        break;
      }
      add_word(begin, base | static_cast<size_t>(__builtin_ctzll(edges)));
      edges &= edges - 1;
    }
  }
}

}  // namespace

// What the index scan carries from a word to the next.
struct TermMatcher::IndexScan {
  bool pair_first = false;  // the word before may start a two-word key
  uint32_t node = 0;        // the word before's node
  uint32_t end = 0;         // and its end
};

// Inlined into the word loop: a call there spills the loop's registers.
[[gnu::always_inline]] inline MatchScratch::TermCandidate* TermMatcher::IndexWord(
    std::string_view text, uint32_t token, const WordToken& word, uint32_t index,
    IndexScan* scan, MatchScratch::TermCandidate* out) const {
  if (index == 0) {  // no index entry can start at this word
    scan->pair_first = false;
    return out;
  }
  const uint32_t node = word.term_word >> 1;
  const uint32_t flags = index & 0xFF;
  if (flags & kExact) {
    const Range& r = exact_entry_[node];
    *out++ = {token, r.begin, r.end};
  }
  // A soft gap is checked only when a two-word key could start here.
  if ((flags & kPairSecond) && scan->pair_first && SoftGap(text, scan->end, word.begin)) {
    if (const Range* r = FindPair(scan->node, node)) *out++ = {token - 1, r->begin, r->end};
  }
  scan->pair_first = (flags & kPairFirst) != 0;
  scan->node = node;
  scan->end = word.end;
  for (uint32_t g = index >> 8; g != 0; g = glob_outer_[g]) {
    const Range& r = glob_entry_[g];
    *out++ = {token, r.begin, r.end};
  }
  return out;
}

size_t TermMatcher::FindWords(std::string_view text, const uint8_t* folded, size_t count,
                              MatchScratch* scratch) const {
  WordMemo& memo = scratch->word_memo;
  const uint32_t bits = std::clamp<uint32_t>(memo.bits, 1, 30);
  const size_t size = size_t{1} << bits;
  if (memo.owner != build_number_ || memo.sets.size() != size) {
    memo.sets.assign(size, WordMemo::Set{});
    memo.owner = build_number_;
  }
  const MemoSets sets{memo.sets.data(), 64 - static_cast<int>(bits)};
  // Sized once and written by index: no capacity test per word (and not
  // cleared first, which would zero every token). The others are only
  // grown, as every element read is written first.
  scratch->tokens.resize(count);
  if (scratch->word_index.size() < count) scratch->word_index.resize(count);
  if (scratch->walks.size() < count) scratch->walks.resize(count);
  WordToken* tokens = scratch->tokens.data();
  uint32_t* word_index = scratch->word_index.data();
  uint32_t* walks = scratch->walks.data();
  // Room for every candidate the words can yield, written through a
  // pointer (a push_back would reload the vector's ends after every store).
  if (scratch->candidates.size() < count * candidates_per_word_) {
    scratch->candidates.resize(count * candidates_per_word_);
  }
  MatchScratch::TermCandidate* const candidates = scratch->candidates.data();
  uint32_t t = 0;  // the next token
  size_t walk_count = 0;
  // Two loops, words then index: the index's tables and candidate list in
  // the word loop would crowd out its registers.
  ForEachWord(scratch->word_bits.data(), text.size(), [&](size_t begin, size_t end) {
    WordToken& token = tokens[t];
    token.begin = static_cast<uint32_t>(begin);
    token.end = static_cast<uint32_t>(end);
    uint64_t low, high;
    if (MemoKey(folded + begin, end - begin, &low, &high)) {
      WordMemo::Set& set = sets.Of(low, high);
      if (set.way[0].low == low && set.way[0].high == high) {
        token.term_word = set.way[0].term_word;
        word_index[t++] = set.way[0].index;
        return;
      }
      if (set.way[1].low == low && set.way[1].high == high) {
        token.term_word = set.way[1].term_word;
        word_index[t++] = set.way[1].index;
        std::swap(set.way[0], set.way[1]);  // the word used last first
        return;
      }
    }
    walks[walk_count++] = t++;
  });
  if (walk_count != 0) {
    Walk(folded, tokens, walks, walk_count, word_index);
    for (size_t i = 0; i < walk_count; ++i) {
      const WordToken& token = tokens[walks[i]];
      uint64_t low, high;
      if (!MemoKey(folded + token.begin, token.end - token.begin, &low, &high)) continue;
      WordMemo::Set& set = sets.Of(low, high);
      if (set.way[0].low == low && set.way[0].high == high) continue;  // walked twice in this unit
      set.way[1] = set.way[0];
      set.way[0] = WordMemo::Entry{low, high, token.term_word, word_index[walks[i]]};
    }
  }
  IndexScan scan;
  MatchScratch::TermCandidate* out = candidates;
  for (uint32_t k = 0; k < count; ++k) out = IndexWord(text, k, tokens[k], word_index[k], &scan, out);
  return static_cast<size_t>(out - candidates);
}

void TermMatcher::Match(std::string_view text, MatchScratch* scratch,
                        std::vector<Hit>* hits) const {
  const size_t n = text.size();
  scratch->folded.resize(FoldedBufferSize(n));
  scratch->word_bits.assign(BitWords(n), 0);
  std::vector<WordToken>& tokens = scratch->tokens;
  const size_t word_count = FoldText(text, scratch->folded.data(), scratch->word_bits.data());

  // The words, which term word each is or starts with, and the index
  // entries they hit.
  if (!built_ || variants_.empty()) {
    tokens.clear();
    ForEachWord(scratch->word_bits.data(), n, [&](size_t begin, size_t end) {
      tokens.push_back(WordToken{static_cast<uint32_t>(begin), static_cast<uint32_t>(end), 0});
    });
    return;
  }
  const size_t candidate_count =
      FindWords(text, reinterpret_cast<const uint8_t*>(scratch->folded.data()), word_count, scratch);

  // The candidates' other words and gaps. (The tokens as locals: `hits`
  // could alias the vector, so its size would be read again per variant.)
  const WordToken* const words = tokens.data();
  const size_t word_total = tokens.size();
  const Variant* const variants = variants_.data();
  const Verifier verifier{text, words, word_total};
  const MatchScratch::TermCandidate* const candidates = scratch->candidates.data();
  for (size_t c = 0; c < candidate_count; ++c) {
    const auto [token, begin, end] = candidates[c];
    for (uint32_t k = begin; k < end; ++k) {
      const Variant& v = variants[k];
      if (v.found_by_index) {  // what Verify() would say, without the call
        if (!v.at_start || token == 0) {
          hits->push_back(Hit{v.pattern, words[token].begin, words[token + v.word_count - 1].end});
        }
        continue;
      }
      const size_t next = token + v.checked_words;
      if (v.next_span != 0 &&
          (next >= word_total || words[next].term_word - v.next_code >= v.next_span)) {
        continue;
      }
      if (!Verify(v, verifier, token)) continue;
      hits->push_back(Hit{v.pattern, words[token].begin, words[token + v.word_count - 1].end});
    }
  }
}

}  // namespace gapmap
