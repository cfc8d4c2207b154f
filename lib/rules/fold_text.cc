#include "lib/rules/fold_text.h"

#include <algorithm>
#include <array>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "lib/rules/word_scan.h"

namespace gapmap {
namespace {

// Per ASCII byte: its folded form if it is a word character, else 0.
constexpr std::array<uint8_t, 128> MakeFoldTable() {
  std::array<uint8_t, 128> t{};
  for (int c = 0; c < 128; ++c) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) t[c] = static_cast<uint8_t>(c);
    if (c >= 'A' && c <= 'Z') t[c] = static_cast<uint8_t>(c + 32);
  }
  return t;
}
constexpr std::array<uint8_t, 128> kFoldAscii = MakeFoldTable();

inline void SetRange(uint64_t* bits, size_t pos, size_t len) {
  // len <= 4 (one code point): the bits fit in this word and the next.
  const uint64_t mask = (uint64_t{1} << len) - 1;
  const size_t word = pos >> 6, shift = pos & 63;
  bits[word] |= mask << shift;
  if (shift != 0) bits[word + 1] |= mask >> (64 - shift);
}

// Bits set in `x`. GCC calls a library function for __builtin_popcountll
// without -mpopcnt, which the portable build does not assume.
inline size_t PopCount(uint64_t x) {
  x = x - ((x >> 1) & 0x5555555555555555ULL);
  x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
  x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
  return static_cast<size_t>((x * 0x0101010101010101ULL) >> 56);
}

// Folds the 64 bytes at `src` into `dst` if they are all ASCII: *word gets
// one bit per byte. False (nothing written) if any byte is not ASCII.
inline bool FoldAsciiBlock(const uint8_t* src, char* dst, uint64_t* word) {
#if defined(__SSE2__)
  __m128i x[4];
  for (int k = 0; k < 4; ++k) x[k] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(src + 16 * k));
  const __m128i any = _mm_or_si128(_mm_or_si128(x[0], x[1]), _mm_or_si128(x[2], x[3]));
  if (_mm_movemask_epi8(any) != 0) return false;  // all ASCII: signed compares are safe
  // lo <= v <= hi as one signed compare: v - lo - 128 (mod 256) is below
  // hi - lo - 127 exactly then.
  auto in = [](__m128i v, char lo, char hi) {
    return _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(-128 - lo))),
                          _mm_set1_epi8(static_cast<char>(hi - lo - 127)));
  };
  uint64_t w = 0;
  for (int k = 0; k < 4; ++k) {
    // A letter is a byte whose 0x20 bit set gives a-z; folding sets that bit.
    const __m128i letter = in(_mm_or_si128(x[k], _mm_set1_epi8(0x20)), 'a', 'z');
    const __m128i is_word = _mm_or_si128(letter, in(x[k], '0', '9'));
    const __m128i lower = _mm_or_si128(x[k], _mm_and_si128(letter, _mm_set1_epi8(0x20)));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + 16 * k), _mm_and_si128(lower, is_word));
    w |= static_cast<uint64_t>(static_cast<uint32_t>(_mm_movemask_epi8(is_word))) << (16 * k);
  }
  *word = w;
  return true;
#else
  (void)src, (void)dst, (void)word;
  return false;
#endif
}

// The exact path: the code point at text[i], folded into `folded` and
// marked in the bits. Returns its length.
size_t FoldCodePointAt(std::string_view text, size_t i, char* folded, uint64_t* word_bits) {
  const uint8_t c = static_cast<uint8_t>(text[i]);
  if (c < 0x80) {
    folded[i] = static_cast<char>(kFoldAscii[c]);
    if (kFoldAscii[c] != 0) word_bits[i >> 6] |= uint64_t{1} << (i & 63);
    return 1;
  }
  char32_t cp;
  const size_t len = DecodeAt(text, i, &cp);
  const CharClass cls = ClassifyCodePoint(cp);
  if (cls == CharClass::kWord) {
    std::memcpy(folded + i, text.data() + i, len);
    // `cp` folded keeps its UTF-8 length (word_scan.h); only 2-byte forms change.
    if (len == 2) {
      const char32_t f = FoldCodePoint(cp);
      if (f != cp) {
        folded[i] = static_cast<char>(0xC0 | (f >> 6));
        folded[i + 1] = static_cast<char>(0x80 | (f & 0x3F));
      }
    }
    SetRange(word_bits, i, len);
  } else {
    std::memset(folded + i, 0, len);
  }
  return len;
}

}  // namespace

size_t FoldText(std::string_view text, char* folded, uint64_t* word_bits) {
  const size_t n = text.size();
  const auto* p = reinterpret_cast<const uint8_t*>(text.data());
  size_t i = 0;  // the next byte to fold (past `start` after a code point across blocks)
  size_t words = 0;
  uint64_t carry = 0;  // the last bit of the block before
  for (size_t b = 0; b <= n / 64; ++b) {
    const size_t start = b * 64, end = start + 64;
    if (i == start) {
      // The last block is read from a zero-padded copy (text past `n` may
      // not be readable); its padding folds to 0.
      const uint8_t* src = p + start;
      alignas(16) uint8_t last[64];
      if (end > n) {
        std::memset(last, 0, sizeof(last));
        if (n > start) std::memcpy(last, p + start, n - start);
        src = last;
      }
      uint64_t word;
      if (FoldAsciiBlock(src, folded + start, &word)) {
        word_bits[b] |= word;
        i = end;
      }
    }
    const size_t stop = std::min(end, n);
    while (i < stop) i += FoldCodePointAt(text, i, folded, word_bits);
    if (end > n && i < end) std::memset(folded + std::max(i, n), 0, end - std::max(i, n));
    // A block's bits are final once it is folded (a code point across
    // blocks marks the next block early, never an earlier one).
    const uint64_t w = word_bits[b];
    words += PopCount(w & ~((w << 1) | carry));
    carry = w >> 63;
  }
  return words;
}

}  // namespace gapmap
