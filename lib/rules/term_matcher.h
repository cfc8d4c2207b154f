// TermMatcher: finds every occurrence of every term of a rule set in one
// scan over a unit's words.
//
// How: the text is cut into words (word_scan.h) while a case-folded copy is
// written. Every distinct word of every term (and every glob prefix) is a
// node of one byte trie over folded text, laid out as a double array small
// enough for the fast caches. Each word of the unit walks the trie until its
// bytes leave it (four words side by side, since a walk is a chain of
// dependent loads), so a word costs a few table loads and no hashing; a word
// the scratch's memo of recent words knows (word_memo.h: "the", "of",
// "trafficking") is not walked at all. Where the walk ends names the word
// exactly: "the word is term word N" (it ended on N having used every byte)
// or "the word starts with glob prefix P" (the walk ended in P's subtree;
// nodes are numbered in depth-first order, so a subtree is a range of
// numbers). That code is kept per word, so checking a phrase's
// words is one integer range test per word, not a string compare.
//
// Terms are indexed by their first word (an exact word or a glob prefix), or
// by their first two words when both are plain and a soft gap joins them
// (common first words like "the" or "united" then cost nothing unless the
// second word follows). A hit of an index entry yields candidate terms whose
// remaining words and gaps are verified. Case-sensitive terms are indexed by
// their folded form and verified against the raw bytes. Spans come for
// free: they are word boundaries.
//
// The meaning of a term is defined by TermToRegex() (term.h); the property
// test holds this matcher to it. Immutable after Build(); Match() is const
// and thread-safe given a scratch per thread.
#ifndef GAPMAP_RULES_TERM_MATCHER_H_
#define GAPMAP_RULES_TERM_MATCHER_H_

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "lib/core/status.h"
#include "lib/rules/match_types.h"
#include "lib/rules/term.h"

namespace gapmap {

class TermMatcher {
 public:
  // Adds every variant of `term`, reporting hits as `pattern`. Not after Build().
  void Add(const Term& term, uint32_t pattern);
  // Fails only when the terms' words have more than 2^24 distinct prefixes.
  Status Build();

  // Cuts `text` into scratch->tokens and appends an unsorted hit for every
  // occurrence of every term (possibly several per term and start word:
  // NormalizeHits keeps the longest).
  void Match(std::string_view text, MatchScratch* scratch, std::vector<Hit>* hits) const;

  size_t variant_count() const { return variants_.size(); }
  // Bytes of the lookup structures (for `rules check`).
  size_t memory_bytes() const;

 private:
  // One word of a variant, with the gap before it (none for the first).
  struct Word {
    // Case-insensitive variants: the word codes (WordToken::term_word) that
    // match, [code, code + span).
    uint32_t code = 0, span = 0;
    uint32_t offset = 0, length = 0;  // the word in pool_ (case-sensitive compare)
    bool glob = false;
    bool literal_gap = false;  // else the gap is spaces/dashes
    uint32_t gap_offset = 0, gap_length = 0;  // literal gap text in pool_
  };
  struct Variant {
    uint32_t pattern = 0;
    bool case_sensitive = false;
    bool at_start = false;
    uint8_t checked_words = 0;  // leading words known to match when its index entry hits
    // Every word (and gap) is checked by the index: its entry's hit is a
    // hit of the variant (but for at_start), no Verify() needed.
    bool found_by_index = false;
    uint32_t first_word = 0, word_count = 0;  // in words_
    // The code range of the first word not checked by the index (words_),
    // here so that most candidates fail on the variant alone; span 0: none.
    uint32_t next_code = 0, next_span = 0;
  };
  // What Verify() reads of the unit.
  struct Verifier {
    std::string_view text;
    const WordToken* tokens;
    size_t token_count;
  };
  // Until Build(): how a variant is indexed, by folded words.
  enum class KeyKind : uint8_t { kExact, kGlob, kPair };
  struct PendingKey {
    KeyKind kind = KeyKind::kExact;
    std::string first, second;  // folded
  };
  struct Range {
    uint32_t begin = 0, end = 0;  // in variants_
  };
  struct PairSlot {
    uint64_t key = 0;  // first node << 32 | second node; 0: empty
    Range variants;
  };

  bool Verify(const Variant& v, const Verifier& unit, size_t token) const;
  // Cuts the text (its word bits in scratch, `count` words) into
  // scratch->tokens, sets each one's term_word: from the memo where it knows
  // the word, else by a walk (which the memo then learns), and lists the
  // index entries the words hit at the front of scratch->candidates.
  // Returns how many those are.
  size_t FindWords(std::string_view text, const uint8_t* folded, size_t count,
                   MatchScratch* scratch) const;
  struct IndexScan;
  // Writes the index entries word `token` (of word index `index`) hits from
  // `out` on; returns the end of what it wrote.
  MatchScratch::TermCandidate* IndexWord(std::string_view text, uint32_t token,
                                         const WordToken& word, uint32_t index, IndexScan* scan,
                                         MatchScratch::TermCandidate* out) const;
  // Walks the tokens listed in `which` (`count` of them): sets their
  // term_word and word_index.
  void Walk(const uint8_t* folded, WordToken* tokens, const uint32_t* which, size_t count,
            uint32_t* word_index) const;
  // Lays the trie out in links_ and cells_ (children: the build-time trie;
  // node_id: each node's depth-first number; code: folded byte -> class, 0
  // for bytes in no term word, `classes` of them) and sets link_code_.
  void PackCells(const std::vector<std::map<uint8_t, uint32_t>>& children,
                 const std::vector<uint32_t>& node_id, const std::array<uint8_t, 256>& code,
                 uint32_t classes);
  // Copies each node's flags and nearest glob prefix into its cell.
  void FillCells(const std::vector<uint8_t>& flags, const std::vector<uint32_t>& glob_up);
  // The variants indexed by the two words, null if none.
  const Range* FindPair(uint32_t first, uint32_t second) const;

  // Variants, grouped by index entry after Build(); their words and the text
  // of their words and literal gaps.
  std::vector<Variant> variants_;
  std::vector<Word> words_;
  std::string pool_;
  std::vector<PendingKey> pending_;  // per variant, until Build()

  // The trie, walked as a double array: the node at cell s has its child by
  // byte class c at cell t = base(s) + c if parent(t) == s, else none. Root
  // at cell 0. Cells hold only the nodes (plus the few gaps the packing
  // leaves), so the table stays in the fast caches, where a row of every
  // class per node (~256 bytes) did not: a walk is a chain of dependent
  // loads, one per byte. The walk reads links_ alone: 8 bytes per cell,
  // base(s) at links_[2s] and parent(s) at links_[2s + 1], both stored
  // doubled (as links_ indices) so that no step multiplies.
  std::vector<uint32_t> links_;
  std::array<uint32_t, 256> link_code_{};  // folded byte -> 2 x its class (0: in no term word)
  // Per cell, what the index lookup after the walk needs of the word's
  // node (as a word index, IndexOf()), so that it reads one cell, not three
  // arrays.
  struct Cell {
    uint32_t node = 0;         // its node's depth-first number
    uint32_t glob_up : 24;     // nearest glob prefix node at or above it, 0: none
    uint32_t flags : 8;        // NodeFlag bits
    Cell() : glob_up(0), flags(0) {}
  };
  // A word's index (MatchScratch::word_index): the flags of the node it
  // spells if it spells one whole (else 0) in the low 8 bits, the nearest
  // glob prefix at or above where its walk ended in the others.
  static uint32_t IndexOf(const Cell& cell, bool whole) {
    return (whole ? cell.flags : 0) | cell.glob_up << 8;
  }
  static constexpr uint32_t kNoParent = ~uint32_t{0};  // a free cell
  static constexpr size_t kMaxNodes = size_t{1} << 24;  // Cell::glob_up's range
  std::vector<Cell> cells_;
  std::vector<uint32_t> glob_outer_;  // per glob node: the next glob prefix node above it, 0: none
  // Per node: the variants of its index entry (if flagged), read where a
  // word hits it, with no table of entries between (one cache miss less).
  std::vector<Range> exact_entry_, glob_entry_;
  std::vector<PairSlot> pairs_;       // open addressing by first two words
  uint64_t pair_mask_ = 0;
  // One bit per pair hash (kPairFilterBits of them): most word pairs that
  // could start a two-word key do not (two in three on the ICAT report), and
  // this small filter says so without a probe into pairs_, which misses the
  // cache.
  static constexpr size_t kPairFilterBits = size_t{1} << 15;  // PairFilterBit()'s range
  std::vector<uint64_t> pair_filter_;
  uint32_t candidates_per_word_ = 2;  // the most index entries one word can hit
  bool built_ = false;
  uint64_t build_number_ = 0;  // names these tables to a WordMemo (WordMemo::owner)
};

}  // namespace gapmap

#endif  // GAPMAP_RULES_TERM_MATCHER_H_
