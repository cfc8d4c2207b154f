#include "lib/segment/normaliser.h"

#include <array>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "lib/core/utf8.h"

namespace gapmap {
namespace {

// What a non-ASCII code point becomes.
enum class Map : uint8_t { kKeep, kSpace, kDrop, kText, kSpacedText };

struct Mapping {
  Map map;
  std::string_view text = {};  // kText, kSpacedText (a view: no strlen per use)
};

Mapping MapCodePoint(char32_t c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x2035:
      return {Map::kText, "'"};
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0x2036:
    case 0x00AB:
    case 0x00BB:
      return {Map::kText, "\""};
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2212:
    case 0xFE63:
    case 0xFF0D:
      return {Map::kText, "-"};
    case 0x2014:
    case 0x2015:
      return {Map::kSpacedText, "-"};
    case 0x2026:
      return {Map::kText, "..."};
    case 0xFB00:
      return {Map::kText, "ff"};
    case 0xFB01:
      return {Map::kText, "fi"};
    case 0xFB02:
      return {Map::kText, "fl"};
    case 0xFB03:
      return {Map::kText, "ffi"};
    case 0xFB04:
      return {Map::kText, "ffl"};
    case 0xFB05:
    case 0xFB06:
      return {Map::kText, "st"};
    case 0x00AD:
    case 0x200B:
    case 0x200C:
    case 0x200D:
    case 0x2060:
    case 0xFEFF:
      return {Map::kDrop};
    case 0x00A0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0x0085:
      return {Map::kSpace};
    default:
      break;
  }
  if (c >= 0x2000 && c <= 0x200A) return {Map::kSpace};
  if (c >= 0x80 && c < 0xA0) return {Map::kSpace};  // C1 controls
  return {Map::kKeep};
}

// Appends text, inserting the one space a run of spaces before it left.
class Writer {
 public:
  explicit Writer(std::string* out) : out_(out) {}
  void Space() { space_ = !out_->empty(); }
  void Put(std::string_view s) {
    if (s.empty()) return;
    if (space_) out_->push_back(' ');
    space_ = false;
    out_->append(s);
  }

 private:
  std::string* out_;
  bool space_ = false;
};

// Byte classes: plain printable ASCII is copied as is; ASCII spaces and
// controls collapse; anything else is looked at closely.
enum : uint8_t { kPlain = 0, kAsciiSpace = 1, kOther = 2 };

constexpr std::array<uint8_t, 256> MakeClasses() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[c] = (c <= ' ' || c == 0x7F) ? kAsciiSpace : (c >= 0x80 || c == '`') ? kOther : kPlain;
  }
  return t;
}
constexpr std::array<uint8_t, 256> kClass = MakeClasses();

inline uint8_t ClassOf(char c) { return kClass[static_cast<unsigned char>(c)]; }

#if defined(__SSE2__)
// The bytes of a 16-byte block that are not kPlain, as a bit mask (bit i for
// byte i), and the spaces among them.
struct BlockClass {
  unsigned other;   // controls, non-ASCII, DEL, '`'
  unsigned spaces;  // ' '
};
inline __m128i LoadBlock(const char* p) {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
}
inline BlockClass ClassifyVector(__m128i v) {
  const __m128i space = _mm_set1_epi8(' ');
  // Signed: controls and every non-ASCII byte are below ' '.
  __m128i other = _mm_or_si128(
      _mm_cmplt_epi8(v, space),
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)), _mm_cmpeq_epi8(v, _mm_set1_epi8('`'))));
  return {static_cast<unsigned>(_mm_movemask_epi8(other)),
          static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, space)))};
}
inline BlockClass ClassifyBlock(const char* p) { return ClassifyVector(LoadBlock(p)); }
// Its ASCII digits, as bytes of all ones.
inline __m128i DigitBytes(__m128i v) {
  __m128i t = _mm_sub_epi8(v, _mm_set1_epi8('0'));  // digits become bytes 0..9
  return _mm_cmpeq_epi8(_mm_min_epu8(t, _mm_set1_epi8(9)), t);
}
#endif

// True if `p[0..n)` needs no work: printable ASCII with single spaces only.
// Checks 16 bytes at a time (8 without SSE2), since most lines of most
// documents are so. For a plain line, `*digits` is set when it holds an ASCII
// digit (or may: without SSE2 it is not looked for): the segmenter's search
// for note references then skips the many lines without, for the price of
// four more instructions per block here.
bool IsPlainLine(const char* p, size_t n, bool* digits) {
  bool space_before = false;  // the byte before this word was a space
  bool digit = false;
  size_t i = 0;
#if defined(__SSE2__)
  __m128i digit_seen = _mm_setzero_si128();
  for (; i + 16 <= n; i += 16) {
    __m128i v = LoadBlock(p + i);
    BlockClass b = ClassifyVector(v);
    if (b.other != 0) return false;
    if ((b.spaces & ((b.spaces << 1) | (space_before ? 1u : 0u))) != 0) return false;
    space_before = (b.spaces >> 15) != 0;
    digit_seen = _mm_or_si128(digit_seen, DigitBytes(v));
  }
  if (i < n && n >= 16) {
    // The rest as the last 16 bytes, overlapping what was checked: every pair
    // of bytes before them was seen whole, so no carry is needed.
    __m128i v = LoadBlock(p + n - 16);
    BlockClass b = ClassifyVector(v);
    *digits = _mm_movemask_epi8(_mm_or_si128(digit_seen, DigitBytes(v))) != 0;
    return b.other == 0 && (b.spaces & (b.spaces << 1)) == 0;
  }
  digit = _mm_movemask_epi8(digit_seen) != 0;
#else
  digit = true;  // not looked for
  constexpr uint64_t kOnes = 0x0101010101010101ULL;
  constexpr uint64_t kHighs = 0x8080808080808080ULL;
  constexpr uint64_t kLows = 0x7F7F7F7F7F7F7F7FULL;
  auto has_zero = [](uint64_t x) { return ((x - kOnes) & ~x & kHighs) != 0; };
  for (; i + 8 <= n; i += 8) {
    uint64_t v;
    std::memcpy(&v, p + i, 8);
    if ((v & kHighs) != 0) return false;                        // not ASCII
    if (((v - kOnes * 0x20) & ~v & kHighs) != 0) return false;  // a control character
    if (has_zero(v ^ (kOnes * 0x7F)) || has_zero(v ^ (kOnes * '`'))) return false;
    uint64_t x = v ^ (kOnes * ' ');
    uint64_t spaces = ~(((x & kLows) + kLows) | x | kLows);  // high bit of each ' '
    if ((spaces & (spaces << 8)) != 0) return false;         // two spaces in a row
    if (space_before && (spaces & 0x80) != 0) return false;
    space_before = (spaces >> 63) != 0;
  }
#endif
  for (; i < n; ++i) {
    if (ClassOf(p[i]) == kPlain) {
      space_before = false;
      digit = digit || (p[i] >= '0' && p[i] <= '9');
      continue;
    }
    if (p[i] != ' ' || space_before) return false;
    space_before = true;
  }
  *digits = digit;
  return true;
}

// The first byte at or after `p` that is not kPlain, or `end`. Where 17
// bytes are left, a single space between two kPlain bytes is skipped too (the
// copy loop keeps it in the run anyway): a line with a doubled space or a
// curly quote somewhere is then not stopped at after every word. `run` is
// where the run being copied starts; `p` is in it.
const char* SkipPlain(const char* p, const char* end, const char* run) {
#if defined(__SSE2__)
  while (end - p >= 17) {
    BlockClass b = ClassifyBlock(p);
    unsigned plain = ~(b.other | b.spaces) & 0xFFFFu;
    // Bit k: byte k + 1 is kPlain; the 17th byte looked up alone (a second
    // block classified at p + 1 cost ~12 instructions more per block).
    unsigned plain_next = (plain >> 1) | (ClassOf(p[16]) == kPlain ? 0x8000u : 0u);
    // The byte before p is kPlain when it is in the run: the run holds only
    // kPlain bytes and spaces followed by one, and p is not one of the latter
    // when it is a space.
    unsigned plain_before = (plain << 1) | (p > run ? 1u : 0u);
    unsigned stop = b.other | (b.spaces & ~(plain_before & plain_next));
    if (stop != 0) return p + __builtin_ctz(stop);
    p += 16;
  }
  while (end - p >= 16) {
    BlockClass b = ClassifyBlock(p);
    if (unsigned stop = b.other | b.spaces; stop != 0) return p + __builtin_ctz(stop);
    p += 16;
  }
#endif
  while (p < end && ClassOf(*p) == kPlain) ++p;
  return p;
}

// The work of NormaliseLine() on the trimmed line p..end that is not plain.
// Kept out of line: inlined, its registers were saved and restored on every
// call of NormaliseLineView(), also for the plain lines that never get here.
[[gnu::noinline]] void NormaliseMixed(const char* p, const char* end, std::string* out) {
  out->clear();
  out->reserve(static_cast<size_t>(end - p));
  Writer w(out);
  const char* run = p;  // start of the plain text not yet copied
  while (p < end) {
    p = SkipPlain(p, end, run);
    if (p == end) break;
    uint8_t k = ClassOf(*p);
    // A single space between plain characters stays in the run.
    if (*p == ' ' && p > run && p + 1 < end && ClassOf(p[1]) == kPlain) {
      p += 2;
      continue;
    }
    if (k == kOther && *p != '`') {
      std::string_view rest(p, static_cast<size_t>(end - p));
      size_t len = Utf8SequenceLength(rest);
      Mapping m = len == 0 ? Mapping{Map::kKeep} : MapCodePoint(DecodeUtf8(p, len));
      if (m.map == Map::kKeep) {
        // Kept as it is (a bullet, an accented letter; a bad byte, not
        // expected after the reader's repair): it stays in the run and is
        // copied with it.
        p += len == 0 ? 1 : len;
        continue;
      }
      w.Put(std::string_view(run, static_cast<size_t>(p - run)));
      switch (m.map) {
        case Map::kSpace:
          w.Space();
          break;
        case Map::kText:
          w.Put(m.text);
          break;
        case Map::kSpacedText:
          w.Space();
          w.Put(m.text);
          w.Space();
          break;
        case Map::kKeep:
        case Map::kDrop:
          break;
      }
      p += len;
    } else {
      w.Put(std::string_view(run, static_cast<size_t>(p - run)));
      if (k == kAsciiSpace) {
        while (p < end && ClassOf(*p) == kAsciiSpace) ++p;
        w.Space();
      } else if (p + 1 < end && p[1] == '`') {  // '`'
        w.Put("\"");
        p += 2;
      } else {
        w.Put("'");
        ++p;
      }
    }
    run = p;
  }
  w.Put(std::string_view(run, static_cast<size_t>(p - run)));
}

}  // namespace

std::string_view NormaliseLineView(std::string_view raw, std::string* scratch,
                                   bool* may_hold_digit) {
  // Trim: leading and trailing ASCII spaces and controls never survive.
  const char* p = raw.data();
  const char* end = p + raw.size();
  while (p < end && ClassOf(*p) == kAsciiSpace) ++p;
  while (end > p && ClassOf(end[-1]) == kAsciiSpace) --end;
  if (IsPlainLine(p, static_cast<size_t>(end - p), may_hold_digit)) {
    return {p, static_cast<size_t>(end - p)};
  }
  *may_hold_digit = true;  // not looked for
  NormaliseMixed(p, end, scratch);
  return *scratch;
}

std::string_view NormaliseLineView(std::string_view raw, std::string* scratch) {
  bool digits;
  return NormaliseLineView(raw, scratch, &digits);
}

void NormaliseLine(std::string_view raw, std::string* out) {
  std::string_view text = NormaliseLineView(raw, out);
  if (text.data() != out->data()) out->assign(text.data(), text.size());
}

int LeadingSpaces(std::string_view raw) {
  int n = 0;
  for (char c : raw) {
    if (c != ' ' && c != '\t') break;
    ++n;
  }
  return n;
}

}  // namespace gapmap
