#include "lib/segment/line_prefix_filter.h"

#include <bitset>
#include <cctype>

#include "lib/core/utf8.h"

namespace gapmap {
namespace {

using Bytes = std::bitset<256>;

// What a piece of a pattern can match, as far as the filter cares. Every set
// may hold more than the piece can match (that only lets more lines through),
// never less.
struct Prefixes {
  bool nullable = false;                               // the empty string
  Bytes single;                                        // matches one byte long
  Bytes first;                                         // first bytes of non-empty matches
  Bytes last;                                          // last bytes of non-empty matches
  std::vector<Bytes> pairs = std::vector<Bytes>(256);  // first two bytes of longer matches

  void Add(const Prefixes& o) {
    nullable = nullable || o.nullable;
    single |= o.single;
    first |= o.first;
    last |= o.last;
    for (int b = 0; b < 256; ++b) pairs[b] |= o.pairs[b];
  }
  // Every byte of `a` followed by every byte of `b` may start a match.
  void AddPairs(const Bytes& a, const Bytes& b) {
    for (int x = 0; x < 256; ++x) {
      if (a[x]) pairs[x] |= b;
    }
  }
};

Prefixes Empty() {
  Prefixes p;
  p.nullable = true;
  return p;
}

Prefixes OneOf(const Bytes& bytes) {
  Prefixes p;
  p.single = bytes;
  p.first = bytes;
  p.last = bytes;
  return p;
}

// Any character made of two or more bytes: a lead byte, then anything.
Prefixes AnyMultibyte() {
  Prefixes p;
  for (int b = 0x80; b < 256; ++b) {
    p.first.set(b);
    p.last.set(b);
    p.pairs[b].set();
  }
  return p;
}

// Any character at all (also what the filter assumes when unsure).
Prefixes AnyChar() {
  Prefixes p = AnyMultibyte();
  for (int b = 0; b < 0x80; ++b) {
    p.single.set(b);
    p.first.set(b);
    p.last.set(b);
  }
  return p;
}

// `a` then `b`.
Prefixes Concat(const Prefixes& a, const Prefixes& b) {
  Prefixes p;
  p.nullable = a.nullable && b.nullable;
  if (a.nullable) p.single |= b.single;
  if (b.nullable) p.single |= a.single;
  p.first = a.first;
  if (a.nullable) p.first |= b.first;
  p.last = b.last;
  if (b.nullable) p.last |= a.last;
  p.pairs = a.pairs;
  p.AddPairs(a.single, b.first);
  if (a.nullable) {
    for (int x = 0; x < 256; ++x) p.pairs[x] |= b.pairs[x];
  }
  return p;
}

// `a` repeated (any count: the bounds are not worth reading).
Prefixes Repeat(const Prefixes& a, bool at_least_once) {
  Prefixes p = a;
  p.nullable = a.nullable || !at_least_once;
  p.AddPairs(a.single, a.first);
  return p;
}

bool IsAsciiLetter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Reads one pattern in RE2 syntax. Anything it does not know fails the
// analysis (and so turns the filter off) rather than guessing.
class Parser {
 public:
  explicit Parser(std::string_view pattern) : s_(pattern) { fold_ = MentionsCaseFolding(); }

  // Null when the pattern cannot be read. `*anchored_end`: every match ends
  // at the end of the text (each alternative ends in '$' or \z).
  std::unique_ptr<Prefixes> Parse(bool* anchored_end) {
    Prefixes p = Alternation(anchored_end);
    if (failed_ || i_ != s_.size()) return nullptr;
    return std::make_unique<Prefixes>(std::move(p));
  }

 private:
  // (?i) anywhere makes the whole pattern fold case: more than RE2 does, so
  // never less than it matches.
  bool MentionsCaseFolding() const {
    for (size_t k = 0; k + 1 < s_.size(); ++k) {
      if (s_[k] != '(' || s_[k + 1] != '?') continue;
      for (size_t j = k + 2; j < s_.size() && s_[j] != ':' && s_[j] != ')'; ++j) {
        if (s_[j] == 'i') return true;
      }
    }
    return false;
  }

  bool AtEnd() const { return i_ >= s_.size(); }
  char Peek() const { return AtEnd() ? '\0' : s_[i_]; }
  Prefixes Fail() {
    failed_ = true;
    return AnyChar();
  }

  Prefixes Alternation(bool* anchored_end = nullptr) {
    bool all_anchored = true;
    Prefixes p = Sequence(&all_anchored);
    while (!failed_ && Peek() == '|') {
      ++i_;
      p.Add(Sequence(&all_anchored));
    }
    if (anchored_end != nullptr) *anchored_end = all_anchored;
    return p;
  }

  // `*all_anchored` is cleared unless the sequence ends in a bare '$' or \z.
  Prefixes Sequence(bool* all_anchored) {
    Prefixes p = Empty();
    bool anchored = false;
    while (!failed_ && !AtEnd() && Peek() != '|' && Peek() != ')') {
      size_t start = i_;
      p = Concat(p, Repetition());
      std::string_view item = s_.substr(start, i_ - start);
      anchored = item == "$" || item == "\\z";
    }
    *all_anchored = *all_anchored && anchored;
    return p;
  }

  Prefixes Repetition() {
    Prefixes p = Atom();
    while (!failed_ && !AtEnd()) {
      char c = Peek();
      if (c == '*' || c == '?') {
        ++i_;
        p = Repeat(p, false);
      } else if (c == '+') {
        ++i_;
        p = Repeat(p, true);
      } else if (c == '{') {
        int min = 0;
        if (!Counts(&min)) break;  // a literal '{': the next atom
        p = Repeat(p, min > 0);
      } else {
        break;
      }
      if (Peek() == '?') ++i_;  // non-greedy: same strings
    }
    return p;
  }

  // {n}, {n,} or {n,m}; leaves the position alone when it is none of them.
  bool Counts(int* min) {
    size_t j = i_ + 1;
    size_t digits = j;
    int n = 0;
    while (j < s_.size() && s_[j] >= '0' && s_[j] <= '9') n = n * 10 + (s_[j++] - '0');
    if (j == digits) return false;
    if (j < s_.size() && s_[j] == ',') {
      ++j;
      while (j < s_.size() && s_[j] >= '0' && s_[j] <= '9') ++j;
    }
    if (j >= s_.size() || s_[j] != '}') return false;
    i_ = j + 1;
    *min = n;
    return true;
  }

  Prefixes Atom() {
    char c = Peek();
    switch (c) {
      case '(':
        return Group();
      case '[':
        return Class();
      case '.':
        ++i_;
        return AnyChar();
      case '^':
      case '$':
        ++i_;
        return Empty();
      case '\\':
        return Escape();
      default:
        break;
    }
    char32_t cp = 0;
    if (!Char(&cp)) return Fail();
    return Literal(cp);
  }

  Prefixes Group() {
    ++i_;  // '('
    if (Peek() == '?') {
      ++i_;
      if (Peek() == 'P' || Peek() == '<') {  // (?P<name>...) or (?<name>...)
        size_t close = s_.find('>', i_);
        if (close == std::string_view::npos) return Fail();
        i_ = close + 1;
      } else {
        while (!AtEnd() && (std::isalpha(static_cast<unsigned char>(Peek())) || Peek() == '-')) {
          ++i_;
        }
        if (Peek() == ')') {  // flags for the rest of the group: see MentionsCaseFolding
          ++i_;
          return Empty();
        }
        if (Peek() != ':') return Fail();
        ++i_;
      }
    }
    Prefixes p = Alternation();
    if (Peek() != ')') return Fail();
    ++i_;
    return p;
  }

  // One UTF-8 character of the pattern itself.
  bool Char(char32_t* cp) {
    size_t len = Utf8SequenceLength(s_.substr(i_));
    if (len == 0) return false;
    *cp = DecodeUtf8(s_.substr(i_, len));
    i_ += len;
    return true;
  }

  static char32_t DecodeUtf8(std::string_view c) {
    auto b = [&](size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(c[k])); };
    switch (c.size()) {
      case 1:
        return b(0);
      case 2:
        return ((b(0) & 0x1F) << 6) | (b(1) & 0x3F);
      case 3:
        return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
      default:
        return ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) | (b(3) & 0x3F);
    }
  }

  Prefixes Literal(char32_t cp) {
    if (fold_ && cp >= 0x80) return AnyChar();  // may fold to ASCII (K, the Kelvin sign)
    if (cp >= 0x80) {
      std::string bytes;
      AppendUtf8(&bytes, cp);
      Prefixes p;
      p.first.set(static_cast<unsigned char>(bytes[0]));
      p.last.set(static_cast<unsigned char>(bytes.back()));
      p.pairs[static_cast<unsigned char>(bytes[0])].set(static_cast<unsigned char>(bytes[1]));
      return p;
    }
    Bytes b;
    b.set(cp);
    return Folded(b);
  }

  // ASCII bytes, with the other case of their letters when folding (and any
  // multi-byte character, which RE2 may fold to them: U+212A to 'k').
  Prefixes Folded(Bytes b) {
    if (!fold_) return OneOf(b);
    bool letters = false;
    for (int c = 0; c < 0x80; ++c) {
      if (!b[c] || !IsAsciiLetter(static_cast<char32_t>(c))) continue;
      letters = true;
      b.set(static_cast<size_t>(c ^ 0x20));
    }
    Prefixes p = OneOf(b);
    if (letters) p.Add(AnyMultibyte());
    return p;
  }

  // The escapes RE2 shares with classes: a named class into `bytes` (or
  // `*any` for one the filter does not enumerate) or one character.
  enum class EscapeKind { kClass, kChar, kEmpty, kBad };
  EscapeKind EscapeItem(Bytes* bytes, bool* any, char32_t* cp) {
    ++i_;  // '\\'
    if (AtEnd()) return EscapeKind::kBad;
    char e = s_[i_++];
    switch (e) {
      case 'd':
        for (int c = '0'; c <= '9'; ++c) bytes->set(c);
        return EscapeKind::kClass;
      case 's':
        for (char c : {'\t', '\n', '\f', '\r', ' '}) bytes->set(static_cast<unsigned char>(c));
        return EscapeKind::kClass;
      case 'w':
        for (int c = 0; c < 0x80; ++c) {
          if (std::isalnum(c) || c == '_') bytes->set(c);
        }
        return EscapeKind::kClass;
      case 'D':
      case 'S':
      case 'W':
      case 'C':
        *any = true;
        return EscapeKind::kClass;
      case 'p':
      case 'P':
        if (Peek() == '{') {
          size_t close = s_.find('}', i_);
          if (close == std::string_view::npos) return EscapeKind::kBad;
          i_ = close + 1;
        } else if (!AtEnd()) {
          ++i_;
        }
        *any = true;
        return EscapeKind::kClass;
      case 'b':
      case 'B':
      case 'A':
      case 'z':
        return EscapeKind::kEmpty;
      case 'x':
        return Hex(cp) ? EscapeKind::kChar : EscapeKind::kBad;
      case 'n':
        *cp = '\n';
        return EscapeKind::kChar;
      case 't':
        *cp = '\t';
        return EscapeKind::kChar;
      case 'r':
        *cp = '\r';
        return EscapeKind::kChar;
      case 'f':
        *cp = '\f';
        return EscapeKind::kChar;
      case 'v':
        *cp = '\v';
        return EscapeKind::kChar;
      case 'a':
        *cp = '\a';
        return EscapeKind::kChar;
      default:
        break;
    }
    unsigned char u = static_cast<unsigned char>(e);
    if (u < 0x80 && !std::isalnum(u)) {  // escaped punctuation is itself
      *cp = u;
      return EscapeKind::kChar;
    }
    return EscapeKind::kBad;  // octal, \Q...\E and the like
  }

  // \xHH or \x{H...} (the 'x' already read).
  bool Hex(char32_t* cp) {
    auto digit = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    char32_t v = 0;
    if (Peek() == '{') {
      ++i_;
      size_t start = i_;
      while (!AtEnd() && digit(Peek()) >= 0 && i_ - start < 8) v = v * 16 + digit(s_[i_++]);
      if (i_ == start || Peek() != '}') return false;
      ++i_;
    } else {
      for (int k = 0; k < 2; ++k) {
        if (AtEnd() || digit(Peek()) < 0) return false;
        v = v * 16 + digit(s_[i_++]);
      }
    }
    if (v > 0x10FFFF) return false;
    *cp = v;
    return true;
  }

  Prefixes Escape() {
    Bytes bytes;
    bool any = false;
    char32_t cp = 0;
    switch (EscapeItem(&bytes, &any, &cp)) {
      case EscapeKind::kClass:
        return any ? AnyChar() : Folded(bytes);
      case EscapeKind::kChar:
        return Literal(cp);
      case EscapeKind::kEmpty:
        return Empty();
      case EscapeKind::kBad:
        break;
    }
    return Fail();
  }

  // [...]: one character of a set. A negated set, a POSIX class or a
  // non-ASCII member is counted as "any character" or "any multi-byte
  // character": wide, but these are rare first characters of a line.
  Prefixes Class() {
    ++i_;  // '['
    bool negated = Peek() == '^';
    if (negated) ++i_;
    Bytes ascii;
    bool multibyte = false;
    bool any = false;
    bool first = true;
    while (!AtEnd() && (Peek() != ']' || first)) {
      first = false;
      if (s_.substr(i_, 2) == "[:") {
        size_t close = s_.find(":]", i_ + 2);
        if (close == std::string_view::npos) return Fail();
        i_ = close + 2;
        any = true;
        continue;
      }
      char32_t lo = 0;
      if (!ClassChar(&ascii, &any, &lo)) {
        if (failed_) return AnyChar();
        continue;  // a named class, already added
      }
      char32_t hi = lo;
      if (Peek() == '-' && i_ + 1 < s_.size() && s_[i_ + 1] != ']') {
        ++i_;
        if (!ClassChar(&ascii, &any, &hi)) return Fail();
      }
      if (hi < lo) return Fail();
      for (char32_t c = lo; c <= hi && c < 0x80; ++c) ascii.set(c);
      if (hi >= 0x80) multibyte = true;
    }
    if (Peek() != ']') return Fail();
    ++i_;
    if (negated || any) return AnyChar();
    if (fold_ && multibyte) return AnyChar();
    Prefixes p = Folded(ascii);
    if (multibyte) p.Add(AnyMultibyte());
    return p;
  }

  // One member of a class: true with a character in `*cp`; false after a
  // named class (added to `ascii` or `*any`) or a failure (failed_ set).
  bool ClassChar(Bytes* ascii, bool* any, char32_t* cp) {
    if (Peek() == '\\') {
      switch (EscapeItem(ascii, any, cp)) {
        case EscapeKind::kChar:
          return true;
        case EscapeKind::kClass:
          return false;
        case EscapeKind::kEmpty:
        case EscapeKind::kBad:
          break;
      }
      failed_ = true;
      return false;
    }
    if (!Char(cp)) {
      failed_ = true;
      return false;
    }
    return true;
  }

  std::string_view s_;
  size_t i_ = 0;
  bool fold_ = false;
  bool failed_ = false;
};

}  // namespace

LinePrefixFilter::LinePrefixFilter() = default;

LinePrefixFilter::LinePrefixFilter(const std::vector<std::string>& patterns)
    : single_(256), pairs_(256 * 256), ends_(256) {
  for (size_t k = 0; k < patterns.size(); ++k) {
    bool anchored_end = false;
    std::unique_ptr<Prefixes> p = Parser(patterns[k]).Parse(&anchored_end);
    if (p == nullptr || p->nullable) return;  // stays off
    // Patterns beyond 32 share bits: that only lets more lines through.
    uint32_t bit = uint32_t{1} << (k % 32);
    for (int a = 0; a < 256; ++a) {
      if (p->single[a]) single_[a] |= bit;
      for (int b = 0; b < 256; ++b) {
        if (p->pairs[a][b]) pairs_[a * 256 + b] |= bit;
      }
      if (!anchored_end || p->last[a]) ends_[a] |= bit;
    }
  }
  enabled_ = !patterns.empty();
}

}  // namespace gapmap
