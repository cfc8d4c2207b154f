// LineRegex: a structure line pattern matched by a small backtracking
// matcher instead of RE2, with the same answer and the same capture groups.
//
// The line patterns are short, anchored at the start of the line and asked of
// a few lines each (bullets, numbers, headings): RE2's fixed cost per search
// (~1000 instructions, ~3000 cycles when its caches are cold) is nearly all
// of what such a search costs. The pattern's own syntax, compiled into a
// small program for a backtracking machine, costs a few hundred.
//
// Exact, or nothing: Build() reads only the syntax whose meaning under RE2
// it knows exactly (literals, classes with ranges and \d \s \w, '.', groups,
// alternation, greedy and lazy quantifiers over non-empty pieces, ^ $ \A \z
// \b \B, (?i) over ASCII) and returns nothing for anything else; Match()
// answers kUnknown where it would have to guess or work too long (text that
// is not UTF-8, a step or depth budget exceeded). The caller asks RE2 then.
// Backtracking in order (alternatives left to right, greedy repetitions
// longest first) finds RE2's leftmost-first match and its groups; repeated
// pieces that can match the empty string, where the two differ, are left to
// RE2 (tests/segment/line_regex_test.cc holds it to RE2 line by line).
#ifndef GAPMAP_SEGMENT_LINE_REGEX_H_
#define GAPMAP_SEGMENT_LINE_REGEX_H_

#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace gapmap {

class LineRegex {
 public:
  enum class Outcome { kNoMatch, kMatch, kUnknown };

  // The matcher for `pattern` (RE2 syntax, UTF-8, case-sensitive unless it
  // says (?i)), which must start with '^' or \A; nothing when it holds syntax
  // this reader does not take, or a count of capture groups other than
  // `group_count` (RE2's).
  static std::optional<LineRegex> Build(std::string_view pattern, int group_count);

  // Whether the pattern matches `text` (at its start); on kMatch, `groups`
  // (when not null) holds the capture groups 1..n as RE2 gives them, a group
  // that took no part in the match as an empty view without data.
  Outcome Match(std::string_view text, std::vector<std::string_view>* groups) const;

  int group_count() const { return group_count_; }

  struct CharSet {
    uint64_t ascii[2] = {0, 0};                       // bit c: ASCII c is a member
    std::vector<std::pair<char32_t, char32_t>> wide;  // non-ASCII members, inclusive ranges
    bool negated = false;                             // matches what the above do not
  };
  // One step of the compiled pattern (see line_regex.cc).
  struct Inst {
    enum class Op : uint8_t {
      kChar,        // one character of sets_[set]
      kRepeatChar,  // min to max (-1: any) characters of sets_[set]
      kBegin,
      kEnd,
      kBoundary,  // \b, or \B when negated
      kSave,      // slot `x` (2g: group g's start, 2g + 1: its end) := position
      kSplit,     // go on at x; failing that, at y
      kJump,      // go on at x
      kMatch,
    };
    Op op = Op::kMatch;
    bool negated = false;
    bool greedy = true;
    int set = -1;
    int x = 0;
    int y = 0;
    int min = 0;
    int max = 0;
  };

 private:
  std::vector<Inst> program_;
  int start_ = 0;  // the first instruction that is not a leading ^
  std::vector<CharSet> sets_;
  int group_count_ = 0;
};

}  // namespace gapmap

#endif  // GAPMAP_SEGMENT_LINE_REGEX_H_
