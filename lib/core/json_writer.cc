#include "lib/core/json_writer.h"

#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "lib/core/utf8.h"

namespace gapmap {
namespace {

constexpr char kHex[] = "0123456789abcdef";

void AppendUnicodeEscape(std::string* out, unsigned code) {
  out->append("\\u");
  out->push_back(kHex[(code >> 12) & 0xF]);
  out->push_back(kHex[(code >> 8) & 0xF]);
  out->push_back(kHex[(code >> 4) & 0xF]);
  out->push_back(kHex[code & 0xF]);
}

// ASCII bytes that are copied as they are (1), in plain and in HTML-safe mode.
struct PlainTables {
  bool plain[128];
  bool html[128];
};
constexpr PlainTables MakePlain() {
  PlainTables t{};
  for (int c = 0; c < 128; ++c) {
    bool ok = c >= 0x20 && c != 0x7F && c != '"' && c != '\\';
    t.plain[c] = ok;
    t.html[c] = ok && c != '<' && c != '>' && c != '&';
  }
  return t;
}
constexpr PlainTables kPlain = MakePlain();

// The end of the run of bytes from `i` that need no escaping, as far as whole
// blocks tell: 16 bytes at a time where SSE2 is there (all x86-64), else 8.
// A block holding a byte to escape, non-ASCII included, stops the scan; the
// caller finishes the run byte by byte.
size_t SkipPlainBlocks(std::string_view s, size_t i, bool html_safe) {
#if defined(__SSE2__)
  const __m128i space = _mm_set1_epi8(0x20);
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  const __m128i del = _mm_set1_epi8(0x7F);
  const __m128i lt = _mm_set1_epi8('<');
  const __m128i gt = _mm_set1_epi8('>');
  const __m128i amp = _mm_set1_epi8('&');
  while (i + 16 <= s.size()) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    // Signed: control characters and every non-ASCII byte are below ' '.
    __m128i flagged =
        _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, quote)),
                     _mm_or_si128(_mm_cmpeq_epi8(v, backslash), _mm_cmpeq_epi8(v, del)));
    if (html_safe) {
      flagged = _mm_or_si128(
          flagged, _mm_or_si128(_mm_cmpeq_epi8(v, lt),
                                _mm_or_si128(_mm_cmpeq_epi8(v, gt), _mm_cmpeq_epi8(v, amp))));
    }
    if (_mm_movemask_epi8(flagged) != 0) break;
    i += 16;
  }
#else
  // SWAR: a byte is flagged when its high bit ends up set.
  if (!html_safe) {
    constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
    auto has_zero = [](uint64_t v) { return (v - kOnes) & ~v & kHigh; };
    while (i + 8 <= s.size()) {
      uint64_t v;
      std::memcpy(&v, s.data() + i, 8);
      uint64_t flagged = (v & kHigh) | ((v - 0x20 * kOnes) & ~v & kHigh) |
                         has_zero(v ^ (0x22 * kOnes)) | has_zero(v ^ (0x5C * kOnes)) |
                         has_zero(v ^ (0x7F * kOnes));
      if (flagged != 0) break;
      i += 8;
    }
  }
#endif
  return i;
}

// The end of the run of bytes from `i` that need no escaping.
size_t PlainRunEnd(std::string_view s, size_t i, bool html_safe) {
  const bool* plain = html_safe ? kPlain.html : kPlain.plain;
  size_t run = SkipPlainBlocks(s, i, html_safe);
  while (run < s.size() && static_cast<unsigned char>(s[run]) < 0x80 &&
         plain[static_cast<unsigned char>(s[run])]) {
    ++run;
  }
  return run;
}

}  // namespace

bool IsPlainJson(std::string_view s) {
#if defined(__SSE2__)
  // The last bytes short of a whole block are checked as the block that
  // ends the text (overlapping the one before), not byte by byte: most
  // texts are plain, and their tails were ~15 % of the scan.
  if (s.size() >= 16) {
    const size_t i = SkipPlainBlocks(s, 0, false);
    if (i == s.size()) return true;
    return i + 16 > s.size() && SkipPlainBlocks(s.substr(s.size() - 16), 0, false) == 16;
  }
#endif
  return PlainRunEnd(s, 0, false) == s.size();
}

void AppendJsonString(std::string* out, std::string_view s, bool html_safe) {
  out->push_back('"');
  size_t i = 0;
  while (i < s.size()) {
    // Fast path: copy the run of bytes that need no escaping in one go.
    size_t run = PlainRunEnd(s, i, html_safe);
    if (run > i) {
      out->append(s.data() + i, run - i);
      i = run;
      if (i == s.size()) break;
    }
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t len = Utf8SequenceLength(s.substr(i));
      if (len == 0) {  // invalid byte: never emit invalid UTF-8
        out->append("\xEF\xBF\xBD");
        ++i;
        continue;
      }
      // U+2028/U+2029 end a line in JavaScript source.
      if (html_safe && len == 3 && c == 0xE2 && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
          (static_cast<unsigned char>(s[i + 2]) & 0xFE) == 0xA8) {
        AppendUnicodeEscape(out, 0x2028 + (static_cast<unsigned char>(s[i + 2]) - 0xA8));
      } else {
        out->append(s.substr(i, len));
      }
      i += len;
      continue;
    }
    switch (c) {
      case '"': out->append("\\\""); break;
      case '\\': out->append("\\\\"); break;
      case '\n': out->append("\\n"); break;
      case '\r': out->append("\\r"); break;
      case '\t': out->append("\\t"); break;
      case '\b': out->append("\\b"); break;
      case '\f': out->append("\\f"); break;
      case '<':
      case '>':
      case '&':
        if (html_safe) {
          AppendUnicodeEscape(out, c);
        } else {
          out->push_back(static_cast<char>(c));
        }
        break;
      default:
        if (c < 0x20 || c == 0x7F) {
          AppendUnicodeEscape(out, c);
        } else {
          out->push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
  out->push_back('"');
}

}  // namespace gapmap
