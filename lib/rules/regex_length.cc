#include "lib/rules/regex_length.h"

#include <cctype>

namespace gapmap {
namespace {

constexpr long kUnbounded = -1;
constexpr long kLimit = 1 << 20;  // larger bounds are of no use: unbounded

long Add(long a, long b) {
  if (a == kUnbounded || b == kUnbounded || a + b > kLimit) return kUnbounded;
  return a + b;
}

long Times(long a, long n) {
  if (a == kUnbounded || (a > 0 && n > kLimit / a)) return kUnbounded;
  return a * n;
}

// Recursive descent over RE2's syntax; `bad_` for anything unexpected.
class Reader {
 public:
  explicit Reader(std::string_view p) : p_(p) {}

  long Read() {
    long n = Alternation();
    if (bad_ || i_ != p_.size()) return kUnbounded;
    return n;
  }

 private:
  bool More() const { return i_ < p_.size(); }
  char Peek() const { return p_[i_]; }

  long Alternation() {
    long best = Sequence();
    while (!bad_ && More() && Peek() == '|') {
      ++i_;
      long n = Sequence();
      best = best == kUnbounded || n == kUnbounded ? kUnbounded : std::max(best, n);
    }
    return best;
  }

  long Sequence() {
    long sum = 0;
    while (!bad_ && More() && Peek() != '|' && Peek() != ')') {
      long n = Atom();
      n = Quantified(n);
      sum = Add(sum, n);
    }
    return sum;
  }

  long Quantified(long n) {
    if (bad_ || !More()) return n;
    char c = Peek();
    if (c == '?') {
      ++i_;
    } else if (c == '*' || c == '+') {
      ++i_;
      n = kUnbounded;
    } else if (c == '{') {
      size_t close = p_.find('}', i_);
      if (close == std::string_view::npos) return Bad();
      std::string_view body = p_.substr(i_ + 1, close - i_ - 1);
      size_t comma = body.find(',');
      std::string_view max = comma == std::string_view::npos ? body : body.substr(comma + 1);
      if (body.empty() || max.empty() || max.size() > 4) return Bad();  // {n,} or odd
      long m = 0;
      for (char d : max) {
        if (!std::isdigit(static_cast<unsigned char>(d))) return Bad();
        m = m * 10 + (d - '0');
      }
      for (char d : body.substr(0, comma == std::string_view::npos ? body.size() : comma)) {
        if (!std::isdigit(static_cast<unsigned char>(d))) return Bad();
      }
      i_ = close + 1;
      n = Times(n, m);
    } else {
      return n;
    }
    if (More() && Peek() == '?') ++i_;  // lazy: the same bound
    if (More() && (Peek() == '*' || Peek() == '+' || Peek() == '?' || Peek() == '{')) return Bad();
    return n;
  }

  long Atom() {
    unsigned char c = static_cast<unsigned char>(Peek());
    switch (c) {
      case '(':
        return Group();
      case '[':
        return Class();
      case '.':
        ++i_;
        return 4;
      case '^':
      case '$':
        ++i_;
        return 0;
      case '\\':
        return Escape();
      case '*':
      case '+':
      case '?':
      case '{':
        return Bad();
      default:
        break;
    }
    if (c < 0x80) {
      ++i_;
      return 1;
    }
    ++i_;
    while (More() && (static_cast<unsigned char>(Peek()) & 0xC0) == 0x80) ++i_;
    return 4;
  }

  long Group() {
    ++i_;  // '('
    if (More() && Peek() == '?') {
      ++i_;
      if (More() && (Peek() == 'P' || Peek() == '<')) {
        size_t close = p_.find('>', i_);
        if (close == std::string_view::npos) return Bad();
        i_ = close + 1;
      } else {
        while (More() && (std::isalpha(static_cast<unsigned char>(Peek())) || Peek() == '-')) ++i_;
        if (!More()) return Bad();
        if (Peek() == ')') {  // flags only, e.g. (?i)
          ++i_;
          return 0;
        }
        if (Peek() != ':') return Bad();
        ++i_;
      }
    }
    long n = Alternation();
    if (bad_ || !More() || Peek() != ')') return Bad();
    ++i_;
    return n;
  }

  // One byte for a class of ASCII code points, else four.
  long Class() {
    ++i_;  // '['
    bool ascii = true;
    if (More() && Peek() == '^') {
      ascii = false;
      ++i_;
    }
    bool first = true;
    while (More() && (Peek() != ']' || first)) {
      first = false;
      unsigned char c = static_cast<unsigned char>(Peek());
      if (c == '[' && i_ + 1 < p_.size() && p_[i_ + 1] == ':') {
        size_t close = p_.find(":]", i_ + 2);
        if (close == std::string_view::npos) return Bad();
        i_ = close + 2;
        continue;
      }
      if (c == '\\') {
        if (i_ + 1 >= p_.size()) return Bad();
        char e = p_[i_ + 1];
        if (std::isalnum(static_cast<unsigned char>(e)) && std::string_view("dwsntrfva").find(e) ==
                                                               std::string_view::npos) {
          ascii = false;  // \D, \pL, \x{...}: skip what follows conservatively
          if ((e == 'p' || e == 'P' || e == 'x') && i_ + 2 < p_.size() && p_[i_ + 2] == '{') {
            size_t close = p_.find('}', i_);
            if (close == std::string_view::npos) return Bad();
            i_ = close + 1;
            continue;
          }
          if (e == 'x') {
            i_ += 4;
            continue;
          }
          if (e == 'p' || e == 'P') {
            i_ += 3;
            continue;
          }
        }
        i_ += 2;
        continue;
      }
      if (c >= 0x80) ascii = false;
      ++i_;
    }
    if (!More()) return Bad();
    ++i_;  // ']'
    return ascii ? 1 : 4;
  }

  long Escape() {
    if (i_ + 1 >= p_.size()) return Bad();
    char e = p_[i_ + 1];
    i_ += 2;
    switch (e) {
      case 'b':
      case 'B':
      case 'A':
      case 'z':
        return 0;
      case 'd':
      case 'w':
      case 's':
      case 'n':
      case 't':
      case 'r':
      case 'f':
      case 'v':
      case 'a':
      case 'C':
        return 1;
      case 'D':
      case 'W':
      case 'S':
        return 4;
      case 'p':
      case 'P':
      case 'x':
        if (More() && Peek() == '{') {
          size_t close = p_.find('}', i_);
          if (close == std::string_view::npos) return Bad();
          i_ = close + 1;
        } else {
          i_ += e == 'x' ? 2 : 1;
        }
        return 4;
      default:
        break;
    }
    // An escaped punctuation character is itself; anything else (\Q...\E,
    // octal, back references RE2 refuses anyway) is not read here.
    if (static_cast<unsigned char>(e) < 0x80 && std::ispunct(static_cast<unsigned char>(e))) return 1;
    return Bad();
  }

  long Bad() {
    bad_ = true;
    return kUnbounded;
  }

  std::string_view p_;
  size_t i_ = 0;
  bool bad_ = false;
};

}  // namespace

int MaxMatchBytes(std::string_view pattern) { return static_cast<int>(Reader(pattern).Read()); }

}  // namespace gapmap
