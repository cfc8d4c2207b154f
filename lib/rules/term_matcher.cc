#include "lib/rules/term_matcher.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <map>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "lib/rules/word_scan.h"

namespace gapmap {
namespace {

constexpr int kFilterBits = 16;

// A word's key: a hash of its case-folded bytes, 8 at a time (the buffer is
// padded, so the last chunk is read whole and masked). A glob's key is
// salted so that "traffic*" and "traffic" differ. Case-sensitive terms are
// indexed by their folded form too; Verify() compares their raw bytes, so
// one hash per word serves both.
constexpr uint64_t kGlobSalt = 0x9e3779b97f4a7c15ULL;
constexpr size_t kPad = 8;

inline uint64_t Load8(const char* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// `p` must be readable for len rounded up to 8 bytes.
inline uint64_t HashWord(const char* p, size_t len) {
  uint64_t h = 0x2545f4914f6cdd1dULL ^ (len * 0xc2b2ae3d27d4eb4fULL);
  size_t i = 0;
  for (; i + 8 <= len; i += 8) {
    h = (h ^ Load8(p + i)) * 0xff51afd7ed558ccdULL;
    h ^= h >> 32;
  }
  if (i < len) {
    uint64_t mask = ~uint64_t{0} >> (8 * (8 - (len - i)));
    h = (h ^ (Load8(p + i) & mask)) * 0xff51afd7ed558ccdULL;
  }
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 29;
  return h == 0 ? 1 : h;  // 0 marks an empty slot
}

inline uint32_t FilterBit(uint64_t key) { return static_cast<uint32_t>(key >> 20) & 0xFFFF; }

// The roles a word can play, as bits of the pre-filter's entries.
enum FilterRole : uint8_t {
  kFirstExact = 1,  // a term's first word is this word
  kFirstGlob = 2,   // a term's first word is a glob with this prefix
  kPairFirst = 4,   // the first of two words a term is indexed by
  kPairSecond = 8,  // the second of those two words
};

// The pre-filter: one byte of role bits per (length, first two bytes), so a
// word costs one lookup before any hashing.
constexpr size_t kRoleBits = 15;
inline uint32_t RoleIndex(size_t length, uint8_t f0, uint8_t f1) {
  uint32_t x = static_cast<uint32_t>(length) * 0x9E3779B1u + f0 * 0x85EBCA77u + f1 * 0xC2B2AE3Du;
  return (x ^ (x >> 15)) & ((1u << kRoleBits) - 1);
}

// The key of a variant indexed by its first two words.
inline uint64_t PairKey(uint64_t first, uint64_t second) {
  uint64_t k = (first * 0x9e3779b97f4a7c15ULL) ^ second;
  k ^= k >> 31;
  k *= 0xbf58476d1ce4e5b9ULL;
  k ^= k >> 29;
  k ^= 0x94d049bb133111ebULL;
  return k == 0 ? 1 : k;
}

// Per ASCII byte: 0 other, 1 space/dash (soft), 2 word. The folded byte.
struct AsciiTables {
  std::array<uint8_t, 128> kind{};
  std::array<uint8_t, 128> lower{};
};
constexpr AsciiTables MakeTables() {
  AsciiTables t{};
  for (int c = 0; c < 128; ++c) {
    bool word = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    bool soft = c == ' ' || (c >= 0x09 && c <= 0x0D) || c == '-';
    t.kind[c] = word ? 2 : (soft ? 1 : 0);
    t.lower[c] = static_cast<uint8_t>((c >= 'A' && c <= 'Z') ? c + 32 : c);
  }
  return t;
}
constexpr AsciiTables kTables = MakeTables();

void WriteFolded(char32_t cp, size_t len, char* out) {
  // `cp` folded keeps its UTF-8 length (word_scan.h); only 2-byte forms change.
  if (len == 2) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
  }
}

uint64_t HashString(const std::string& s) {
  std::string padded = s + std::string(kPad, '\0');
  return HashWord(padded.data(), s.size());
}

inline bool TestBit(const uint64_t* bits, uint32_t bit) {
  return (bits[bit >> 6] & (uint64_t{1} << (bit & 63))) != 0;
}
inline void SetBit(std::vector<uint64_t>* bits, uint32_t bit) {
  (*bits)[bit >> 6] |= uint64_t{1} << (bit & 63);
}

}  // namespace

void TermMatcher::Add(const Term& term, uint32_t pattern) {
  for (const TermVariant& v : ExpandVariants(term)) {
    Variant var;
    var.pattern = pattern;
    var.case_sensitive = term.case_sensitive;
    var.at_start = term.at_start;
    var.first_word = static_cast<uint32_t>(words_.size());
    var.word_count = static_cast<uint32_t>(v.words.size());
    var.first_gap = static_cast<uint32_t>(gaps_.size());
    for (const TermWord& w : v.words) {
      words_.push_back(Word{static_cast<uint32_t>(pool_.size()),
                            static_cast<uint32_t>(w.text.size()), w.glob});
      pool_ += w.text;
    }
    for (const TermGap& g : v.gaps) {
      Gap gap;
      gap.literal = g.kind == TermGapKind::kLiteral;
      if (gap.literal) {
        gap.offset = static_cast<uint32_t>(pool_.size());
        gap.length = static_cast<uint32_t>(g.literal.size());
        pool_ += g.literal;
      }
      gaps_.push_back(gap);
    }
    const TermWord& first = v.words[0];
    const std::string folded = term.case_sensitive ? FoldCase(first.text) : first.text;
    auto filter_bit = [](FilterRole role, const std::string& w) -> uint32_t {
      return (RoleIndex(w.size(), static_cast<uint8_t>(w[0]),
                        w.size() > 1 ? static_cast<uint8_t>(w[1]) : 0)
              << 4) |
             role;
    };
    // Phrases starting with two plain words joined by spaces/dashes are indexed
    // by both words: common first words ("has", "the") then cost nothing
    // unless the second word follows.
    if (v.words.size() >= 2 && !first.glob && !v.words[1].glob && !v.gaps[0].kind_is_literal()) {
      const std::string second =
          term.case_sensitive ? FoldCase(v.words[1].text) : v.words[1].text;
      keys_.push_back(PairKey(HashString(folded), HashString(second)));
      pair_bits_.push_back(filter_bit(kPairFirst, folded));
      pair_bits_.push_back(filter_bit(kPairSecond, second));
      variants_.push_back(var);
      continue;
    }
    uint64_t key = HashString(folded);
    if (first.glob) {
      key ^= kGlobSalt;
      if (key == 0) key = 1;
      const size_t l = folded.size();
      if (l < 32) {
        // Which glob lengths start with these two letters (a one-letter glob
        // starts with any second letter).
        const uint8_t f0 = static_cast<uint8_t>(folded[0]);
        for (int f1 = 0; f1 < 32; ++f1) {
          if (l > 1 && f1 != (static_cast<uint8_t>(folded[1]) & 0x1F)) continue;
          glob_lengths_by_pair_[((f0 & 0x1F) << 5) | f1] |= uint32_t{1} << l;
        }
      } else if (std::find(long_glob_lengths_.begin(), long_glob_lengths_.end(), l) ==
                 long_glob_lengths_.end()) {
        long_glob_lengths_.push_back(static_cast<uint32_t>(l));
      }
    }
    keys_.push_back(key);
    pair_bits_.push_back(filter_bit(first.glob ? kFirstGlob : kFirstExact, folded));
    variants_.push_back(var);
  }
}

void TermMatcher::Build() {
  // Group variants by key, in the order they were added (deterministic).
  std::map<uint64_t, std::vector<uint32_t>> groups;
  for (uint32_t v = 0; v < variants_.size(); ++v) groups[keys_[v]].push_back(v);
  size_t capacity = 16;
  int bits = 4;
  while (capacity < groups.size() * 2) {
    capacity *= 2;
    ++bits;
  }
  table_.assign(capacity, Slot{});
  table_mask_ = capacity - 1;
  table_shift_ = 64 - bits;
  filter_.assign((size_t{1} << kFilterBits) / 64, 0);
  roles_.assign(size_t{1} << kRoleBits, 0);
  for (uint32_t entry : pair_bits_) roles_[entry >> 4] |= static_cast<uint8_t>(entry & 0xF);
  std::sort(long_glob_lengths_.begin(), long_glob_lengths_.end());
  variant_ids_.clear();
  for (const auto& [key, ids] : groups) {
    size_t i = key >> table_shift_;
    while (table_[i].key != 0) i = (i + 1) & table_mask_;
    table_[i].key = key;
    table_[i].begin = static_cast<uint32_t>(variant_ids_.size());
    variant_ids_.insert(variant_ids_.end(), ids.begin(), ids.end());
    table_[i].end = static_cast<uint32_t>(variant_ids_.size());
    SetBit(&filter_, FilterBit(key));
  }
  built_ = true;
}

size_t TermMatcher::memory_bytes() const {
  return pool_.size() + words_.size() * sizeof(Word) + gaps_.size() * sizeof(Gap) +
         variants_.size() * sizeof(Variant) + variant_ids_.size() * sizeof(uint32_t) +
         table_.size() * sizeof(Slot) + filter_.size() * sizeof(uint64_t) + roles_.size();
}

int TermMatcher::FindSlot(uint64_t key) const {
  if (!TestBit(filter_.data(), FilterBit(key))) return -1;
  size_t i = key >> table_shift_;
  while (true) {
    const Slot& s = table_[i];
    if (s.key == key) return static_cast<int>(i);
    if (s.key == 0) return -1;
    i = (i + 1) & table_mask_;
  }
}

bool TermMatcher::Verify(const Variant& v, std::string_view text, const MatchScratch& scratch,
                         size_t token) const {
  const auto& tokens = scratch.tokens;
  if (token + v.word_count > tokens.size()) return false;
  if (v.at_start && token != 0) return false;
  const char* source = v.case_sensitive ? text.data() : scratch.folded.data();
  for (uint32_t w = 0; w < v.word_count; ++w) {
    const WordToken& t = tokens[token + w];
    if (w > 0) {
      const Gap& gap = gaps_[v.first_gap + w - 1];
      if (!gap.literal) {
        if (!t.soft_before) return false;
      } else {
        const WordToken& prev = tokens[token + w - 1];
        std::string canonical = CanonicalGap(text.substr(prev.end, t.begin - prev.end));
        if (canonical != std::string_view(pool_).substr(gap.offset, gap.length)) return false;
      }
    }
    const Word& word = words_[v.first_word + w];
    uint32_t length = t.end - t.begin;
    if (word.glob ? length < word.length : length != word.length) return false;
    if (std::memcmp(source + t.begin, pool_.data() + word.offset, word.length) != 0) return false;
  }
  return true;
}

namespace {

inline void SetBits(uint64_t* bits, size_t pos, uint64_t mask) {
  if (mask == 0) return;
  size_t word = pos >> 6, shift = pos & 63;
  bits[word] |= mask << shift;
  if (shift != 0) bits[word + 1] |= mask >> (64 - shift);
}

inline void SetRange(uint64_t* bits, size_t pos, size_t len) {
  SetBits(bits, pos, (len >= 64 ? ~uint64_t{0} : (uint64_t{1} << len) - 1));
}

// Index of the first bit at or after `pos` that is 1 (`set`) or 0, or `limit`.
inline size_t NextBit(const uint64_t* bits, size_t pos, size_t limit, bool set) {
  while (pos < limit) {
    size_t word = pos >> 6;
    uint64_t v = set ? bits[word] : ~bits[word];
    v &= ~uint64_t{0} << (pos & 63);
    if (v != 0) {
      size_t found = (word << 6) + static_cast<size_t>(__builtin_ctzll(v));
      return found < limit ? found : limit;
    }
    pos = (word + 1) << 6;
  }
  return limit;
}

// Any bit set in [from, to)?
inline bool AnyBit(const uint64_t* bits, size_t from, size_t to) {
  while (from < to) {
    size_t word = from >> 6;
    uint64_t v = bits[word] & (~uint64_t{0} << (from & 63));
    size_t end = (word + 1) << 6;
    if (to < end) v &= (uint64_t{1} << (to & 63)) - 1;
    if (v != 0) return true;
    from = end;
  }
  return false;
}

// Pass 1: classify every byte of `text` into word / other (punctuation) bits
// and write the case-folded copy. Spaces and dashes get neither bit.
void Classify(std::string_view text, char* folded, uint64_t* word_bits, uint64_t* other_bits) {
  const size_t n = text.size();
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  size_t i = 0;
  while (i < n) {
#if defined(__SSE2__)
    if (i + 16 <= n) {
      __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      if (_mm_movemask_epi8(x) == 0) {  // all ASCII: signed compares are safe
        auto in = [&](__m128i v, char lo, char hi) {
          return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(lo - 1))),
                               _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(hi + 1))));
        };
        __m128i upper = in(x, 'A', 'Z');
        __m128i lower = _mm_or_si128(x, _mm_and_si128(upper, _mm_set1_epi8(0x20)));
        _mm_storeu_si128(reinterpret_cast<__m128i*>(folded + i), lower);
        __m128i word = _mm_or_si128(in(lower, 'a', 'z'), in(x, '0', '9'));
        __m128i soft = _mm_or_si128(
            _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')), in(x, 0x09, 0x0D)),
            _mm_cmpeq_epi8(x, _mm_set1_epi8('-')));
        uint64_t w = static_cast<uint32_t>(_mm_movemask_epi8(word));
        uint64_t s = static_cast<uint32_t>(_mm_movemask_epi8(soft));
        SetBits(word_bits, i, w);
        SetBits(other_bits, i, ~(w | s) & 0xFFFF);
        i += 16;
        continue;
      }
    }
#endif
    uint8_t c = p[i];
    if (c < 0x80) {
      uint8_t k = kTables.kind[c];
      folded[i] = static_cast<char>(kTables.lower[c]);
      if (k == 2) {
        word_bits[i >> 6] |= uint64_t{1} << (i & 63);
      } else if (k == 0) {
        other_bits[i >> 6] |= uint64_t{1} << (i & 63);
      }
      ++i;
      continue;
    }
    char32_t cp;
    size_t len = DecodeAt(text, i, &cp);
    std::memcpy(folded + i, text.data() + i, len);
    CharClass cls = ClassifyCodePoint(cp);
    if (cls == CharClass::kWord) {
      if (len == 2) {
        char32_t f = FoldCodePoint(cp);
        if (f != cp) WriteFolded(f, 2, folded + i);
      }
      SetRange(word_bits, i, len);
    } else if (cls == CharClass::kOther) {
      SetRange(other_bits, i, len);
    }
    i += len;
  }
}

}  // namespace

void TermMatcher::Match(std::string_view text, MatchScratch* scratch,
                        std::vector<Hit>* hits) const {
  const size_t n = text.size();
  scratch->folded.resize(n + 16);  // HashWord reads whole 8-byte chunks
  std::memset(scratch->folded.data() + n, 0, 16);
  const size_t words64 = n / 64 + 2;
  scratch->word_bits.assign(words64, 0);
  scratch->other_bits.assign(words64, 0);
  scratch->tokens.clear();
  scratch->candidates.clear();
  char* folded = scratch->folded.data();
  const uint64_t* word_bits = scratch->word_bits.data();
  const uint64_t* other_bits = scratch->other_bits.data();
  Classify(text, folded, scratch->word_bits.data(), scratch->other_bits.data());

  const bool any_terms = built_ && !variants_.empty();
  const uint8_t* roles = roles_.data();
  auto probe_at = [&](size_t token, uint64_t key) {
    int slot = FindSlot(key);
    if (slot >= 0) {
      scratch->candidates.emplace_back(static_cast<uint32_t>(token), static_cast<uint32_t>(slot));
    }
  };
  auto probe = [&](uint64_t key) { probe_at(scratch->tokens.size(), key); };

  // Pass 2: every run of word bits is a word.
  size_t pos = 0, previous_end = 0;
  bool previous_pair_first = false;  // the previous word may start a two-word key
  uint64_t previous_hash = 0;
  while (true) {
    const size_t begin = NextBit(word_bits, pos, n, true);
    if (begin >= n) break;
    const size_t end = NextBit(word_bits, begin, n, false);
    const bool soft = !scratch->tokens.empty() && !AnyBit(other_bits, previous_end, begin);
    if (any_terms) {
      const size_t length = end - begin;
      const char* w = folded + begin;
      const uint8_t f0 = static_cast<uint8_t>(w[0]);
      const uint8_t f1 = length > 1 ? static_cast<uint8_t>(w[1]) : 0;
      uint64_t hash = 0;
      bool hashed = false;
      auto word_hash = [&]() {
        if (!hashed) {
          hash = HashWord(w, length);
          hashed = true;
        }
        return hash;
      };
      auto probe_glob = [&](uint32_t l) {
        if ((roles[RoleIndex(l, f0, l > 1 ? f1 : 0)] & kFirstGlob) == 0) return;
        uint64_t key = HashWord(w, l) ^ kGlobSalt;
        probe(key == 0 ? 1 : key);
      };
      // Only the glob lengths some glob starting with these letters has.
      uint32_t lengths = glob_lengths_by_pair_[((f0 & 0x1F) << 5) | (f1 & 0x1F)];
      if (length < 31) lengths &= (uint32_t{2} << length) - 1;
      while (lengths != 0) {
        probe_glob(static_cast<uint32_t>(__builtin_ctz(lengths)));
        lengths &= lengths - 1;
      }
      for (uint32_t l : long_glob_lengths_) {
        if (l > length) break;
        probe_glob(l);
      }
      const uint8_t role = roles[RoleIndex(length, f0, f1)];
      if (role & kFirstExact) probe(word_hash());
      if (previous_pair_first && soft && (role & kPairSecond)) {
        probe_at(scratch->tokens.size() - 1, PairKey(previous_hash, word_hash()));
      }
      previous_pair_first = (role & kPairFirst) != 0;
      if (previous_pair_first) previous_hash = word_hash();
    }
    scratch->tokens.push_back(
        WordToken{static_cast<uint32_t>(begin), static_cast<uint32_t>(end), soft});
    previous_end = end;
    pos = end;
  }

  for (const auto& [token, slot] : scratch->candidates) {
    const Slot& s = table_[slot];
    for (uint32_t k = s.begin; k < s.end; ++k) {
      const Variant& v = variants_[variant_ids_[k]];
      if (!Verify(v, text, *scratch, token)) continue;
      const WordToken& last = scratch->tokens[token + v.word_count - 1];
      hits->push_back(Hit{v.pattern, scratch->tokens[token].begin, last.end});
    }
  }
}

}  // namespace gapmap
