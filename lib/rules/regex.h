// Regex and RegexSet: the project's thin wrappers over RE2.
//
// Only this file pair, the rule matcher and its regex prefilter include RE2
// headers; everything else (the segmenter's line recognisers, the tagger)
// goes through here, so RE2's options are set in one place: UTF-8, log_errors
// off (errors come back as Status), and an explicit memory budget. Both
// classes are immutable after construction/Compile() and safe to share
// between threads.
#ifndef GAPMAP_RULES_REGEX_H_
#define GAPMAP_RULES_REGEX_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lib/core/status.h"

namespace gapmap {

struct RegexOptions {
  bool case_insensitive = false;     // default: case-sensitive
  bool literal = false;              // pattern is a literal string, not a regex
  int64_t max_mem = 8 << 20;         // RE2's budget per regex (DFA + program), bytes
};

class Regex {
 public:
  // Compiles `pattern`; on error the Status message is RE2's, e.g.
  // "missing ): (abc".
  static Result<Regex> Compile(std::string_view pattern, const RegexOptions& options = {});

  // True if the pattern matches anywhere in `text`.
  bool PartialMatch(std::string_view text) const;
  // True if the pattern matches all of `text`.
  bool FullMatch(std::string_view text) const;
  // Leftmost match starting at or after `from`: [*begin, *end) in `text`.
  bool Find(std::string_view text, size_t from, size_t* begin, size_t* end) const;
  // The same within text[from, to): the rest of `text` is context only (for
  // \b, ^ and $), as if the match had to end by `to`.
  bool Find(std::string_view text, size_t from, size_t to, size_t* begin, size_t* end) const;
  // Like FullMatch, also returning the capture groups (empty view when a group
  // did not take part). `groups` is resized to group_count().
  bool FullMatchGroups(std::string_view text, std::vector<std::string_view>* groups) const;
  bool PartialMatchGroups(std::string_view text, std::vector<std::string_view>* groups) const;

  int group_count() const;
  int program_size() const;
  const std::string& pattern() const;

 private:
  struct Impl;
  explicit Regex(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

// Many patterns matched in one pass. Add() must not be called after Compile();
// Match() must not be called before it.
class RegexSet {
 public:
  enum class Anchor { kUnanchored, kAnchorStart, kAnchorBoth };
  explicit RegexSet(const RegexOptions& options = {}, Anchor anchor = Anchor::kUnanchored);
  ~RegexSet();
  RegexSet(RegexSet&&) noexcept;
  RegexSet& operator=(RegexSet&&) noexcept;

  // Returns the pattern's index (0, 1, ...) or RE2's error for it.
  Result<int> Add(std::string_view pattern);
  // Fails when the combined program exceeds the memory budget.
  Status Compile();
  // Sets `hits` to the indices of all patterns that match `text` (unsorted).
  // Never reports "no match" for a scan that ran out of memory: that is an
  // error Status (kInternal) naming the budget, so callers can fall back;
  // `*out_of_memory` (if given) tells that case apart from other failures.
  Status Match(std::string_view text, std::vector<int>* hits,
               bool* out_of_memory = nullptr) const;
  // Whether any pattern matches `text`: cheaper than Match() when most texts
  // match nothing (no list of hits is built, the scan stops at the first
  // match). Fails like Match().
  Result<bool> MatchesAny(std::string_view text) const;

  int size() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gapmap

#endif  // GAPMAP_RULES_REGEX_H_
