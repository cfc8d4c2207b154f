#include "lib/segment/line_classifier.h"

#include <algorithm>
#include <charconv>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "lib/core/unit.h"
#include "lib/segment/normaliser.h"

namespace gapmap {
namespace {

std::string LowerNormalised(std::string_view s) {
  std::string out;
  NormaliseLine(s, &out);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

[[gnu::noinline]] bool EqualsIgnoringCase(std::string_view text, const std::string& lower) {
  if (lower.empty() || text.size() != lower.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != static_cast<unsigned char>(lower[i])) {
      return false;
    }
  }
  return true;
}

int ParseNumber(std::string_view s) {
  int value = -1;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || ptr != s.data() + s.size()) return -1;
  return value;
}

// Priority of a role when several patterns match a line (lower wins).
int Priority(LineRole role) {
  switch (role) {
    case LineRole::kFurniture:
      return 0;
    case LineRole::kPartHeading:
      return 1;
    case LineRole::kHeading:
      return 2;
    case LineRole::kPageNumber:
      return 3;
    case LineRole::kBulletGlyph:
      return 4;
    case LineRole::kNumbered:
      return 5;
    case LineRole::kBulletItem:
      return 6;
    case LineRole::kFootnoteStart:
      return 100;  // reported on the side
  }
  return 100;
}

// True if `text` ends in at least `n` leader dots ("... . . . . 12").
bool EndsInLeaders(std::string_view text, int n) {
  size_t i = text.size();
  while (i > 0 && ((text[i - 1] >= '0' && text[i - 1] <= '9') || text[i - 1] == ' ')) --i;
  int dots = 0;
  while (i > 0 && dots < n) {
    char c = text[i - 1];
    if (c == '.') {
      ++dots;
    } else if (c != ' ' || (i >= 2 && text[i - 2] == ' ')) {
      break;
    }
    --i;
  }
  return dots >= n;
}

std::string_view TrimView(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

#if defined(__SSE2__)
// The bits set in a 16-bit mask. __builtin_popcount is a call into libgcc
// when the popcnt instruction may not be used (the binary runs on any
// x86-64): a few shifts and adds instead.
inline int PopCount16(unsigned x) {
  x = x - ((x >> 1) & 0x5555u);
  x = (x & 0x3333u) + ((x >> 2) & 0x3333u);
  x = (x + (x >> 4)) & 0x0F0Fu;
  return static_cast<int>((x + (x >> 8)) & 0x1Fu);
}
#endif

}  // namespace

int CountTokens(std::string_view text, int limit) {
  // Past the limit the answer is limit + 1 (one word past a limit below zero).
  limit = std::max(limit, 0);
  int n = 0;
  size_t i = 0;
#if defined(__SSE2__)
  // A word starts at a non-space byte after a space: count the starts of 16
  // bytes at once, since this runs over every body line and every short
  // block (a byte loop is one mispredicted branch per word).
  const __m128i space = _mm_set1_epi8(' ');
  auto words = [&](size_t at) {  // bit k: byte at + k is not a space
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
    return ~static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, space))) & 0xFFFFu;
  };
  unsigned carry = 0;  // 1 if the byte before the block is not a space
  for (; i + 16 <= text.size(); i += 16) {
    unsigned w = words(i);
    n += PopCount16(w & ~((w << 1) | carry) & 0xFFFFu);
    if (n > limit) return limit + 1;
    carry = w >> 15;
  }
  if (i < text.size() && i >= 16) {
    // The rest as the last 16 bytes, overlapping counted ones: only starts
    // at or after i count, and the byte before each is in the block.
    size_t at = text.size() - 16;
    unsigned w = words(at);
    unsigned fresh = ~((1u << (i - at)) - 1);
    n += PopCount16(w & ~(w << 1) & fresh & 0xFFFFu);
    return std::min(n, limit + 1);
  }
#endif
  bool in_word = i > 0 && text[i - 1] != ' ';
  for (; i < text.size(); ++i) {
    bool is_space = text[i] == ' ';
    if (!is_space && !in_word && ++n > limit) return n;
    in_word = !is_space;
  }
  return n;
}

LineClassifier::LineClassifier(const StructureRules& rules, const DocumentInfo& document)
    : rules_(rules),
      separator_matches_empty_(rules.footnote_separator &&
                               rules.footnote_separator->PartialMatch("")) {
  if (rules.header_is_title) title_ = LowerNormalised(document.title);
  if (rules.header_is_issuer) issuer_ = LowerNormalised(document.issuer);
  // Bit k: pattern k has a LineRegex. Past 32 patterns the filter's bits are
  // shared, and the set answers.
  if (rules.line_patterns.size() <= 32 && rules.line_filter.enabled()) {
    for (size_t k = 0; k < rules.line_patterns.size(); ++k) {
      const LinePattern& p = rules.line_patterns[k];
      uint32_t bit = uint32_t{1} << k;
      if (p.fast) fast_patterns_ |= bit;
      if (p.role == LineRole::kFootnoteStart) {
        footnote_mask_ |= bit;
        continue;
      }
      auto level = static_cast<size_t>(Priority(p.role));
      if (priority_masks_.size() <= level) priority_masks_.resize(level + 1);
      priority_masks_[level] |= bit;
    }
  }
}

bool LineClassifier::IsRunningHeader(std::string_view text) const {
  // Asked of every line: the lengths first, inline, as they rule out nearly all.
  return (text.size() == title_.size() && EqualsIgnoringCase(text, title_)) ||
         (text.size() == issuer_.size() && EqualsIgnoringCase(text, issuer_));
}

bool LineClassifier::Groups(const LinePattern& p, std::string_view text) {
  if (groups_of_ == &p) return groups_matched_;  // already asked for this line
  groups_.clear();
  groups_of_ = &p;
  LineRegex::Outcome fast = p.fast ? p.fast->Match(text, &groups_) : LineRegex::Outcome::kUnknown;
  if (fast == LineRegex::Outcome::kUnknown) {
    groups_matched_ = p.regex.PartialMatchGroups(text, &groups_);
  } else {
    groups_matched_ = fast == LineRegex::Outcome::kMatch;
  }
  return groups_matched_;
}

const LinePattern* LineClassifier::MatchEach(uint32_t candidates, std::string_view text,
                                             LineInfo* info) {
  // The footnote start first: the shape's pattern is asked last, so that its
  // groups are the ones kept.
  for (uint32_t c = candidates & footnote_mask_; c != 0 && info->footnote_number < 0; c &= c - 1) {
    const LinePattern& p = rules_.line_patterns[static_cast<size_t>(__builtin_ctz(c))];
    if (Groups(p, text) && groups_.size() >= 2) {
      info->footnote_number = ParseNumber(groups_[0]);
      info->footnote_text = groups_[1];
    }
  }
  // The first pattern to match in priority order, then file order, decides.
  for (uint32_t level : priority_masks_) {
    for (uint32_t c = candidates & level; c != 0; c &= c - 1) {
      const LinePattern& p = rules_.line_patterns[static_cast<size_t>(__builtin_ctz(c))];
      if (Groups(p, text)) return &p;
    }
  }
  return nullptr;
}

Status LineClassifier::Classify(std::string_view raw, LineInfo* info) {
  // Copied from a constant: `*info = LineInfo()` built the fresh value on the
  // stack (rep stos) and read it back before the stores had landed, a stall
  // of ~1 % of a matrix run's time.
  static constexpr LineInfo kFresh{};
  *info = kFresh;
  groups_of_ = nullptr;
  // Most lines need no change: their text is then a view of `raw` itself.
  std::string_view text = NormaliseLineView(raw, &buffer_, &info->may_hold_digit);
  // A line whose text starts where the raw line does has no indent (the
  // normaliser trims spaces and tabs); the others are counted.
  info->indent = text.data() == raw.data() ? 0 : LeadingSpaces(raw);
  info->text = text;
  info->body = text;
  if (text.empty()) {
    // Most blank lines are empty: the answer for those was found up front.
    // Most of the others are a space or two, too short for the separator.
    bool separator = raw.empty()
                         ? separator_matches_empty_
                         : rules_.footnote_separator && raw.size() >= rules_.separator_min_bytes &&
                               rules_.footnote_separator->PartialMatch(raw);
    info->shape = separator ? LineShape::kSeparator : LineShape::kBlank;
    return Status::Ok();
  }
  info->shape = LineShape::kText;
  if (IsRunningHeader(text) || (rules_.leaders > 0 && EndsInLeaders(text, rules_.leaders))) {
    info->shape = LineShape::kFurniture;
    return Status::Ok();
  }
  if (rules_.line_set == nullptr) return Status::Ok();
  // Most lines match no pattern: rule out what the line's first two bytes and
  // last byte can. Most lines the filter lets through match a pattern, so ask
  // which at once; without the filter, ask whether any does first.
  const uint32_t candidates = rules_.line_filter.Candidates(text);
  if (candidates == 0) return Status::Ok();
  if (!rules_.line_filter.enabled()) {
    Result<bool> any = rules_.line_set->MatchesAny(text);
    if (!any.ok()) return any.status();
    if (!*any) return Status::Ok();
  }
  const LinePattern* best = nullptr;
  if (rules_.line_filter.SolePattern(candidates) >= 0 || (candidates & ~fast_patterns_) == 0) {
    // One pattern can match (most bullets, numbers, footnotes), or LineRegex
    // reads every one that can: each asked alone, with the capture groups the
    // shape reads anyway, costs less than the set's search (~1500
    // instructions, a third of them allocating its list of matches).
    best = MatchEach(candidates, text, info);
  } else {
    Status s = rules_.line_set->Match(text, &hits_);
    if (!s.ok()) return s;
    std::sort(hits_.begin(), hits_.end());  // file order breaks ties
    for (int h : hits_) {
      const LinePattern& p = rules_.line_patterns[h];
      if (p.role == LineRole::kFootnoteStart) {
        if (info->footnote_number < 0) {
          Groups(p, text);
          if (groups_.size() >= 2) {
            info->footnote_number = ParseNumber(groups_[0]);
            info->footnote_text = groups_[1];
          }
        }
        continue;
      }
      if (best == nullptr || Priority(p.role) < Priority(best->role)) best = &p;
    }
  }
  if (best == nullptr) return Status::Ok();
  switch (best->role) {
    case LineRole::kFurniture:
      info->shape = LineShape::kFurniture;
      break;
    case LineRole::kPartHeading:
      info->shape = LineShape::kPartHeading;
      info->part = best->part;
      break;
    case LineRole::kHeading:
      info->shape = LineShape::kHeading;
      Groups(*best, text);
      if (!groups_.empty()) {
        info->marker = groups_[0];
        info->depth = static_cast<int>(info->marker.size());
      }
      if (groups_.size() >= 2 && !groups_[1].empty()) info->body = TrimView(groups_[1]);
      break;
    case LineRole::kPageNumber:
      Groups(*best, text);
      info->number = groups_.empty() ? -1 : ParseNumber(groups_[0]);
      info->shape = info->number >= 0 ? LineShape::kNumberOnly : LineShape::kText;
      break;
    case LineRole::kBulletGlyph:
    case LineRole::kBulletItem:
    case LineRole::kNumbered: {
      Groups(*best, text);
      std::string_view marker = groups_.empty() ? std::string_view() : TrimView(groups_[0]);
      if (marker.empty()) break;
      info->marker = marker;
      size_t after = static_cast<size_t>(marker.data() + marker.size() - text.data());
      info->body = TrimView(text.substr(after));
      if (best->role == LineRole::kNumbered) {
        info->shape = LineShape::kNumbered;
        info->depth = MarkerNumberCount(marker);
      } else {
        info->shape =
            best->role == LineRole::kBulletGlyph ? LineShape::kBulletGlyph : LineShape::kBulletItem;
      }
      break;
    }
    case LineRole::kFootnoteStart:
      break;
  }
  return Status::Ok();
}

}  // namespace gapmap
