#include "lib/rules/regex_syntax.h"

#include <algorithm>
#include <cctype>
#include <utility>

#include "lib/core/utf8.h"

namespace gapmap {
namespace {

RegexNode Leaf(RegexNode::Kind kind) {
  RegexNode n;
  n.kind = kind;
  return n;
}

RegexChars AnyChar() {
  RegexChars c;
  c.ascii.set();
  c.any_other = true;
  return c;
}

std::bitset<128> Letters(char a) {
  std::bitset<128> b;
  for (int k = 0; k < 26; ++k) b.set(static_cast<size_t>(a + k));
  return b;
}

// The other case of every ASCII letter in `chars`.
std::bitset<128> FoldedLetters(const std::bitset<128>& chars) {
  static const std::bitset<128> kUpper = Letters('A');
  static const std::bitset<128> kLower = Letters('a');
  return ((chars & kUpper) << 0x20) | ((chars & kLower) >> 0x20);
}

char32_t DecodeUtf8(std::string_view c) {
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

// Recursive descent; `failed_` for anything unexpected.
class Reader {
 public:
  explicit Reader(std::string_view pattern) : s_(pattern) {}

  std::optional<RegexNode> Read() {
    RegexNode n = Alternation();
    if (failed_ || i_ != s_.size()) return std::nullopt;
    return n;
  }

 private:
  bool AtEnd() const { return i_ >= s_.size(); }
  char Peek() const { return AtEnd() ? '\0' : s_[i_]; }
  RegexNode Fail() {
    failed_ = true;
    return RegexNode();
  }

  RegexNode Alternation() {
    RegexNode first = Sequence();
    if (failed_ || Peek() != '|') return first;
    RegexNode alt = Leaf(RegexNode::Kind::kAlternate);
    alt.children.push_back(std::move(first));
    while (!failed_ && Peek() == '|') {
      ++i_;
      alt.children.push_back(Sequence());
    }
    return alt;
  }

  RegexNode Sequence() {
    RegexNode seq = Leaf(RegexNode::Kind::kConcat);
    seq.children.reserve(8);  // fewer reallocations for the usual runs of literals
    while (!failed_ && !AtEnd() && Peek() != '|' && Peek() != ')')
      seq.children.push_back(Repetition());
    if (seq.children.empty()) return Leaf(RegexNode::Kind::kEmpty);
    if (seq.children.size() == 1) return std::move(seq.children[0]);
    return seq;
  }

  // An atom, then at most one quantifier (RE2 refuses two), greedy or lazy.
  RegexNode Repetition() {
    RegexNode atom = Atom();
    if (failed_ || !IsQuantifier(Peek())) return atom;
    RegexNode rep = Leaf(RegexNode::Kind::kRepeat);
    char q = s_[i_++];
    if (q == '{') {
      --i_;
      if (!Counts(&rep.min, &rep.max)) return Fail();
    } else {
      rep.min = q == '+' ? 1 : 0;
      rep.max = q == '?' ? 1 : -1;
    }
    if (Peek() == '?') ++i_;  // lazy: the same strings
    if (IsQuantifier(Peek())) return Fail();
    rep.children.push_back(std::move(atom));
    return rep;
  }

  static bool IsQuantifier(char c) { return c == '*' || c == '+' || c == '?' || c == '{'; }

  // {n}, {n,} or {n,m}, at most four digits each (RE2 allows up to 1000).
  bool Counts(int* min, int* max) {
    size_t j = i_ + 1;
    auto number = [&](int* n) {
      size_t start = j;
      *n = 0;
      while (j < s_.size() && j - start < 5 && std::isdigit(static_cast<unsigned char>(s_[j]))) {
        *n = *n * 10 + (s_[j++] - '0');
      }
      return j > start && j - start <= 4;
    };
    if (!number(min)) return false;
    *max = *min;
    if (j < s_.size() && s_[j] == ',') {
      ++j;
      if (j < s_.size() && s_[j] == '}') {
        *max = -1;
      } else if (!number(max) || *max < *min) {
        return false;
      }
    }
    if (j >= s_.size() || s_[j] != '}') return false;
    i_ = j + 1;
    return true;
  }

  RegexNode Atom() {
    switch (Peek()) {
      case '(':
        return Group();
      case '[':
        return Class();
      case '.':
        ++i_;
        return CharNode(AnyChar());
      case '^':
      case '$': {
        RegexNode n = Leaf(RegexNode::Kind::kAnchor);
        n.at_end = s_[i_++] == '$';
        n.multi_line = multi_line_;
        return n;
      }
      case '\\':
        return Escape();
      case '*':
      case '+':
      case '?':
      case '{':
        return Fail();  // a quantifier with nothing to repeat
      default:
        break;
    }
    char32_t cp = 0;
    if (!Char(&cp)) return Fail();
    return CharNode(Literal(cp));
  }

  // (?flags) changes the flags to the end of the enclosing group, across '|'.
  RegexNode Group() {
    ++i_;  // '('
    bool outer_fold = fold_, outer_multi_line = multi_line_;
    if (Peek() == '?') {
      ++i_;
      if (Peek() == 'P' || Peek() == '<') {  // (?P<name>...) or (?<name>...)
        size_t close = s_.find('>', i_);
        if (close == std::string_view::npos) return Fail();
        i_ = close + 1;
      } else {
        bool on = true;
        for (; !AtEnd() && (std::isalpha(static_cast<unsigned char>(Peek())) || Peek() == '-');
             ++i_) {
          if (Peek() == '-') on = false;
          if (Peek() == 'i') fold_ = on;
          if (Peek() == 'm') multi_line_ = on;
        }
        if (Peek() == ')') {  // flags only
          ++i_;
          return Leaf(RegexNode::Kind::kEmpty);
        }
        if (Peek() != ':') return Fail();
        ++i_;
      }
    }
    RegexNode n = Alternation();
    if (Peek() != ')') return Fail();
    ++i_;
    fold_ = outer_fold;
    multi_line_ = outer_multi_line;
    return n;
  }

  RegexNode CharNode(RegexChars chars) {
    RegexNode n = Leaf(RegexNode::Kind::kChar);
    n.chars = std::move(chars);
    if (!fold_) return n;
    RegexChars& c = n.chars;
    if (c.any_other || !c.others.empty()) {  // non-ASCII may fold to ASCII (U+212A to k)
      bool hex = c.hex;
      c = AnyChar();
      c.hex = hex;
      return n;
    }
    const std::bitset<128> other_case = FoldedLetters(c.ascii);
    c.folds_from_non_ascii = other_case.any();
    c.ascii |= other_case;
    return n;
  }

  static RegexChars Literal(char32_t cp) {
    RegexChars c;
    if (cp < 0x80) {
      c.ascii.set(cp);
    } else {
      c.others.push_back(cp);
    }
    return c;
  }

  // One UTF-8 character of the pattern itself.
  bool Char(char32_t* cp) {
    size_t len = Utf8SequenceLength(s_.substr(i_));
    if (len == 0) return false;
    *cp = DecodeUtf8(s_.substr(i_, len));
    i_ += len;
    return true;
  }

  // The escapes RE2 shares with classes: a named class (added to `*set`),
  // one character (`*cp`), an assertion or something unknown.
  enum class EscapeKind { kClass, kChar, kEmptyWidth, kBad };
  EscapeKind EscapeItem(RegexChars* set, char32_t* cp) {
    ++i_;  // '\\'
    if (AtEnd()) return EscapeKind::kBad;
    char e = s_[i_++];
    switch (e) {
      case 'd':
        for (int c = '0'; c <= '9'; ++c) set->ascii.set(c);
        return EscapeKind::kClass;
      case 's':
        for (char c : {'\t', '\n', '\f', '\r', ' '}) set->ascii.set(static_cast<unsigned char>(c));
        return EscapeKind::kClass;
      case 'w':
        for (int c = 0; c < 0x80; ++c) {
          if (std::isalnum(c) || c == '_') set->ascii.set(c);
        }
        return EscapeKind::kClass;
      case 'D':
      case 'S':
      case 'W':
      case 'C':
        *set = AnyChar();
        return EscapeKind::kClass;
      case 'p':
      case 'P':
        if (Peek() == '{') {
          size_t close = s_.find('}', i_);
          if (close == std::string_view::npos) return EscapeKind::kBad;
          i_ = close + 1;
        } else if (std::isalpha(static_cast<unsigned char>(Peek()))) {
          ++i_;
        } else {
          return EscapeKind::kBad;
        }
        *set = AnyChar();
        return EscapeKind::kClass;
      case 'b':
      case 'B':
      case 'A':
      case 'z':
        --i_;  // the caller tells them apart
        return EscapeKind::kEmptyWidth;
      case 'x':
        set->hex = true;
        return Hex(cp) ? EscapeKind::kChar : EscapeKind::kBad;
      default:
        break;
    }
    // \n \t \r \f \v \a
    if (size_t k = std::string_view("ntrfva").find(e); k != std::string_view::npos) {
      *cp = static_cast<unsigned char>("\n\t\r\f\v\a"[k]);
      return EscapeKind::kChar;
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

  RegexNode Escape() {
    RegexChars set;
    char32_t cp = 0;
    switch (EscapeItem(&set, &cp)) {
      case EscapeKind::kClass:
        return CharNode(std::move(set));
      case EscapeKind::kChar: {
        RegexChars c = Literal(cp);
        c.hex = set.hex;
        return CharNode(std::move(c));
      }
      case EscapeKind::kEmptyWidth: {
        char e = s_[i_++];
        RegexNode n =
            Leaf(e == 'b' || e == 'B' ? RegexNode::Kind::kWordBoundary : RegexNode::Kind::kAnchor);
        n.at_end = e == 'z';
        n.negated = e == 'B';
        return n;
      }
      case EscapeKind::kBad:
        break;
    }
    return Fail();
  }

  // [...]: one character of a set. A POSIX or named class or a non-ASCII
  // member widen it to "any character" or "any non-ASCII code point", and so
  // does negating a set with one: wide, but rare where it matters. A negated
  // set of ASCII members is read exactly.
  RegexNode Class() {
    ++i_;  // '['
    bool negated = Peek() == '^';
    if (negated) ++i_;
    RegexChars set;
    bool first = true;
    while (!AtEnd() && (Peek() != ']' || first)) {
      first = false;
      if (s_.substr(i_, 2) == "[:") {
        size_t close = s_.find(":]", i_ + 2);
        if (close == std::string_view::npos) return Fail();
        i_ = close + 2;
        set = AnyChar();
        continue;
      }
      char32_t lo = 0;
      if (!ClassChar(&set, &lo)) {
        if (failed_) return RegexNode();
        continue;  // a named class, already added
      }
      char32_t hi = lo;
      if (Peek() == '-' && i_ + 1 < s_.size() && s_[i_ + 1] != ']') {
        ++i_;
        if (!ClassChar(&set, &hi)) return Fail();
      }
      if (hi < lo) return Fail();
      for (char32_t c = lo; c <= hi && c < 0x80; ++c) set.ascii.set(c);
      if (hi >= 0x80) set.any_other = true;
    }
    if (Peek() != ']') return Fail();
    ++i_;
    if (negated) {
      if (set.any_other || !set.others.empty() || set.hex) {
        bool hex = set.hex;
        set = AnyChar();
        set.hex = hex;
        return CharNode(std::move(set));
      }
      // ASCII members only (`[^.;:?]`): every other ASCII character, and any
      // non-ASCII code point. (?i) folds the members before the negation,
      // so both cases of a letter member are left out.
      RegexNode n = Leaf(RegexNode::Kind::kChar);
      std::bitset<128> members = set.ascii;
      if (fold_) members |= FoldedLetters(members);
      n.chars.ascii = ~members;
      n.chars.any_other = true;
      return n;
    }
    return CharNode(std::move(set));
  }

  // One member of a class: true with a character in `*cp`; false after a
  // named class (added to `*set`) or a failure (failed_ set).
  bool ClassChar(RegexChars* set, char32_t* cp) {
    if (Peek() == '\\') {
      switch (EscapeItem(set, cp)) {
        case EscapeKind::kChar:
          return true;
        case EscapeKind::kClass:
          return false;
        case EscapeKind::kEmptyWidth:
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
  bool fold_ = false;  // (?i) is active here
  bool multi_line_ = false;  // (?m) is active here
  bool failed_ = false;
};

}  // namespace

std::optional<RegexNode> ParseRegexSyntax(std::string_view pattern) {
  return Reader(pattern).Read();
}

bool AnchoredAtStart(const RegexNode& n) {
  switch (n.kind) {
    case RegexNode::Kind::kAnchor:
      return !n.at_end && !n.multi_line;
    case RegexNode::Kind::kConcat:
      // Flags-only groups before the anchor match the empty string.
      for (const RegexNode& child : n.children) {
        if (child.kind != RegexNode::Kind::kEmpty) return AnchoredAtStart(child);
      }
      return false;
    case RegexNode::Kind::kAlternate:
      return std::all_of(n.children.begin(), n.children.end(), AnchoredAtStart);
    default:
      return false;
  }
}

bool AnchoredAtEnd(const RegexNode& n) {
  switch (n.kind) {
    case RegexNode::Kind::kAnchor:
      return n.at_end && !n.multi_line;
    case RegexNode::Kind::kConcat:
      return AnchoredAtEnd(n.children.back());
    case RegexNode::Kind::kAlternate:
      return std::all_of(n.children.begin(), n.children.end(), AnchoredAtEnd);
    default:
      return false;
  }
}

}  // namespace gapmap
