// TermMatcher: finds every occurrence of every term of a rule set in one
// scan over a unit's words.
//
// How: the text is cut into words (word_scan.h) while a case-folded copy is
// written. At the end of each word, a 64 Kbit filter indexed by (length,
// first two letters) says whether any term could start with this word, or
// with a prefix of it at a length some `*` glob needs; only then is the
// word (or prefix) hashed, 8 bytes at a time, and looked up in one
// open-addressing table behind a second filter. Most words cost a couple of
// bit tests and no hashing. Case-sensitive terms are indexed by their folded
// form and checked for case when verified. Terms are indexed by their first word; a table hit
// yields candidate terms whose remaining words and gaps are then verified
// byte by byte. Spans come for free: they are word boundaries.
//
// The meaning of a term is defined by TermToRegex() (term.h); the property
// test holds this matcher to it. Immutable after Build(); Match() is const
// and thread-safe given a scratch per thread.
#ifndef GAPMAP_RULES_TERM_MATCHER_H_
#define GAPMAP_RULES_TERM_MATCHER_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lib/rules/match_types.h"
#include "lib/rules/term.h"

namespace gapmap {

class TermMatcher {
 public:
  // Adds every variant of `term`, reporting hits as `pattern`. Not after Build().
  void Add(const Term& term, uint32_t pattern);
  void Build();

  // Cuts `text` into scratch->tokens and appends an unsorted hit for every
  // occurrence of every term (at most one per term and start word: the longest).
  void Match(std::string_view text, MatchScratch* scratch, std::vector<Hit>* hits) const;

  size_t variant_count() const { return variants_.size(); }
  // Bytes of the lookup structures (for `rules check`).
  size_t memory_bytes() const;

 private:
  struct Word {
    uint32_t offset = 0, length = 0;  // in pool_
    bool glob = false;
  };
  struct Gap {
    bool literal = false;
    uint32_t offset = 0, length = 0;  // literal text in pool_
  };
  struct Variant {
    uint32_t pattern = 0;
    bool case_sensitive = false;
    bool at_start = false;
    uint32_t first_word = 0, word_count = 0;
    uint32_t first_gap = 0;
  };
  struct Slot {
    uint64_t key = 0;
    uint32_t begin = 0, end = 0;  // range in variant_ids_
  };

  bool Verify(const Variant& v, std::string_view text, const MatchScratch& scratch,
              size_t token) const;
  int FindSlot(uint64_t key) const;

  std::string pool_;
  std::vector<Word> words_;
  std::vector<Gap> gaps_;
  std::vector<Variant> variants_;
  std::vector<uint64_t> keys_;  // per variant: its first word's key
  std::vector<uint32_t> variant_ids_;
  std::vector<Slot> table_;
  uint64_t table_mask_ = 0;
  int table_shift_ = 60;
  std::vector<uint64_t> filter_;       // 64 Kbit, by key
  std::vector<uint8_t> roles_;       // role bits by (length, first two bytes)
  std::vector<uint32_t> pair_bits_;  // (role index << 4 | role) per word to index, until Build()
  // Bit l: some glob prefix of length l (< 32) starts with these two letters
  // (each reduced to 5 bits); longer glob prefixes are listed apart.
  std::array<uint32_t, 1024> glob_lengths_by_pair_{};
  std::vector<uint32_t> long_glob_lengths_;
  bool built_ = false;
};

}  // namespace gapmap

#endif  // GAPMAP_RULES_TERM_MATCHER_H_
