// WordMemo: what the term matcher's trie walk found for words it walked
// lately, so that a frequent word ("the", "of", "trafficking") is looked up,
// not walked again.
//
// Why: a walk costs a dependent load per byte of the word, and four words
// walk side by side as long as the longest of them; a memo lookup costs one
// independent load and a compare. What a walk finds is a function of the
// word's folded bytes alone, so an entry, found by those bytes exactly, gives
// what a walk would: the matcher's results are the same with or without it.
//
// The memo is bounded and two-way set associative: a word has a set of two
// entries by its hash, the one used last first; a new word takes the first,
// and the word there moves to the second, dropping the one before. It is per
// thread: it lives in MatchScratch, as Match() is const and runs
// concurrently. Only words of at most kMaxBytes bytes are memoised,
// their folded bytes as two 64-bit halves, zero past the word's end (no word
// holds a 0 byte, so the halves are the word and its length).
#ifndef GAPMAP_RULES_WORD_MEMO_H_
#define GAPMAP_RULES_WORD_MEMO_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace gapmap {

struct WordMemo {
  static constexpr size_t kMaxBytes = 16;
  struct Entry {
    uint64_t low = 0, high = 0;  // the word's folded bytes; both 0: empty
    uint32_t term_word = 0;      // WordToken::term_word
    uint32_t index = 0;          // MatchScratch::word_index
  };
  // A set is one cache line, so that a lookup touches one line: padded from
  // 48 bytes, where every other set lay across two lines.
  struct alignas(64) Set {
    Entry way[2];  // the one used last first
  };
  std::vector<Set> sets;  // 2^bits of them
  uint64_t owner = 0;     // the TermMatcher (build number) they are of; 0: none
  // log2 of the sets; tests make it small to force evictions.
  uint32_t bits = 12;
};

}  // namespace gapmap

#endif  // GAPMAP_RULES_WORD_MEMO_H_
