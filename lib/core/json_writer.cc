#include "lib/core/json_writer.h"

#include <array>

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

// Bytes copied as they are in any JSON string: printable ASCII except '"'
// and '\\' (and '<', '>', '&', which only the html-safe form escapes).
constexpr std::array<bool, 256> MakePlain() {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x7F; ++c) t[c] = c != '"' && c != '\\';
  return t;
}
constexpr std::array<bool, 256> kPlain = MakePlain();

}  // namespace

void AppendJsonString(std::string* out, std::string_view s, bool html_safe) {
  out->push_back('"');
  size_t i = 0;
  while (i < s.size()) {
    // Copy a run of plain bytes at once: most of any text.
    size_t run = i;
    while (run < s.size() && kPlain[static_cast<unsigned char>(s[run])] &&
           !(html_safe && (s[run] == '<' || s[run] == '>' || s[run] == '&'))) {
      ++run;
    }
    if (run > i) {
      out->append(s.data() + i, run - i);
      i = run;
      continue;
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
