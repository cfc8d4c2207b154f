#include "lib/rules/word_scan.h"

#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "lib/core/utf8.h"

namespace gapmap {
namespace {

struct Range {
  char32_t lo, hi;
  CharClass cls;
};

// Non-ASCII code points that are not word characters, sorted, disjoint.
constexpr std::array<Range, 47> kRanges = {{
    {0x0080, 0x009F, CharClass::kOther},  {0x00A0, 0x00A0, CharClass::kSpace},
    {0x00A1, 0x00A9, CharClass::kOther},  {0x00AB, 0x00AC, CharClass::kOther},
    {0x00AD, 0x00AD, CharClass::kDash},   {0x00AE, 0x00B1, CharClass::kOther},
    {0x00B4, 0x00B4, CharClass::kOther},  {0x00B6, 0x00B8, CharClass::kOther},
    {0x00BB, 0x00BB, CharClass::kOther},  {0x00BF, 0x00BF, CharClass::kOther},
    {0x00D7, 0x00D7, CharClass::kOther},  {0x00F7, 0x00F7, CharClass::kOther},
    {0x02BC, 0x02BC, CharClass::kOther},  {0x1680, 0x1680, CharClass::kSpace},
    {0x2000, 0x200F, CharClass::kSpace},  {0x2010, 0x2015, CharClass::kDash},
    {0x2016, 0x2027, CharClass::kOther},  {0x2028, 0x2029, CharClass::kSpace},
    {0x202A, 0x202E, CharClass::kOther},  {0x202F, 0x202F, CharClass::kSpace},
    {0x2030, 0x205E, CharClass::kOther},  {0x205F, 0x2060, CharClass::kSpace},
    {0x2061, 0x206F, CharClass::kOther},  {0x20A0, 0x20CF, CharClass::kOther},
    {0x2190, 0x2211, CharClass::kOther},  {0x2212, 0x2212, CharClass::kDash},
    {0x2213, 0x2BFF, CharClass::kOther},  {0x2E00, 0x2E7F, CharClass::kOther},
    {0x3000, 0x3000, CharClass::kSpace},  {0x3001, 0x303F, CharClass::kOther},
    {0xE000, 0xF8FF, CharClass::kOther},  {0xFE10, 0xFE1F, CharClass::kOther},
    {0xFE30, 0xFE57, CharClass::kOther},  {0xFE58, 0xFE58, CharClass::kDash},
    {0xFE59, 0xFE62, CharClass::kOther},  {0xFE63, 0xFE63, CharClass::kDash},
    {0xFE64, 0xFE6F, CharClass::kOther},  {0xFEFF, 0xFEFF, CharClass::kSpace},
    {0xFF01, 0xFF0C, CharClass::kOther},  {0xFF0D, 0xFF0D, CharClass::kDash},
    {0xFF0E, 0xFF0F, CharClass::kOther},  {0xFF1A, 0xFF20, CharClass::kOther},
    {0xFF3B, 0xFF40, CharClass::kOther},  {0xFF5B, 0xFF65, CharClass::kOther},
    {0xFFF0, 0xFFFF, CharClass::kOther},  {0x1F000, 0x1FAFF, CharClass::kOther},
    {0xE0000, 0xE007F, CharClass::kOther},
}};

constexpr std::array<CharClass, 128> MakeAsciiClasses() {
  std::array<CharClass, 128> t{};
  for (int c = 0; c < 128; ++c) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      t[c] = CharClass::kWord;
    } else if (c == ' ' || (c >= 0x09 && c <= 0x0D)) {
      t[c] = CharClass::kSpace;
    } else if (c == '-') {
      t[c] = CharClass::kDash;
    } else {
      t[c] = CharClass::kOther;
    }
  }
  return t;
}
constexpr std::array<CharClass, 128> kAscii = MakeAsciiClasses();

bool IsApostrophe(char32_t cp) {
  return cp == '\'' || cp == 0x2018 || cp == 0x2019 || cp == 0x201B || cp == 0x2032 ||
         cp == 0x02BC || cp == '`';
}
bool IsDoubleQuote(char32_t cp) {
  return cp == '"' || cp == 0x201C || cp == 0x201D || cp == 0x201E || cp == 0x201F ||
         cp == 0x2033;
}

std::string ClassItem(char32_t lo, char32_t hi) {
  if (lo == hi) return fmt::format("\\x{{{:X}}}", static_cast<uint32_t>(lo));
  return fmt::format("\\x{{{:X}}}-\\x{{{:X}}}", static_cast<uint32_t>(lo),
                     static_cast<uint32_t>(hi));
}

std::string BuildClass(CharClass want) {
  std::string out = "[";
  if (want == CharClass::kWord) {
    out += "0-9A-Za-z";
    char32_t next = 0x80;
    auto add_word = [&](char32_t lo, char32_t hi) {
      // RE2 classes may not name surrogates; split around them.
      if (lo <= 0xDFFF && hi >= 0xD800) {
        if (lo < 0xD800) out += ClassItem(lo, 0xD7FF);
        if (hi > 0xDFFF) out += ClassItem(0xE000, hi);
        return;
      }
      out += ClassItem(lo, hi);
    };
    for (const Range& r : kRanges) {
      if (r.lo > next) add_word(next, r.lo - 1);
      next = r.hi + 1;
    }
    if (next <= 0x10FFFF) add_word(next, 0x10FFFF);
  } else {
    if (want == CharClass::kSpace || want == CharClass::kDash) {
      // kDash here means "space or dash" (the soft class).
      out += "\\x{9}-\\x{D} ";
      if (want == CharClass::kDash) out += "\\-";
    }
    for (const Range& r : kRanges) {
      if (r.cls == CharClass::kSpace || (want == CharClass::kDash && r.cls == CharClass::kDash)) {
        out += ClassItem(r.lo, r.hi);
      }
    }
  }
  out += "]";
  return out;
}

}  // namespace

CharClass ClassifyCodePoint(char32_t cp) {
  if (cp < 0x80) return kAscii[cp];
  auto it = std::upper_bound(kRanges.begin(), kRanges.end(), cp,
                             [](char32_t c, const Range& r) { return c < r.lo; });
  if (it == kRanges.begin()) return CharClass::kWord;
  --it;
  return cp <= it->hi ? it->cls : CharClass::kWord;
}

size_t DecodeAt(std::string_view s, size_t i, char32_t* cp) {
  auto b = [&](size_t k) { return static_cast<uint8_t>(s[i + k]); };
  uint8_t c = b(0);
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t left = s.size() - i;
  *cp = 0xFFFD;
  if (c < 0xC2 || c > 0xF4) return 1;
  if (c < 0xE0) {
    if (left < 2 || (b(1) & 0xC0) != 0x80) return 1;
    *cp = ((c & 0x1F) << 6) | (b(1) & 0x3F);
    return 2;
  }
  if (c < 0xF0) {
    if (left < 3 || (b(1) & 0xC0) != 0x80 || (b(2) & 0xC0) != 0x80) return 1;
    char32_t v = ((c & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF)) return 1;
    *cp = v;
    return 3;
  }
  if (left < 4 || (b(1) & 0xC0) != 0x80 || (b(2) & 0xC0) != 0x80 || (b(3) & 0xC0) != 0x80) {
    return 1;
  }
  char32_t v = ((c & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
  if (v < 0x10000 || v > 0x10FFFF) return 1;
  *cp = v;
  return 4;
}

CharClass ClassBefore(std::string_view s, size_t i) {
  // Step back over continuation bytes (at most 3) to a lead byte.
  size_t start = i - 1;
  for (int k = 0; k < 3 && start > 0 && (static_cast<uint8_t>(s[start]) & 0xC0) == 0x80; ++k) {
    --start;
  }
  char32_t cp;
  size_t len = DecodeAt(s, start, &cp);
  if (start + len != i) return CharClass::kOther;  // ill-formed: not a word character
  return ClassifyCodePoint(cp);
}

char32_t FoldCodePoint(char32_t cp) {
  if (cp < 0x80) return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 0x20;
  if (cp >= 0x100 && cp <= 0x17F) {
    if (cp == 0x130 || cp == 0x131 || cp == 0x138 || cp == 0x149 || cp == 0x17F) return cp;
    if (cp == 0x178) return 0xFF;
    bool odd_upper = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    if (odd_upper) return (cp & 1) ? cp + 1 : cp;
    return (cp & 1) ? cp : cp + 1;
  }
  if (cp >= 0x391 && cp <= 0x3A9 && cp != 0x3A2) return cp + 0x20;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 0x20;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 0x50;
  return cp;
}

std::string FoldCase(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    uint8_t c = static_cast<uint8_t>(s[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>((c >= 'A' && c <= 'Z') ? c + 32 : c));
      ++i;
      continue;
    }
    char32_t cp;
    size_t len = DecodeAt(s, i, &cp);
    char32_t folded = (len == 1) ? cp : FoldCodePoint(cp);
    if (len == 1 || folded == cp) {
      out.append(s.data() + i, len);
    } else {
      AppendUtf8(&out, folded);
    }
    i += len;
  }
  return out;
}

std::string CanonicalGap(std::string_view gap) {
  std::string out;
  size_t i = 0;
  while (i < gap.size()) {
    char32_t cp;
    size_t len = DecodeAt(gap, i, &cp);
    CharClass cls = ClassifyCodePoint(cp);
    if (cls == CharClass::kDash) {
      out.push_back('-');
    } else if (cls != CharClass::kSpace) {
      if (IsApostrophe(cp)) {
        out.push_back('\'');
      } else if (IsDoubleQuote(cp)) {
        out.push_back('"');
      } else {
        out.append(gap.data() + i, len);
      }
    }
    i += len;
  }
  return out;
}

bool IsSoftGap(std::string_view gap) {
  if (gap.empty()) return false;
  size_t i = 0;
  while (i < gap.size()) {
    size_t len;
    CharClass cls = ClassAt(gap, i, &len);
    if (cls != CharClass::kSpace && cls != CharClass::kDash) return false;
    i += len;
  }
  return true;
}

const std::string& WordClassRegex() {
  static const std::string kClass = BuildClass(CharClass::kWord);
  return kClass;
}
const std::string& SoftClassRegex() {
  static const std::string kClass = BuildClass(CharClass::kDash);
  return kClass;
}
const std::string& SpaceClassRegex() {
  static const std::string kClass = BuildClass(CharClass::kSpace);
  return kClass;
}

std::string CanonicalCharRegex(std::string_view code_point) {
  if (code_point.size() != 1) return std::string(code_point);  // non-ASCII: itself
  char c = code_point[0];
  if (c == '\'') return "['`\\x{2018}\\x{2019}\\x{201B}\\x{2032}\\x{2BC}]";
  if (c == '"') return "[\"\\x{201C}\\x{201D}\\x{201E}\\x{201F}\\x{2033}]";
  if (c == '-') {
    std::string dash = "[\\-";
    for (const Range& r : kRanges) {
      if (r.cls == CharClass::kDash) dash += ClassItem(r.lo, r.hi);
    }
    return dash + "]";
  }
  if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
    return std::string(1, c);
  }
  return std::string("\\") + c;
}

size_t CountWords(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  size_t i = 0;
  while (i < text.size()) {
    size_t len;
    bool word = ClassAt(text, i, &len) == CharClass::kWord;
    if (word && !in_word) ++words;
    in_word = word;
    i += len;
  }
  return words;
}

}  // namespace gapmap
