#include "lib/core/text_normalize.h"

#include <cstdint>

namespace gapmap {
namespace {

// Decodes the well-formed sequence at s[i]; returns its length, or 0.
size_t Decode(std::string_view s, size_t i, char32_t* cp) {
  auto b = [&](size_t k) { return static_cast<uint8_t>(s[i + k]); };
  uint8_t c = b(0);
  size_t left = s.size() - i;
  if (c < 0xC2 || c > 0xF4) return 0;
  if (c < 0xE0) {
    if (left < 2 || (b(1) & 0xC0) != 0x80) return 0;
    *cp = ((c & 0x1F) << 6) | (b(1) & 0x3F);
    return 2;
  }
  if (c < 0xF0) {
    if (left < 3 || (b(1) & 0xC0) != 0x80 || (b(2) & 0xC0) != 0x80) return 0;
    *cp = ((c & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
    if (*cp < 0x800 || (*cp >= 0xD800 && *cp <= 0xDFFF)) return 0;
    return 3;
  }
  if (left < 4 || (b(1) & 0xC0) != 0x80 || (b(2) & 0xC0) != 0x80 || (b(3) & 0xC0) != 0x80) {
    return 0;
  }
  *cp = ((c & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
  if (*cp < 0x10000 || *cp > 0x10FFFF) return 0;
  return 4;
}

// The replacement for `cp`, or nullptr to keep it as it is.
const char* Replacement(char32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201B: case 0x2032: case 0x02BC: return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D: return "-";
    case 0x00A0: case 0x202F: case 0x205F: case 0x3000: return " ";
    case 0xFB00: return "ff";
    case 0xFB01: return "fi";
    case 0xFB02: return "fl";
    case 0xFB03: return "ffi";
    case 0xFB04: return "ffl";
    case 0xFB05: case 0xFB06: return "st";
    case 0x2026: return "...";
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: return "";
    default: break;
  }
  if (cp >= 0x2000 && cp <= 0x200A) return " ";
  return nullptr;
}

}  // namespace

void AppendNormalizedChars(std::string_view in, std::string* out) {
  out->reserve(out->size() + in.size());
  size_t i = 0;
  const size_t n = in.size();
  while (i < n) {
    // Fast path: copy the ASCII run in one go.
    size_t run = i;
    while (run < n && static_cast<uint8_t>(in[run]) < 0x80) ++run;
    if (run > i) {
      out->append(in.data() + i, run - i);
      i = run;
      if (i == n) break;
    }
    char32_t cp = 0;
    size_t len = Decode(in, i, &cp);
    if (len == 0) {
      out->push_back(in[i]);
      ++i;
      continue;
    }
    if (const char* r = Replacement(cp)) {
      out->append(r);
    } else {
      out->append(in.data() + i, len);
    }
    i += len;
  }
}

std::string NormalizeTermText(std::string_view in) {
  std::string chars = NormalizeChars(in);
  std::string out;
  out.reserve(chars.size());
  bool space = false;
  for (char c : chars) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace gapmap
