#include "lib/rules/unit_matcher.h"

#include <algorithm>
#include <optional>

#include "lib/rules/literal_regex.h"
#include "lib/rules/regex_syntax.h"
#include "lib/rules/word_scan.h"

namespace gapmap {

namespace {

// The leftmost match of `re` in [from, to) that starts by `last_start`:
// RE2 searches on to `to` and the caller drops what starts too late (it
// stops before the next search); a LiteralRegex stops trying there.
bool Search(const Regex& re, std::string_view text, size_t from, size_t to, size_t /*last_start*/,
            size_t* begin, size_t* end) {
  return re.Find(text, from, to, begin, end);
}
bool Search(const LiteralRegex& re, std::string_view text, size_t from, size_t to,
            size_t last_start, size_t* begin, size_t* end) {
  return re.Find(text, from, to, last_start, begin, end);
}

// Appends the matches of `re` that start at or after *pos and end by `to`,
// where none starts after `last_start`; *pos ends past the last one. `re`
// is a Regex or a LiteralRegex (the same Find()).
template <typename Searcher>
void AppendHitsUpTo(const Searcher& re, std::string_view text, size_t to, size_t last_start,
                    uint32_t pattern, size_t* pos, std::vector<Hit>* hits) {
  size_t begin = 0, end = 0;
  while (*pos <= to && *pos <= last_start && Search(re, text, *pos, to, last_start, &begin, &end)) {
    if (end > begin) {
      hits->push_back(Hit{pattern, static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
      *pos = end;
      continue;
    }
    // An empty match (e.g. `x*`) is no hit; step over one code point.
    if (begin >= text.size()) {
      *pos = text.size() + 1;
      break;
    }
    char32_t cp;
    *pos = begin + DecodeAt(text, begin, &cp);
  }
}

template <typename Searcher>
void AppendHitsIn(const Searcher& re, std::string_view text,
                  const std::vector<RegexWindow>& windows, uint32_t pattern,
                  std::vector<Hit>* hits) {
  // After a match past the window's last atom, no other match fits in the
  // window: the search that would confirm it is left out.
  size_t pos = 0;
  for (const RegexWindow& w : windows) {
    pos = std::max<size_t>(pos, w.begin);
    AppendHitsUpTo(re, text, w.end, w.last_atom, pattern, &pos, hits);
  }
}

}  // namespace

void AppendRegexHits(const Regex& re, std::string_view text, uint32_t pattern,
                     std::vector<Hit>* hits) {
  size_t pos = 0;
  AppendHitsUpTo(re, text, text.size(), text.size(), pattern, &pos, hits);
}

void AppendRegexHitsIn(const Regex& re, std::string_view text,
                       const std::vector<RegexWindow>& windows, uint32_t pattern,
                       std::vector<Hit>* hits) {
  AppendHitsIn(re, text, windows, pattern, hits);
}

namespace {

// Hits come nearly in order: term hits by word (a few out of place around
// each word), then each regex's hits, in order, after all of them. So a
// hit is moved into place among the ordered ones when it belongs at most
// kNearby places back; one that belongs further back (a regex hit) is set
// aside and merged in at the end. Sorting them all was ~1.3 % of matrix.
constexpr size_t kNearby = 8;
// Hits set aside at a time (a unit has a few regex hits): a small array, as
// Hit's initialisers zero it on every call; when it fills, it is merged in.
constexpr size_t kAsideCapacity = 16;

// Sorts the `count` hits of `aside` and merges them into the sorted
// h[0, sorted), which has room behind it: h[sorted, sorted + count) is free.
void MergeAside(Hit* h, size_t sorted, Hit* aside, size_t count) {
  std::sort(aside, aside + count, HitLess);
  size_t i = sorted, j = count, k = sorted + count;
  while (j > 0) {
    if (i > 0 && HitLess(aside[j - 1], h[i - 1])) {
      h[--k] = h[--i];
    } else {
      h[--k] = aside[--j];
    }
  }
}

}  // namespace

void NormalizeHits(std::vector<Hit>* hits) {
  std::vector<Hit>& h = *hits;
  const size_t n = h.size();
  // 1. HitLess order: h[0, sorted) is in order; the hits set aside and
  // those not yet read fill the rest. The hits in order at the front are
  // only compared, not moved.
  size_t sorted = n == 0 ? 0 : 1;
  while (sorted < n && !HitLess(h[sorted], h[sorted - 1])) ++sorted;
  if (sorted < n) {
    // Uninitialised on purpose: Hit's initialisers would zero it per call.
    union Aside {
      Hit hits[kAsideCapacity];
      Aside() {}
    } aside;
    size_t set_aside = 0;
    for (size_t i = sorted; i < n; ++i) {
      const Hit x = h[i];
      if (!HitLess(x, h[sorted - 1])) {
        h[sorted++] = x;
        continue;
      }
      const size_t stop = sorted > kNearby ? sorted - kNearby : 0;
      size_t at = sorted - 1;  // x goes before h[at]
      while (at > stop && HitLess(x, h[at - 1])) --at;
      if (at > 0 && HitLess(x, h[at - 1])) {
        aside.hits[set_aside++] = x;
        if (set_aside == kAsideCapacity) {
          MergeAside(h.data(), sorted, aside.hits, set_aside);
          sorted += set_aside;
          set_aside = 0;
        }
        continue;
      }
      std::copy_backward(h.begin() + at, h.begin() + sorted, h.begin() + sorted + 1);
      h[at] = x;
      ++sorted;
    }
    MergeAside(h.data(), sorted, aside.hits, set_aside);
  }
  // 2. Per (pattern, begin) the longest hit stays: a hit is dropped when a
  // later one with its begin (so a longer one) has its pattern. Hits that
  // share a begin are few (the patterns that start at one word); until the
  // first is dropped, the others stay where they are. Most units drop
  // none: the first hit dropped is found comparing only the begins of
  // neighbours, and nothing before it is written.
  auto longer_later = [&h, n](size_t i) {
    for (size_t m = i + 1; m < n && h[m].begin == h[i].begin; ++m) {
      if (h[m].pattern == h[i].pattern) return true;
    }
    return false;
  };
  size_t first_dropped = 0;
  while (first_dropped + 1 < n &&
         (h[first_dropped + 1].begin != h[first_dropped].begin || !longer_later(first_dropped))) {
    ++first_dropped;
  }
  if (first_dropped + 1 >= n) return;  // the last hit has no later one to yield to
  size_t out = first_dropped;
  for (size_t i = first_dropped; i < n; ++i) {
    if (!longer_later(i)) h[out++] = h[i];
  }
  h.resize(out);
}

UnitMatcher::UnitMatcher(int64_t set_memory_budget, bool simulate_out_of_memory)
    : simulate_out_of_memory_(simulate_out_of_memory) {
  RegexOptions options;
  options.max_mem = set_memory_budget;
  set_ = std::make_unique<RegexSet>(options);
  anchored_set_ = std::make_unique<RegexSet>(options, RegexSet::Anchor::kAnchorStart);
}
UnitMatcher::UnitMatcher(UnitMatcher&&) noexcept = default;
UnitMatcher& UnitMatcher::operator=(UnitMatcher&&) noexcept = default;
UnitMatcher::~UnitMatcher() = default;

void UnitMatcher::AddTerm(const Term& term, uint32_t pattern) { terms_.Add(term, pattern); }

namespace {

// True if `pattern` can only match at the start of the text (regex_syntax.h;
// a pattern the reader does not know counts as unanchored, which is safe).
bool StartAnchored(std::string_view pattern) {
  std::optional<RegexNode> tree = ParseRegexSyntax(pattern);
  return tree && AnchoredAtStart(*tree);
}

}  // namespace

Status UnitMatcher::AddRegex(const Regex& re, std::string_view set_pattern, uint32_t pattern) {
  program_size_ += re.program_size();
  if (StartAnchored(re.pattern())) {
    const uint32_t filter_bit = uint32_t{1} << (anchored_patterns_.size() % 32);
    anchored_patterns_.emplace_back(set_pattern);
    std::optional<LiteralRegex> literal = LiteralRegex::Read(set_pattern);
    if (literal && literal->at_start()) {
      start_literals_.push_back(StartLiteral{std::move(*literal), re, pattern, filter_bit});
      return Status::Ok();
    }
    Result<int> index = anchored_set_->Add(set_pattern);
    if (!index.ok()) return index.status();
    anchored_set_patterns_.emplace_back(set_pattern);
    anchored_.push_back(re);
    anchored_pattern_.push_back(pattern);
    set_filter_bits_ |= filter_bit;
    return Status::Ok();
  }
  Result<int> index = set_->Add(set_pattern);
  if (!index.ok()) return index.status();
  prefilter_.Add(set_pattern);
  literals_.push_back(LiteralRegex::Read(set_pattern));
  regexes_.push_back(re);
  regex_pattern_.push_back(pattern);
  return Status::Ok();
}

Status UnitMatcher::Build() {
  GAPMAP_RETURN_IF_ERROR(terms_.Build());
  prefilter_.Build();
  if (!anchored_.empty()) GAPMAP_RETURN_IF_ERROR(anchored_set_->Compile());
  if (!anchored_patterns_.empty()) anchored_filter_ = LinePrefixFilter(anchored_patterns_);
  if (!regexes_.empty()) return set_->Compile();
  return Status::Ok();
}

Status UnitMatcher::MatchSet(const RegexSet& set, const std::vector<Regex>& regexes,
                             const std::vector<uint32_t>& patterns, std::string_view text,
                             MatchScratch* scratch, bool* fell_back,
                             std::vector<Hit>* hits) const {
  bool out_of_memory = false;
  Status s = set.Match(text, &scratch->set_hits, &out_of_memory);
  if (simulate_out_of_memory_) {
    s = Status::Internal("simulated out of memory");
    out_of_memory = true;
  }
  if (!s.ok()) {
    if (!out_of_memory) return s;
    // Slow but exact: every regex on its own (RE2 falls back to its NFA
    // when a single regex's DFA runs out of memory).
    *fell_back = true;
    for (size_t r = 0; r < regexes.size(); ++r) {
      AppendRegexHits(regexes[r], text, patterns[r], hits);
    }
    return Status::Ok();
  }
  for (int r : scratch->set_hits) AppendRegexHits(regexes[r], text, patterns[r], hits);
  return Status::Ok();
}

namespace {

// The most bytes of a character RE2 matches for an ASCII letter: U+212A
// (Kelvin sign) is three. A match of a LiteralRegex's RE2 lies in the first
// kMaxFoldBytes * max_length() bytes from where it starts.
constexpr size_t kMaxFoldBytes = 3;

}  // namespace

Status UnitMatcher::Match(std::string_view text, MatchScratch* scratch,
                          std::vector<Hit>* hits) const {
  hits->clear();
  terms_.Match(text, scratch, hits);
  bool fell_back = false;
  if (!anchored_patterns_.empty()) {
    const uint32_t may_start = anchored_filter_.Candidates(text);
    for (const StartLiteral& r : start_literals_) {
      if ((may_start & r.filter_bit) == 0) continue;
      // Where RE2 may match a letter the trie does not see, RE2 answers.
      const size_t reach = kMaxFoldBytes * r.literal.max_length();
      if (RegexPrefilter::HoldsAsciiFold(text.substr(0, reach))) {
        AppendRegexHits(r.re, text, r.pattern, hits);
        continue;
      }
      size_t begin = 0, end = 0;
      if (r.literal.Find(text, 0, text.size(), &begin, &end)) {
        hits->push_back(Hit{r.pattern, static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
      }
    }
    if ((may_start & set_filter_bits_) != 0) {
      GAPMAP_RETURN_IF_ERROR(MatchSet(*anchored_set_, anchored_, anchored_pattern_, text, scratch,
                                      &fell_back, hits));
    }
  }
  if (!regexes_.empty()) {
    if (prefilter_.Candidates(text, &scratch->prefilter, &scratch->regex_candidates)) {
      // The prefilter has ruled out the code points RE2 folds to ASCII
      // letters, which a LiteralRegex does not see.
      for (int r : scratch->regex_candidates) {
        std::vector<RegexWindow>& windows = scratch->prefilter.windows;
        if (!prefilter_.Windows(r, &scratch->prefilter)) {
          const auto whole = static_cast<uint32_t>(text.size());  // hits are 32-bit too
          windows.assign(1, RegexWindow{0, whole, whole});
        }
        if (literals_[r]) {
          AppendHitsIn(*literals_[r], text, windows, regex_pattern_[r], hits);
        } else {
          AppendHitsIn(regexes_[r], text, windows, regex_pattern_[r], hits);
        }
      }
    } else {
      GAPMAP_RETURN_IF_ERROR(
          MatchSet(*set_, regexes_, regex_pattern_, text, scratch, &fell_back, hits));
    }
  }
  if (fell_back) ++scratch->set_fallbacks;
  NormalizeHits(hits);
  return Status::Ok();
}

}  // namespace gapmap
