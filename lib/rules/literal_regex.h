// LiteralRegex: a regex whose matches are a finite set of ASCII strings,
// found by walking a small trie of them instead of running RE2.
//
// Why: most RE2 searches of a run go to regexes like
// `\b(?:has|have|had) (?:also )?(?:developed|launched|...)\b` or
// `\bcalls? (?:up)?on\b`: phrases with alternatives, which the prefilter
// (regex_prefilter.h) sends to a window of a few dozen bytes around each
// atom it found. There an RE2 search costs ~2,700 instructions whatever the
// window holds (a forward and a reverse DFA pass, each with its set-up and
// locking), and ~3,300 cycles when the regex's DFA states have left the
// cache: on the ICAT report ~12,300 searches per 2 MB, two in three of them
// without a match. Trying each position of a window against a trie of the
// strings costs a table load per position and a short walk where one starts.
//
// Which regexes (read from the syntax tree, regex_syntax.h): ASCII
// characters, compared without case when every one's set is closed under
// case (any character under (?i), [sz], a space or a comma), else as exact
// bytes (`(?-i:Strengthen|Develop)`: a letter under (?i) is then two
// strings, so few such regexes stay within the limits), sequences, alternatives, repeats with an upper bound,
// and \b \B; ^ or \A before every string or none (the text's start, not a
// line's: no (?m)), no `$`, and nothing non-ASCII; at most kMaxStrings strings,
// none empty. And at any position at most one string can match: where one
// string is a prefix of another, the shorter one's \b or \B after it must
// rule out the longer one's next byte (`goals?\b` is fine: "goal" cannot
// match before an "s"). Then the match RE2 finds at a position is that
// string, whatever order the alternatives are written in, and the leftmost
// position with a match is the one RE2 reports.
//
// Exact as RE2 in UTF-8 mode (its \b looks at ASCII word bytes [0-9A-Za-z_]
// and takes every other byte for a non-word one), but for one thing the
// caller must rule out: under (?i) RE2 also folds U+017F to 's' and U+212A
// to 'k', which the trie does not see (the prefilter already sends text
// holding them to the RE2 set; RegexPrefilter::FoldsWithAscii).
#ifndef GAPMAP_RULES_LITERAL_REGEX_H_
#define GAPMAP_RULES_LITERAL_REGEX_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace gapmap {

class LiteralRegex {
 public:
  // More strings are left to RE2: the trie would no longer be small, and a
  // regex with that many is rarely just a phrase list.
  static constexpr size_t kMaxStrings = 4096;
  // And at most this many bytes of them in all (a rule file could ask for
  // thousands of strings thousands of bytes long).
  static constexpr size_t kMaxBytes = size_t{1} << 20;

  // The regex's strings in a trie, or nothing when `pattern` (RE2 syntax)
  // is not such a regex.
  static std::optional<LiteralRegex> Read(std::string_view pattern);

  // As Regex::Find: the leftmost match that starts at or after `from` and
  // ends by `to`; the bytes of `text` around [from, to) are the context of
  // \b and \B, as RE2 takes them.
  bool Find(std::string_view text, size_t from, size_t to, size_t* begin, size_t* end) const {
    return Find(text, from, to, to, begin, end);
  }
  // The same, for a match that starts by `last_start`: the positions after
  // it are not tried (RE2 has no such bound; the prefilter knows one).
  bool Find(std::string_view text, size_t from, size_t to, size_t last_start, size_t* begin,
            size_t* end) const;

  size_t string_count() const { return string_count_; }
  // The longest string: a match lies in the first max_length() bytes from
  // where it starts.
  size_t max_length() const { return max_length_; }
  // Whether every string follows a ^ (so a match starts only at 0).
  bool at_start() const { return at_start_; }

  // One string of the regex while Read() expands it (literal_regex.cc).
  struct String;

 private:
  // What a string's \b or \B asks of the byte beside it.
  enum class Neighbour : uint8_t { kAny, kWord, kNonWord };
  struct Node {
    uint32_t edges_begin = 0, edges_end = 0;  // in edges_, by byte
    bool ends_string = false;
    Neighbour before = Neighbour::kAny;  // of the string ending here
    Neighbour after = Neighbour::kAny;
  };
  struct Edge {
    uint8_t byte = 0;  // lowercase
    uint32_t child = 0;
  };
  static std::optional<LiteralRegex> Build(std::vector<String> strings, bool exact);
  int Child(const Node& node, uint8_t byte) const;

  std::vector<Node> nodes_;  // nodes_[0]: the root
  std::vector<Edge> edges_;
  std::array<int32_t, 256> first_{};  // text byte -> root child, -1: none
  // Text byte -> what every string starting with it asks of the byte before
  // (most need a non-word byte there: `\bhas`), so a walk starts only where
  // it can end in a match, not at every letter inside a word.
  std::array<Neighbour, 256> first_before_{};
  size_t string_count_ = 0;
  size_t max_length_ = 0;
  // Letters compare as they are, not without case: the regex has a letter
  // in one case only, so its strings hold each case it takes (`exact`).
  bool exact_ = false;
  bool at_start_ = false;
};

}  // namespace gapmap

#endif  // GAPMAP_RULES_LITERAL_REGEX_H_
