#include "lib/segment/line_regex.h"

#include <algorithm>
#include <array>
#include <string>

#include "lib/core/utf8.h"

namespace gapmap {
namespace {

using CharSet = LineRegex::CharSet;
using Inst = LineRegex::Inst;
using Op = LineRegex::Inst::Op;

// The pattern as read: a syntax tree, compiled into a program for matching.
struct Node {
  enum class Kind : uint8_t {
    kChar,      // one character of sets[set]
    kBegin,     // ^ \A
    kEnd,       // $ \z
    kBoundary,  // \b (negated: \B)
    kEmpty,
    kConcat,
    kAlternate,
    kRepeat,  // children[0], min to max (-1: no limit) times
    kGroup,   // capture group `group` (0-based) around children[0]
  };
  Kind kind = Kind::kEmpty;
  bool negated = false;
  bool greedy = true;
  int min = 0;
  int max = 0;
  int group = -1;
  int set = -1;
  std::vector<int> children;
};
using Kind = Node::Kind;

// Programs longer than this (counted repetitions are written out) are RE2's.
constexpr size_t kMaxProgram = 2000;

// More capture groups than this are left to RE2 (the matcher keeps them on
// the stack).
constexpr int kMaxGroups = 16;

bool HasAscii(const CharSet& s, unsigned c) { return (s.ascii[c >> 6] >> (c & 63) & 1u) != 0; }
void AddAscii(CharSet* s, unsigned c) { s->ascii[c >> 6] |= uint64_t{1} << (c & 63); }

void AddRange(CharSet* s, char32_t lo, char32_t hi) {
  for (char32_t c = lo; c <= hi && c < 0x80; ++c) AddAscii(s, static_cast<unsigned>(c));
  if (hi >= 0x80) s->wide.emplace_back(lo < 0x80 ? 0x80 : lo, hi);
}

bool IsWordByte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

// RE2's Perl classes: \d [0-9], \s [\t\n\f\r ], \w [0-9A-Za-z_].
void AddPerlClass(CharSet* s, char which) {
  for (unsigned c = 0; c < 0x80; ++c) {
    bool in = which == 'd'   ? (c >= '0' && c <= '9')
              : which == 's' ? (c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' ')
                             : IsWordByte(static_cast<unsigned char>(c));
    if (in) AddAscii(s, c);
  }
}

// The members' other cases under (?i). RE2 folds by Unicode's case orbits:
// for ASCII letters those add only K's and S's non-ASCII forms (the Kelvin
// sign, the long s). Non-ASCII members may have folds of their own: false.
bool FoldAsciiCase(CharSet* s) {
  if (!s->wide.empty()) return false;
  for (unsigned c = 'a'; c <= 'z'; ++c) {
    unsigned upper = c - 'a' + 'A';
    if (HasAscii(*s, c) || HasAscii(*s, upper)) {
      AddAscii(s, c);
      AddAscii(s, upper);
    }
  }
  if (HasAscii(*s, 'k')) s->wide.emplace_back(0x212A, 0x212A);
  if (HasAscii(*s, 's')) s->wide.emplace_back(0x017F, 0x017F);
  return true;
}

bool Nullable(const std::vector<Node>& nodes, int n) {
  const Node& node = nodes[static_cast<size_t>(n)];
  switch (node.kind) {
    case Kind::kChar:
      return false;
    case Kind::kConcat:
      for (int c : node.children) {
        if (!Nullable(nodes, c)) return false;
      }
      return true;
    case Kind::kAlternate:
      for (int c : node.children) {
        if (Nullable(nodes, c)) return true;
      }
      return false;
    case Kind::kRepeat:
      return node.min == 0 || Nullable(nodes, node.children[0]);
    case Kind::kGroup:
      return Nullable(nodes, node.children[0]);
    default:
      return true;  // assertions and the empty string
  }
}

bool StartsAnchored(const std::vector<Node>& nodes, int n) {
  const Node& node = nodes[static_cast<size_t>(n)];
  switch (node.kind) {
    case Kind::kBegin:
      return true;
    case Kind::kConcat:
      for (int c : node.children) {
        if (nodes[static_cast<size_t>(c)].kind != Kind::kEmpty) return StartsAnchored(nodes, c);
      }
      return false;
    case Kind::kAlternate:
      for (int c : node.children) {
        if (!StartsAnchored(nodes, c)) return false;
      }
      return !node.children.empty();
    case Kind::kGroup:
      return StartsAnchored(nodes, node.children[0]);
    default:
      return false;
  }
}

// Reads the syntax LineRegex takes (see the header); ok() false on anything
// else, which is then RE2's alone.
class Parser {
 public:
  Parser(std::string_view pattern, std::vector<Node>* nodes, std::vector<CharSet>* sets)
      : p_(pattern), nodes_(nodes), sets_(sets) {}

  int Parse() {
    bool fold = false;
    int root = Alternate(&fold);
    if (i_ != p_.size()) ok_ = false;  // an unbalanced ')'
    return root;
  }
  bool ok() const { return ok_; }
  int groups() const { return groups_; }

 private:
  int Add(Node n) {
    nodes_->push_back(std::move(n));
    return static_cast<int>(nodes_->size()) - 1;
  }
  int AddChar(CharSet s) {
    sets_->push_back(std::move(s));
    Node n;
    n.kind = Kind::kChar;
    n.set = static_cast<int>(sets_->size()) - 1;
    return Add(std::move(n));
  }
  int AddAssertion(Kind kind) {
    Node n;
    n.kind = kind;
    return Add(std::move(n));
  }
  bool More() const { return ok_ && i_ < p_.size(); }
  char Peek() const { return p_[i_]; }
  bool Eat(char c) {
    if (i_ < p_.size() && p_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }

  // Alternatives up to ')' or the end. A flags group (?i) inside reaches to
  // the end of the enclosing group, across '|' (as in RE2).
  int Alternate(bool* fold) {
    Node alt;
    alt.kind = Kind::kAlternate;
    alt.children.push_back(Concat(fold));
    while (ok_ && Eat('|')) alt.children.push_back(Concat(fold));
    if (alt.children.size() == 1) return alt.children[0];
    return Add(std::move(alt));
  }

  int Concat(bool* fold) {
    Node seq;
    seq.kind = Kind::kConcat;
    while (More() && Peek() != '|' && Peek() != ')') {
      int atom = Atom(fold);
      if (!ok_) break;
      seq.children.push_back(Quantified(atom));
    }
    if (seq.children.empty()) return Add(Node());
    if (seq.children.size() == 1) return seq.children[0];
    return Add(std::move(seq));
  }

  int Quantified(int atom) {
    if (!More()) return atom;
    int min = 0, max = 0;
    char c = Peek();
    if (c == '*') {
      min = 0, max = -1;
    } else if (c == '+') {
      min = 1, max = -1;
    } else if (c == '?') {
      min = 0, max = 1;
    } else if (c == '{') {
      if (!Count(&min, &max)) ok_ = false;  // RE2 reads such a '{' as itself: not taken
      --i_;                                 // Count() ate through '}'
    } else {
      return atom;
    }
    ++i_;
    Node rep;
    rep.kind = Kind::kRepeat;
    rep.min = min;
    rep.max = max;
    rep.greedy = !Eat('?');
    rep.children.push_back(atom);
    // A repeated piece that can match the empty string is where RE2 and
    // backtracking part ways; a second quantifier is not RE2 syntax.
    if (Nullable(*nodes_, atom)) ok_ = false;
    if (More() && (Peek() == '*' || Peek() == '+' || Peek() == '?' || Peek() == '{')) ok_ = false;
    return Add(std::move(rep));
  }

  // {n} {n,} {n,m}, from '{' through '}'.
  bool Count(int* min, int* max) {
    size_t j = i_ + 1;
    auto number = [&](int* out) {
      size_t start = j;
      long v = 0;
      while (j < p_.size() && p_[j] >= '0' && p_[j] <= '9' && v <= 1000)
        v = v * 10 + (p_[j++] - '0');
      *out = static_cast<int>(v);
      return j > start && v <= 1000;
    };
    if (!number(min)) return false;
    *max = *min;
    if (j < p_.size() && p_[j] == ',') {
      ++j;
      if (j < p_.size() && p_[j] == '}') {
        *max = -1;
      } else if (!number(max) || *max < *min) {
        return false;
      }
    }
    if (j >= p_.size() || p_[j] != '}') return false;
    i_ = j + 1;
    return true;
  }

  int Atom(bool* fold) {
    char c = p_[i_++];
    switch (c) {
      case '(':
        return Group(fold);
      case '[':
        return Class(*fold);
      case '.': {
        CharSet s;
        s.negated = true;
        AddAscii(&s, '\n');
        return AddChar(std::move(s));
      }
      case '^':
        return AddAssertion(Kind::kBegin);
      case '$':
        return AddAssertion(Kind::kEnd);
      case '\\':
        return Escape(*fold);
      case '*':
      case '+':
      case '?':
      case '{':
        ok_ = false;
        return -1;
      default:
        --i_;
        return Literal(*fold);
    }
  }

  int Group(bool* fold) {
    if (!Eat('?')) {
      if (groups_ >= kMaxGroups) ok_ = false;
      int index = groups_++;
      bool inner = *fold;
      int child = Alternate(&inner);
      return CloseGroup(index, child);
    }
    if (Eat(':')) {
      bool inner = *fold;
      return CloseGroup(-1, Alternate(&inner));
    }
    if (Eat('P')) {
      if (!Eat('<')) {
        ok_ = false;
        return -1;
      }
      while (More() && Peek() != '>') ++i_;
      if (!Eat('>') || groups_ >= kMaxGroups) {
        ok_ = false;
        return -1;
      }
      int index = groups_++;
      bool inner = *fold;
      int child = Alternate(&inner);
      return CloseGroup(index, child);
    }
    // Flags: only i and -i are taken.
    bool on = true, flags = *fold;
    while (More() && Peek() != ')' && Peek() != ':') {
      char f = p_[i_++];
      if (f == '-' && on) {
        on = false;
      } else if (f == 'i') {
        flags = on;
      } else {
        ok_ = false;
        return -1;
      }
    }
    if (Eat(')')) {
      *fold = flags;  // to the end of the enclosing group
      return Add(Node());
    }
    if (!Eat(':')) {
      ok_ = false;
      return -1;
    }
    return CloseGroup(-1, Alternate(&flags));
  }

  int CloseGroup(int index, int child) {
    if (!ok_ || !Eat(')')) {
      ok_ = false;
      return -1;
    }
    if (index < 0) return child;
    Node g;
    g.kind = Kind::kGroup;
    g.group = index;
    g.children.push_back(child);
    return Add(std::move(g));
  }

  // One code point of the pattern, as written (UTF-8).
  bool CodePoint(char32_t* out) {
    size_t len = Utf8SequenceLength(p_.substr(i_));
    if (len == 0) return false;
    *out = DecodeUtf8(p_.data() + i_, len);
    i_ += len;
    return true;
  }

  int Literal(bool fold) {
    char32_t c;
    if (!CodePoint(&c)) {
      ok_ = false;
      return -1;
    }
    return Single(c, fold);
  }

  int Single(char32_t c, bool fold) {
    CharSet s;
    AddRange(&s, c, c);
    if (fold && !FoldAsciiCase(&s)) ok_ = false;
    return AddChar(std::move(s));
  }

  // An escape's code point (\x41 \x{2022} \n \. ...), or 0 with *perl set
  // for \d \s \w (upper case: negated), or false if not taken.
  bool EscapedChar(char32_t* out, char* perl) {
    if (i_ >= p_.size()) return false;
    char c = p_[i_++];
    *perl = 0;
    switch (c) {
      case 'd':
      case 's':
      case 'w':
      case 'D':
      case 'S':
      case 'W':
        *perl = c;
        return true;
      case 'n':
        *out = '\n';
        return true;
      case 't':
        *out = '\t';
        return true;
      case 'r':
        *out = '\r';
        return true;
      case 'f':
        *out = '\f';
        return true;
      case 'v':
        *out = '\v';
        return true;
      case 'a':
        *out = '\a';
        return true;
      case 'x': {
        bool braced = Eat('{');
        char32_t v = 0;
        int digits = 0;
        while (i_ < p_.size() && (braced || digits < 2)) {
          char h = p_[i_];
          int d = h >= '0' && h <= '9'   ? h - '0'
                  : h >= 'a' && h <= 'f' ? h - 'a' + 10
                  : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                         : -1;
          if (d < 0) break;
          v = v * 16 + static_cast<char32_t>(d);
          ++i_;
          if (++digits > 6) return false;
        }
        if (braced && !Eat('}')) return false;
        if (digits == 0 || (!braced && digits != 2) || v > 0x10FFFF ||
            (v >= 0xD800 && v <= 0xDFFF)) {
          return false;
        }
        *out = v;
        return true;
      }
      default:
        // Escaped ASCII punctuation stands for itself.
        if (static_cast<unsigned char>(c) < 0x80 && !IsWordByte(static_cast<unsigned char>(c)) &&
            c > ' ') {
          *out = static_cast<unsigned char>(c);
          return true;
        }
        return false;
    }
  }

  int Escape(bool fold) {
    if (i_ < p_.size()) {
      char c = p_[i_];
      Node n;
      if (c == 'b' || c == 'B') {
        n.kind = Kind::kBoundary;
        n.negated = c == 'B';
      } else if (c == 'A') {
        n.kind = Kind::kBegin;
      } else if (c == 'z') {
        n.kind = Kind::kEnd;
      }
      if (n.kind != Kind::kEmpty) {
        ++i_;
        return Add(std::move(n));
      }
    }
    char32_t cp = 0;
    char perl = 0;
    if (!EscapedChar(&cp, &perl)) {
      ok_ = false;
      return -1;
    }
    if (perl == 0) return Single(cp, fold);
    CharSet s;
    bool negated = perl >= 'A' && perl <= 'Z';
    AddPerlClass(&s, static_cast<char>(negated ? perl - 'A' + 'a' : perl));
    // A negated class under (?i) folds before it negates: not taken.
    if (fold && (negated || !FoldAsciiCase(&s))) ok_ = false;
    s.negated = negated;
    return AddChar(std::move(s));
  }

  int Class(bool fold) {
    CharSet s;
    bool negated = Eat('^');
    bool first = true;
    while (ok_) {
      if (i_ >= p_.size()) {
        ok_ = false;
        break;
      }
      if (p_[i_] == ']' && !first) {
        ++i_;
        break;
      }
      first = false;
      if (p_.substr(i_, 2) == "[:") {
        ok_ = false;  // [:alpha:] and the like
        break;
      }
      char32_t lo;
      if (!ClassChar(&s, &lo, fold)) continue;  // a Perl class, added
      char32_t hi = lo;
      if (i_ + 1 < p_.size() && p_[i_] == '-' && p_[i_ + 1] != ']') {
        ++i_;
        if (!ClassChar(&s, &hi, fold) || hi < lo) {
          ok_ = false;
          break;
        }
      }
      AddRange(&s, lo, hi);
    }
    if (fold && !FoldAsciiCase(&s)) ok_ = false;
    s.negated = negated;
    return AddChar(std::move(s));
  }

  // One member of a class: a code point (true, in *out), or a Perl class
  // added to `s` (false).
  bool ClassChar(CharSet* s, char32_t* out, bool fold) {
    if (p_[i_] != '\\') {
      if (!CodePoint(out)) ok_ = false;
      return ok_;
    }
    ++i_;
    char perl = 0;
    if (!EscapedChar(out, &perl)) {
      ok_ = false;
      return false;
    }
    if (perl == 0) return true;
    if (perl >= 'A' && perl <= 'Z') {
      if (fold) ok_ = false;
      CharSet inner;
      AddPerlClass(&inner, static_cast<char>(perl - 'A' + 'a'));
      for (unsigned c = 0; c < 0x80; ++c) {
        if (!HasAscii(inner, c)) AddAscii(s, c);
      }
      s->wide.emplace_back(0x80, 0x10FFFF);
    } else {
      AddPerlClass(s, perl);
    }
    return false;
  }

  std::string_view p_;
  size_t i_ = 0;
  bool ok_ = true;
  int groups_ = 0;
  std::vector<Node>* nodes_;
  std::vector<CharSet>* sets_;
};

// The tree as a program of a backtracking machine: alternatives and
// optional pieces are kSplit (the preferred way first), groups are kSave
// around their piece, a counted repetition is written out as its mandatory
// copies and then nested optional ones, an unbounded one loops by kJump, and
// a repeated single character is one kRepeatChar.
class Compiler {
 public:
  Compiler(const std::vector<Node>& nodes, std::vector<Inst>* program)
      : nodes_(nodes), program_(program) {}

  bool Compile(int root) {
    Emit(root);
    Inst match;
    match.op = Op::kMatch;
    Add(match);
    return program_->size() <= kMaxProgram;
  }

 private:
  int Add(Inst inst) {
    program_->push_back(inst);
    return static_cast<int>(program_->size()) - 1;
  }
  int Here() const { return static_cast<int>(program_->size()); }
  Inst& At(int pc) { return (*program_)[static_cast<size_t>(pc)]; }
  // A kSplit to `preferred` first, `other` second (patched in later).
  int Split(bool preferred_is_next) {
    Inst split;
    split.op = Op::kSplit;
    split.greedy = preferred_is_next;
    return Add(split);
  }
  // Points the split at `pc` past its piece: as its second way when the
  // piece was preferred, else as its first.
  void Patch(int split, int next, int past) {
    Inst& s = At(split);
    s.x = s.greedy ? next : past;
    s.y = s.greedy ? past : next;
  }

  void Emit(int n) {
    if (program_->size() > kMaxProgram) return;  // given up on; Compile() says so
    const Node& node = nodes_[static_cast<size_t>(n)];
    Inst inst;
    switch (node.kind) {
      case Kind::kChar:
        inst.op = Op::kChar;
        inst.set = node.set;
        Add(inst);
        return;
      case Kind::kBegin:
        inst.op = Op::kBegin;
        Add(inst);
        return;
      case Kind::kEnd:
        inst.op = Op::kEnd;
        Add(inst);
        return;
      case Kind::kBoundary:
        inst.op = Op::kBoundary;
        inst.negated = node.negated;
        Add(inst);
        return;
      case Kind::kEmpty:
        return;
      case Kind::kConcat:
        for (int c : node.children) Emit(c);
        return;
      case Kind::kAlternate: {
        std::vector<int> jumps;
        for (size_t k = 0; k < node.children.size(); ++k) {
          if (k + 1 == node.children.size()) {
            Emit(node.children[k]);
            break;
          }
          int split = Split(true);
          Emit(node.children[k]);
          inst.op = Op::kJump;
          jumps.push_back(Add(inst));
          Patch(split, split + 1, Here());
        }
        for (int j : jumps) At(j).x = Here();
        return;
      }
      case Kind::kGroup:
        inst.op = Op::kSave;
        inst.x = 2 * node.group;
        Add(inst);
        Emit(node.children[0]);
        inst.x = 2 * node.group + 1;
        Add(inst);
        return;
      case Kind::kRepeat:
        EmitRepeat(node);
        return;
    }
  }

  void EmitRepeat(const Node& node) {
    const Node& child = nodes_[static_cast<size_t>(node.children[0])];
    if (child.kind == Kind::kChar) {
      Inst inst;
      inst.op = Op::kRepeatChar;
      inst.set = child.set;
      inst.min = node.min;
      inst.max = node.max;
      inst.greedy = node.greedy;
      Add(inst);
      return;
    }
    for (int k = 0; k < node.min; ++k) Emit(node.children[0]);
    if (node.max < 0) {
      // loop: split(body, out); body; jump loop; out:
      int split = Split(node.greedy);
      Emit(node.children[0]);
      Inst jump;
      jump.op = Op::kJump;
      jump.x = split;
      Add(jump);
      Patch(split, split + 1, Here());
      return;
    }
    std::vector<int> splits;
    for (int k = node.min; k < node.max; ++k) {
      splits.push_back(Split(node.greedy));
      Emit(node.children[0]);
    }
    for (int split : splits) Patch(split, split + 1, Here());
  }

  const std::vector<Node>& nodes_;
  std::vector<Inst>* program_;
};

// One match attempt at the start of `text`: the program run by a machine
// that keeps the ways not taken on a stack of its own.
class Machine {
 public:
  Machine(const std::vector<Inst>& program, const std::vector<CharSet>& sets, std::string_view text,
          size_t* slots)
      : program_(program), sets_(sets), text_(text), slots_(slots) {}

  // Runs from `pc` at the start of the text.
  LineRegex::Outcome Run(int pc);

 private:
  // Work bounds: a line that needs more is RE2's (which has no such limits).
  // Between two backtracks the machine moves forward through the text (a
  // loop's piece cannot match the empty string), so bounding the backtracks
  // bounds the work.
  static constexpr int kMaxBacktracks = 10000;
  static constexpr size_t kMaxStack = 512;

  // A way not taken: go on at `pc` from `pos`; or give slot `pc` back its
  // value `pos`; or a kRepeatChar at `pc` that can give back (greedy) or take
  // (lazy) one more character, having taken `count` to `pos`.
  struct Way {
    enum class Kind : uint8_t { kBranch, kRestore, kRepeat } kind;
    int pc;
    int count;
    size_t pos;
  };

  // Whether the character at `pos` is in `s`; *next is past it.
  bool CharAt(const CharSet& s, size_t pos, size_t* next) {
    if (pos >= text_.size()) return false;
    auto b = static_cast<unsigned char>(text_[pos]);
    if (b < 0x80) {
      *next = pos + 1;
      return HasAscii(s, b) != s.negated;
    }
    size_t len = Utf8SequenceLength(text_.substr(pos, 4));
    if (len == 0) {
      gave_up_ = true;  // RE2 has its own reading of bytes that are not UTF-8
      return false;
    }
    char32_t c = DecodeUtf8(text_.data() + pos, len);
    bool in = false;
    for (const auto& [lo, hi] : s.wide) {
      if (c >= lo && c <= hi) {
        in = true;
        break;
      }
    }
    *next = pos + len;
    return in != s.negated;
  }

  bool WordAt(size_t pos) const {
    return pos < text_.size() && IsWordByte(static_cast<unsigned char>(text_[pos]));
  }

  bool Push(Way way) {
    if (depth_ == kMaxStack) return false;
    stack_[depth_++] = way;
    return true;
  }

  // Takes the latest way not taken into pc and pos; false if there is none.
  bool Backtrack(int* pc, size_t* pos);

  const std::vector<Inst>& program_;
  const std::vector<CharSet>& sets_;
  std::string_view text_;
  size_t* slots_;
  std::array<Way, kMaxStack> stack_;
  size_t depth_ = 0;
  int backtracks_ = 0;
  bool gave_up_ = false;
};

bool Machine::Backtrack(int* pc, size_t* pos) {
  if (gave_up_ || ++backtracks_ > kMaxBacktracks) {
    gave_up_ = true;
    return false;
  }
  while (depth_ > 0) {
    Way& way = stack_[depth_ - 1];
    switch (way.kind) {
      case Way::Kind::kRestore:
        slots_[way.pc] = way.pos;
        --depth_;
        continue;
      case Way::Kind::kBranch:
        *pc = way.pc;
        *pos = way.pos;
        --depth_;
        return true;
      case Way::Kind::kRepeat: {
        const Inst& inst = program_[static_cast<size_t>(way.pc)];
        if (inst.greedy) {
          // Give back the last character taken.
          do {
            --way.pos;
          } while ((static_cast<unsigned char>(text_[way.pos]) & 0xC0) == 0x80);
          --way.count;
        } else {
          size_t next;
          if ((inst.max >= 0 && way.count >= inst.max) ||
              !CharAt(sets_[static_cast<size_t>(inst.set)], way.pos, &next)) {
            if (gave_up_) return false;
            --depth_;
            continue;
          }
          way.pos = next;
          ++way.count;
        }
        *pc = way.pc + 1;
        *pos = way.pos;
        // No more to give back (or, lazy, the most taken): the way is used up.
        if (inst.greedy ? way.count <= inst.min : (inst.max >= 0 && way.count >= inst.max)) {
          --depth_;
        }
        return true;
      }
    }
  }
  return false;
}

LineRegex::Outcome Machine::Run(int pc) {
  // Locals, not members: the stores to the stack and the slots may not move
  // them out of registers.
  const Inst* program = program_.data();
  const CharSet* sets = sets_.data();
  const size_t size = text_.size();
  size_t pos = 0;
  for (;;) {
    const Inst& inst = program[pc];
    bool ok = true;
    switch (inst.op) {
      case Op::kChar: {
        size_t next;
        ok = CharAt(sets[inst.set], pos, &next);
        if (ok) pos = next;
        break;
      }
      case Op::kRepeatChar: {
        const CharSet& s = sets[inst.set];
        int count = 0;
        size_t next;
        // Greedy: as many as there are; lazy: the fewest.
        int want = inst.greedy ? inst.max : inst.min;
        while ((want < 0 || count < want) && CharAt(s, pos, &next)) {
          pos = next;
          ++count;
        }
        ok = count >= inst.min;
        bool more = inst.greedy ? count > inst.min : (inst.max < 0 || count < inst.max);
        if (ok && more && !Push({Way::Kind::kRepeat, pc, count, pos})) {
          return LineRegex::Outcome::kUnknown;
        }
        break;
      }
      case Op::kBegin:
        ok = pos == 0;
        break;
      case Op::kEnd:
        ok = pos == size;
        break;
      case Op::kBoundary:
        ok = ((pos > 0 && WordAt(pos - 1)) != WordAt(pos)) != inst.negated;
        break;
      case Op::kSave:
        if (!Push({Way::Kind::kRestore, inst.x, 0, slots_[inst.x]})) {
          return LineRegex::Outcome::kUnknown;
        }
        slots_[inst.x] = pos;
        break;
      case Op::kSplit:
        if (!Push({Way::Kind::kBranch, inst.y, 0, pos})) return LineRegex::Outcome::kUnknown;
        pc = inst.x;
        continue;
      case Op::kJump:
        pc = inst.x;
        continue;
      case Op::kMatch:
        return LineRegex::Outcome::kMatch;
    }
    if (ok) {
      ++pc;
    } else if (!Backtrack(&pc, &pos)) {
      return gave_up_ ? LineRegex::Outcome::kUnknown : LineRegex::Outcome::kNoMatch;
    }
  }
}

}  // namespace

std::optional<LineRegex> LineRegex::Build(std::string_view pattern, int group_count) {
  std::vector<Node> nodes;
  LineRegex re;
  Parser parser(pattern, &nodes, &re.sets_);
  int root = parser.Parse();
  if (!parser.ok() || parser.groups() != group_count || group_count > kMaxGroups ||
      !StartsAnchored(nodes, root) || !Compiler(nodes, &re.program_).Compile(root)) {
    return std::nullopt;
  }
  re.group_count_ = group_count;
  // The match is tried at the start of the text only: the leading anchors
  // hold there.
  while (re.program_[static_cast<size_t>(re.start_)].op == Inst::Op::kBegin) ++re.start_;
  return re;
}

LineRegex::Outcome LineRegex::Match(std::string_view text,
                                    std::vector<std::string_view>* groups) const {
  std::array<size_t, 2 * kMaxGroups> slots;
  std::fill(slots.begin(), slots.begin() + 2 * group_count_, std::string_view::npos);
  Outcome outcome = Machine(program_, sets_, text, slots.data()).Run(start_);
  if (outcome == Outcome::kMatch && groups != nullptr) {
    groups->assign(static_cast<size_t>(group_count_), std::string_view());
    for (int i = 0; i < group_count_; ++i) {
      size_t begin = slots[2 * static_cast<size_t>(i)];
      size_t end = slots[2 * static_cast<size_t>(i) + 1];
      if (begin != std::string_view::npos && end != std::string_view::npos) {
        (*groups)[static_cast<size_t>(i)] = std::string_view(text.data() + begin, end - begin);
      }
    }
  }
  return outcome;
}

}  // namespace gapmap
