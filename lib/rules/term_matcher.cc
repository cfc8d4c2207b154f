#include "lib/rules/term_matcher.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <map>

#include "lib/rules/word_scan.h"

namespace gapmap {
namespace {

constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001b3ULL;
constexpr int kFilterBits = 16;

enum KeyKind : uint64_t { kExactFolded = 0, kExactRaw = 1, kGlobFolded = 2, kGlobRaw = 3 };

inline uint64_t Mix(uint64_t x) {
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x | 1;  // never 0: 0 marks an empty slot
}

inline uint64_t Key(uint64_t hash, uint64_t kind, uint64_t length) {
  return Mix(hash ^ (kind * 0x9e3779b97f4a7c15ULL) ^ (length << 40));
}

uint64_t Fnv(std::string_view s) {
  uint64_t h = kFnvOffset;
  for (unsigned char c : s) h = (h ^ c) * kFnvPrime;
  return h;
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

}  // namespace

void TermMatcher::Add(const Term& term, uint32_t pattern) {
  for (const TermVariant& v : ExpandVariants(term)) {
    Variant var;
    var.pattern = pattern;
    var.case_sensitive = term.case_sensitive;
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
    uint64_t kind = first.glob ? (term.case_sensitive ? kGlobRaw : kGlobFolded)
                               : (term.case_sensitive ? kExactRaw : kExactFolded);
    keys_.push_back(Key(Fnv(first.text), kind, first.text.size()));
    if (first.glob) {
      if (glob_lengths_.size() <= first.text.size()) glob_lengths_.resize(first.text.size() + 1);
      glob_lengths_[first.text.size()] |= term.case_sensitive ? 2 : 1;
    }
    has_case_sensitive_ |= term.case_sensitive;
    variants_.push_back(var);
  }
}

void TermMatcher::Build() {
  // Group variants by key, in the order they were added (deterministic).
  std::map<uint64_t, std::vector<uint32_t>> groups;
  for (uint32_t v = 0; v < variants_.size(); ++v) groups[keys_[v]].push_back(v);
  size_t capacity = 16;
  while (capacity < groups.size() * 2) capacity *= 2;
  table_.assign(capacity, Slot{});
  table_mask_ = capacity - 1;
  filter_.assign((size_t{1} << kFilterBits) / 64, 0);
  variant_ids_.clear();
  for (const auto& [key, ids] : groups) {
    size_t i = key & table_mask_;
    while (table_[i].key != 0) i = (i + 1) & table_mask_;
    table_[i].key = key;
    table_[i].begin = static_cast<uint32_t>(variant_ids_.size());
    variant_ids_.insert(variant_ids_.end(), ids.begin(), ids.end());
    table_[i].end = static_cast<uint32_t>(variant_ids_.size());
    uint64_t bit = key >> (64 - kFilterBits);
    filter_[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
  built_ = true;
}

size_t TermMatcher::memory_bytes() const {
  return pool_.size() + words_.size() * sizeof(Word) + gaps_.size() * sizeof(Gap) +
         variants_.size() * sizeof(Variant) + variant_ids_.size() * sizeof(uint32_t) +
         table_.size() * sizeof(Slot) + filter_.size() * sizeof(uint64_t);
}

int TermMatcher::FindSlot(uint64_t key) const {
  uint64_t bit = key >> (64 - kFilterBits);
  if ((filter_[bit >> 6] & (uint64_t{1} << (bit & 63))) == 0) return -1;
  size_t i = key & table_mask_;
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

void TermMatcher::Match(std::string_view text, MatchScratch* scratch,
                        std::vector<Hit>* hits) const {
  const size_t n = text.size();
  scratch->folded.resize(n);
  scratch->tokens.clear();
  scratch->candidates.clear();
  char* folded = scratch->folded.data();
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  const size_t max_glob = glob_lengths_.empty() ? 0 : glob_lengths_.size() - 1;
  const bool cs = has_case_sensitive_;
  const bool any_terms = built_ && !variants_.empty();

  auto probe = [&](uint64_t key) {
    int slot = FindSlot(key);
    if (slot >= 0) {
      scratch->candidates.emplace_back(static_cast<uint32_t>(scratch->tokens.size()),
                                       static_cast<uint32_t>(slot));
    }
  };

  bool soft = false;  // the gap since the last word is all spaces/dashes
  size_t i = 0;
  while (i < n) {
    uint8_t c = p[i];
    if (c < 0x80) {
      uint8_t k = kTables.kind[c];
      if (k != 2) {
        if (k == 0) soft = false;
        ++i;
        continue;
      }
    } else {
      char32_t cp;
      size_t len = DecodeAt(text, i, &cp);
      CharClass cls = ClassifyCodePoint(cp);
      if (cls != CharClass::kWord) {
        if (cls == CharClass::kOther) soft = false;
        i += len;
        continue;
      }
    }
    // A word starts at i.
    const size_t begin = i;
    uint64_t hf = kFnvOffset, hr = kFnvOffset;
    size_t length = 0;
    while (i < n) {
      uint8_t b = p[i];
      if (b < 0x80) {
        if (kTables.kind[b] != 2) break;
        uint8_t f = kTables.lower[b];
        folded[i] = static_cast<char>(f);
        hf = (hf ^ f) * kFnvPrime;
        hr = (hr ^ b) * kFnvPrime;
        ++i;
        ++length;
        if (length <= max_glob && glob_lengths_[length] != 0 && any_terms) {
          if (glob_lengths_[length] & 1) probe(Key(hf, kGlobFolded, length));
          if (glob_lengths_[length] & 2) probe(Key(hr, kGlobRaw, length));
        }
        continue;
      }
      char32_t cp;
      size_t len = DecodeAt(text, i, &cp);
      if (ClassifyCodePoint(cp) != CharClass::kWord) break;
      std::memcpy(folded + i, text.data() + i, len);
      if (len == 2) {
        char32_t f = FoldCodePoint(cp);
        if (f != cp) WriteFolded(f, 2, folded + i);
      }
      for (size_t k = 0; k < len; ++k) {
        hf = (hf ^ static_cast<uint8_t>(folded[i + k])) * kFnvPrime;
        hr = (hr ^ p[i + k]) * kFnvPrime;
        ++length;
        if (length <= max_glob && glob_lengths_[length] != 0 && any_terms) {
          if (glob_lengths_[length] & 1) probe(Key(hf, kGlobFolded, length));
          if (glob_lengths_[length] & 2) probe(Key(hr, kGlobRaw, length));
        }
      }
      i += len;
    }
    if (any_terms) {
      probe(Key(hf, kExactFolded, length));
      if (cs) probe(Key(hr, kExactRaw, length));
    }
    scratch->tokens.push_back(WordToken{static_cast<uint32_t>(begin), static_cast<uint32_t>(i),
                                        soft && !scratch->tokens.empty()});
    soft = true;
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
