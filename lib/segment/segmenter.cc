#include "lib/segment/segmenter.h"

#include <algorithm>
#include <cstdint>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "lib/segment/normaliser.h"

namespace gapmap {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

bool IsClosingMark(char c) { return c == '"' || c == '\'' || c == ')' || c == ']' || c == '*'; }

// The last character that says how a line ends: closing quotes and brackets
// and a footnote reference glued after the punctuation ("regard.21") are
// skipped. 0 for empty text.
char LastSignificant(std::string_view text) {
  text = Trim(text);
  size_t end = text.size();
  size_t digits = end;
  while (digits > 0 && text[digits - 1] >= '0' && text[digits - 1] <= '9') --digits;
  if (digits < end && digits > 0) {
    char c = text[digits - 1];
    if (c == '.' || c == '!' || c == '?' || IsClosingMark(c)) end = digits;
  }
  while (end > 0 && IsClosingMark(text[end - 1])) --end;
  return end == 0 ? 0 : text[end - 1];
}

bool EndsSentence(std::string_view text) {
  char c = LastSignificant(text);
  return c == '.' || c == '!' || c == '?';
}

// Ends like a list item or a clause: . ; : ! ?
bool EndsItem(std::string_view text) {
  char c = LastSignificant(text);
  return c == '.' || c == ';' || c == ':' || c == '!' || c == '?';
}

// Headings do not end in these (a question is fine: "What Is ICAT?").
bool EndsClosing(std::string_view text) {
  char c = LastSignificant(text);
  return c == '.' || c == ',' || c == ';' || c == ':' || c == '!';
}

bool StartsLower(std::string_view text) {
  return !text.empty() && text[0] >= 'a' && text[0] <= 'z';
}

bool StartsCapital(std::string_view text) {
  if (text.empty()) return false;
  unsigned char c = static_cast<unsigned char>(text[0]);
  return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '"' || c == '\'' || c >= 0x80;
}

// A unit that a later lowercase line may continue: body text that did not
// end its sentence or clause.
bool Continuable(const std::string& text, UnitKind kind) {
  if (kind != UnitKind::kText && kind != UnitKind::kBullet) return false;
  char c = LastSignificant(text);
  return c != 0 && c != '.' && c != '!' && c != '?' && c != ':';
}

bool IsListShape(LineShape shape) {
  return shape == LineShape::kBulletGlyph || shape == LineShape::kBulletItem ||
         shape == LineShape::kNumbered;
}

// "b)" and "a)", "2." and "1.", "-" and "-" are items of the same list.
std::string MarkerStyle(std::string_view marker) {
  std::string style;
  for (char c : marker) {
    char k = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ? 'a'
             : (c >= '0' && c <= '9')                         ? '9'
                                                              : c;
    if (style.empty() || style.back() != k || (k != 'a' && k != '9')) style.push_back(k);
  }
  return style;
}

// A web address marks a reference, not a title.
bool HasUrl(std::string_view text) {
  return text.find("://") != std::string_view::npos || text.find("www.") != std::string_view::npos;
}

// "Technical Cooperation": a few words, each capitalised.
bool IsTitleCase(std::string_view text, int max_words) {
  int words = 0;
  bool word_start = true;
  for (char c : text) {
    if (c == ' ') {
      word_start = true;
      continue;
    }
    if (word_start) {
      ++words;
      if (!(c >= 'A' && c <= 'Z')) return false;
    }
    word_start = false;
  }
  return words > 0 && words <= max_words;
}

// The position of the first ASCII digit in `text` at or after `from`, or
// text.size(): 16 bytes at a time where SSE2 is there (all x86-64), since
// every body line is searched for note references.
size_t NextDigit(std::string_view text, size_t from) {
  size_t i = from;
#if defined(__SSE2__)
  const __m128i zero = _mm_set1_epi8('0');
  const __m128i nine = _mm_set1_epi8(9);
  auto digits = [&](size_t at) {  // bit k: byte at + k is a digit
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + at));
    __m128i t = _mm_sub_epi8(v, zero);  // digits become bytes 0..9
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(t, nine), t)));
  };
  for (; i + 16 <= text.size(); i += 16) {
    if (unsigned mask = digits(i); mask != 0) return i + static_cast<size_t>(__builtin_ctz(mask));
  }
  if (i < text.size() && text.size() >= 16) {
    // The rest as the last 16 bytes, overlapping searched ones (a byte loop
    // over the rest cost more than all the blocks of a typical line).
    size_t at = text.size() - 16;
    unsigned mask = digits(at) & ~((1u << (i - at)) - 1);
    return mask != 0 ? at + static_cast<size_t>(__builtin_ctz(mask)) : text.size();
  }
#endif
  for (; i < text.size(); ++i) {
    if (text[i] >= '0' && text[i] <= '9') return i;
  }
  return text.size();
}

int ParseDigits(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

// Words in a line that make it body text rather than a label.
constexpr int kContentWords = 8;
// A heading has at least this many characters ("N" alone is an axis label).
constexpr size_t kMinHeadingChars = 3;
// The most words of a sub-heading glued to the end of a paragraph.
constexpr int kMaxGluedHeadingWords = 4;
// Room reserved for a unit's text when its first line arrives (units of
// report prose average ~360 bytes).
constexpr size_t kTypicalUnitBytes = 512;

}  // namespace

Segmenter::Segmenter(const StructureRules& rules, const AgencyRegistry& agencies,
                     const DocumentInfo& document, SegmenterOptions options)
    : rules_(rules),
      document_(document),
      options_(options),
      titles_(agencies),
      classifier_(rules, document),
      dehyphenator_(&rules.keep_prefixes, &rules.keep_second_parts) {}

Status Segmenter::AddLine(const Line& line, std::vector<Unit>* out) {
  if (line.continued) {
    // A later piece of an over-long line: same line, same unit.
    Draft* draft = in_footnotes_ && footnote_.live() ? &footnote_ : &cur_;
    if (draft->live()) {
      NormaliseLine(line.text, &scratch_);
      if (draft->text.size() + scratch_.size() > options_.max_unit_bytes) {
        // Too long to keep whole: what we have is a unit; the rest of the
        // line starts the next one.
        UnitKind kind = draft->kind == UnitKind::kFootnote ? UnitKind::kFootnote : UnitKind::kText;
        StageDraft(draft);
        draft->Reset();
        draft->kind = kind;
        AppendLine(draft, line, scratch_);
        // The staged pieces share the draft's line number, which would hold
        // them back until the line ends: a 1 GiB line would stay in memory.
        Flush(out, false, draft);
      } else {
        // Whether the line ends a sentence is asked of its first piece.
        EndsSentenceAt(draft, draft->lines.size() - 1);
        draft->text.append(scratch_);
        draft->lines.back().end = line.offset + line.text.size();
      }
      Flush(out, false);
      return Status::Ok();
    }
  }
  Status s = classifier_.Classify(line.text, &info_);
  if (!s.ok()) return s;
  if (line.page_break) PageBreak();
  bool blank = info_.shape == LineShape::kBlank || info_.shape == LineShape::kSeparator;
  if (!blank) {
    // A lowercase line right after a caption that stops mid-sentence ("... did
    // anyone from the child" + "welfare system ...") goes on with the caption,
    // not with the paragraph before it.
    after_open_furniture_ = open_furniture_;
    open_furniture_ = false;
  }
  if (deferred_ && !blank) ResolveDeferredNumber(&info_);
  if (!in_footnotes_ || !FootnoteLine(line, info_)) BodyLine(line, info_);
  Flush(out, false);
  return Status::Ok();
}

void Segmenter::Finish(std::vector<Unit>* out) {
  if (deferred_) ResolveDeferredNumber(nullptr);
  if (in_footnotes_) EndFootnotes();
  CloseBlock(true);
  FinalizePending(Next::kNothing);
  Flush(out, true);
}

void Segmenter::PageBreak() {
  if (deferred_) ResolveDeferredNumber(nullptr);  // a number at the foot of the page
  if (in_footnotes_) EndFootnotes();
  CloseBlock(true);
  page_top_ = true;
  blank_run_ = 0;
}

void Segmenter::BodyLine(const Line& line, const LineInfo& info) {
  switch (info.shape) {
    case LineShape::kBlank:
      ++blank_run_;
      CloseBlock(true);
      if (blank_run_ == rules_.page_gap) page_top_ = true;
      return;
    case LineShape::kSeparator:
      CloseBlock(true);
      in_footnotes_ = true;
      footnote_has_text_ = false;
      blank_run_ = 0;
      return;
    case LineShape::kFurniture: {
      CloseBlock(true);
      StageLine(UnitKind::kFurniture, line, info.text);
      after_furniture_ = true;
      char last = info.text.empty() ? 0 : info.text.back();
      open_furniture_ = (last >= 'a' && last <= 'z') || last == ',';
      blank_run_ = 0;
      return;
    }
    case LineShape::kNumberOnly:
      CloseBlock(true);
      if (after_furniture_) {
        StageLine(UnitKind::kFurniture, line, info.text);  // the page number under a header
        page_top_ = true;
      } else {
        deferred_ = Deferred{line.number, line.offset, line.offset + line.text.size(), info.number,
                             std::string(info.text)};
      }
      blank_run_ = 0;
      return;
    case LineShape::kPartHeading:
    case LineShape::kHeading:
      CloseBlock(true);
      FinalizePending(Next::kContent);
      StageLine(UnitKind::kHeading, line, info.shape == LineShape::kHeading ? info.body : info.text,
                info.marker);
      after_furniture_ = false;
      page_top_ = false;
      blank_run_ = 0;
      return;
    default:
      break;
  }

  bool block_start = !cur_.live();
  if (block_start && info.footnote_number >= 0 && (blank_run_ > 0 || page_top_) &&
      IsFootnoteNumber(info.footnote_number)) {
    // "12 CTOC/COP/2006/CRP.5." at the foot of a page.
    last_footnote_ = info.footnote_number;
    StartFootnote(line, info);
    blank_run_ = 0;
    return;
  }
  if (!block_start && info.shape == LineShape::kText &&
      info.indent >= rules_.footnote_insert_indent) {
    // An indented line interrupting a paragraph: a footnote the extraction put
    // there. The paragraph stays open and resumes after it.
    StartFootnote(line, info);
    return;
  }
  bool page_top = page_top_;
  after_furniture_ = false;
  page_top_ = false;
  blank_run_ = 0;
  // A line without digits has no note reference (most lines: the search
  // for one would look at every byte again).
  if (info.may_hold_digit) NoteReferences(info.text);

  if (IsListShape(info.shape)) {
    // A dash or letter inside a sentence is not a list marker: an item starts
    // a block, follows the end of a clause, or follows an item like it.
    bool new_item =
        info.shape == LineShape::kBulletGlyph || block_start || EndsItem(cur_.text) ||
        (cur_.kind == UnitKind::kBullet && MarkerStyle(cur_.marker) == MarkerStyle(info.marker));
    if (new_item) {
      CloseBlock(false);
      StartBlock(line, info, UnitKind::kBullet, info.shape == LineShape::kNumbered, block_start,
                 page_top);
      return;
    }
  }
  if (block_start) {
    StartBlock(line, info, UnitKind::kText, false, true, page_top);
  } else {
    AppendLine(&cur_, line, info.text);
  }
}

bool Segmenter::FootnoteLine(const Line& line, const LineInfo& info) {
  switch (info.shape) {
    case LineShape::kBlank:
      ++blank_run_;
      CloseBlock(true);
      if (blank_run_ >= rules_.page_gap) {
        EndFootnotes();
        page_top_ = true;
      }
      return true;
    case LineShape::kSeparator:
      return true;
    case LineShape::kFurniture:
    case LineShape::kPartHeading:
    case LineShape::kHeading:
    case LineShape::kBulletGlyph:
      EndFootnotes();
      return false;
    case LineShape::kNumberOnly:
      if (!IsFootnoteNumber(info.number)) {
        EndFootnotes();
        return false;
      }
      if (footnote_.live()) StageDraft(&footnote_);
      last_footnote_ = info.number;
      StartFootnote(line, info);
      blank_run_ = 0;
      return true;
    default:
      break;
  }
  if (info.footnote_number >= 0 && IsFootnoteNumber(info.footnote_number)) {
    if (footnote_.live()) StageDraft(&footnote_);
    last_footnote_ = info.footnote_number;
    StartFootnote(line, info);
    blank_run_ = 0;
    return true;
  }
  if (info.indent == 1 && footnote_has_text_) {
    // The extraction marks the first line of a new page with one space: the
    // body text resumes.
    EndFootnotes();
    page_top_ = true;
    return false;
  }
  if (footnote_.live()) {
    AppendLine(&footnote_, line, info.text);
  } else {
    StartFootnote(line, info);
  }
  footnote_has_text_ = true;
  blank_run_ = 0;
  return true;
}

void Segmenter::StartFootnote(const Line& line, const LineInfo& info) {
  if (footnote_.live()) StageDraft(&footnote_);
  footnote_.Reset();
  footnote_.kind = UnitKind::kFootnote;
  AppendLine(&footnote_, line, info.text);
  in_footnotes_ = true;
  footnote_has_text_ = info.shape != LineShape::kNumberOnly;
}

void Segmenter::EndFootnotes() {
  if (footnote_.live()) StageDraft(&footnote_);
  footnote_.Reset();
  in_footnotes_ = false;
  footnote_has_text_ = false;
}

bool Segmenter::IsFootnoteNumber(int n) const {
  if (n <= 0) return false;
  if (n == last_footnote_) return true;  // the extraction repeated the number
  int limit = std::max(last_footnote_ + rules_.footnote_window, max_reference_);
  return n > last_footnote_ && n <= limit;
}

void Segmenter::NoteReferences(std::string_view text) {
  // A note reference is a number of 1-3 digits glued to the end of a word or
  // sentence: "resolution1", "(ICAT)5", "victims.31".
  for (size_t i = NextDigit(text, 1); i < text.size(); i = NextDigit(text, i + 1)) {
    char before = text[i - 1];
    bool glued = (before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z') ||
                 before == '.' || before == ')' || before == '"' || before == '\'' ||
                 before == ',' || before == ';' || before == ':';
    size_t end = i;
    while (end < text.size() && text[end] >= '0' && text[end] <= '9') ++end;
    if (glued && end - i <= 3) {
      bool ends = end == text.size() || !((text[end] >= 'a' && text[end] <= 'z') ||
                                          (text[end] >= 'A' && text[end] <= 'Z'));
      int n = ParseDigits(text.substr(i, end - i));
      if (ends && n > last_footnote_ && n <= last_footnote_ + 50) {
        max_reference_ = std::max(max_reference_, n);
      }
    }
    i = end;
  }
}

void Segmenter::ResolveDeferredNumber(const LineInfo* next) {
  Deferred d = std::move(*deferred_);
  deferred_.reset();
  bool page_number = next == nullptr || next->shape == LineShape::kFurniture;
  if (page_number || !IsFootnoteNumber(d.number)) {
    Unit unit = NewUnit();
    unit.kind = UnitKind::kFurniture;
    unit.line_start = unit.line_end = d.number_line;
    unit.byte_start = d.begin;
    unit.byte_end = d.end;
    unit.text = std::move(d.text);
    Stage(std::move(unit));
    after_furniture_ = true;
    if (page_number) page_top_ = true;
    return;
  }
  last_footnote_ = d.number;
  footnote_.Reset();
  footnote_.kind = UnitKind::kFootnote;
  DraftLine dl;
  dl.number = d.number_line;
  dl.begin = d.begin;
  dl.end = d.end;
  footnote_.lines.push_back(dl);
  footnote_.text = std::move(d.text);
  in_footnotes_ = true;
  footnote_has_text_ = false;
}

void Segmenter::StartBlock(const Line& line, const LineInfo& info, UnitKind kind, bool numbered,
                           bool clean, bool page_top) {
  if (kind == UnitKind::kText && pending_.live() && StartsLower(info.text) &&
      !after_open_furniture_ && Continuable(pending_.text, pending_.kind)) {
    // The paragraph broken by a blank line, a page break, footnotes or
    // furniture goes on.
    std::swap(cur_, pending_);
    pending_.Reset();
    cur_.heading_candidate = false;
    AppendLine(&cur_, line, info.text);
    return;
  }
  FinalizePending(WhatFollows(info));
  cur_.Reset();
  cur_.kind = kind;
  cur_.numbered = numbered;
  cur_.started_clean = clean;
  cur_.page_top = page_top;
  if (kind == UnitKind::kBullet) cur_.marker = std::string(info.marker);
  AppendLine(&cur_, line, kind == UnitKind::kBullet ? info.body : info.text);
}

void Segmenter::AppendLine(Draft* draft, const Line& line, std::string_view text) {
  if (draft->live() && draft->text.size() + 1 + text.size() > options_.max_unit_bytes) {
    // Too long to keep whole: what we have is a unit; this line starts the
    // next one, of the same kind (a continued list item is body text).
    UnitKind kind = draft->kind == UnitKind::kBullet ? UnitKind::kText : draft->kind;
    StageDraft(draft);
    draft->Reset();
    draft->kind = kind;
  }
  DraftLine dl;
  dl.number = line.number;
  dl.begin = line.offset;
  dl.end = line.offset + line.text.size();
  dl.text_offset = draft->text.size();
  dl.chars = text.size();
  draft->lines.push_back(dl);
  // A unit's text grows line by line; room for a typical paragraph up front
  // saves the reallocations of doubling from one line's worth.
  if (draft->text.empty())
    draft->text.reserve(std::min(kTypicalUnitBytes, options_.max_unit_bytes));
  dehyphenator_.Join(&draft->text, text);
}

void Segmenter::CloseBlock(bool clean) {
  if (!cur_.live()) return;
  cur_.closed_clean = clean;
  SplitGluedTitle(&cur_);
  if (cur_.kind == UnitKind::kText && IsNarrow(cur_)) {
    cur_.kind = UnitKind::kFurniture;  // chart labels, a sidebar, a pull quote
  } else if (cur_.kind == UnitKind::kText && static_cast<int>(cur_.lines.size()) <= 2 &&
             StartsCapital(cur_.text) && titles_.Match(cur_.text) >= 0) {
    cur_.kind = UnitKind::kHeading;
  } else if (cur_.kind == UnitKind::kText && cur_.started_clean && clean &&
             static_cast<int>(cur_.lines.size()) <= rules_.heading_max_lines &&
             cur_.text.size() >= kMinHeadingChars && StartsCapital(cur_.text) &&
             !EndsClosing(cur_.text) && !HasUrl(cur_.text) &&
             CountTokens(cur_.text, rules_.heading_max_words) <= rules_.heading_max_words) {
    cur_.heading_candidate = true;
  }
  if (pending_.live()) FinalizePending(Next::kContent);  // not expected: see StartBlock
  std::swap(pending_, cur_);
  cur_.Reset();
}

bool Segmenter::IsNarrow(const Draft& draft) const {
  if (rules_.narrow_block_chars <= 0 ||
      static_cast<int>(draft.lines.size()) < rules_.narrow_block_lines) {
    return false;
  }
  for (const DraftLine& l : draft.lines) {
    if (static_cast<int>(l.chars) > rules_.narrow_block_chars) return false;
  }
  return true;
}

void Segmenter::SplitGluedTitle(Draft* draft) {
  if (draft->kind != UnitKind::kText && draft->kind != UnitKind::kBullet) return;
  size_t n = draft->lines.size();
  for (size_t take : {size_t{2}, size_t{1}}) {
    if (n < take + 1) continue;
    size_t k = n - take;
    if (!EndsSentenceAt(draft, k - 1)) continue;
    size_t offset = draft->lines[k].text_offset;
    std::string_view title = Trim(std::string_view(draft->text).substr(offset));
    if (!StartsCapital(title) || titles_.Match(title) < 0) continue;

    // The lines it takes along keep the answer for their own text.
    for (size_t j = k; j < n; ++j) EndsSentenceAt(draft, j);
    Draft heading;
    heading.kind = UnitKind::kHeading;
    heading.started_clean = true;
    heading.closed_clean = draft->closed_clean;
    heading.text = std::string(title);
    heading.lines.assign(draft->lines.begin() + static_cast<long>(k), draft->lines.end());
    for (DraftLine& l : heading.lines)
      l.text_offset = l.text_offset >= offset ? l.text_offset - offset : 0;

    draft->lines.resize(k);
    draft->text.resize(offset);
    while (!draft->text.empty() && draft->text.back() == ' ') draft->text.pop_back();
    draft->closed_clean = false;
    StageDraft(draft);
    *draft = std::move(heading);
    return;
  }
  // A short title-case line closing a block after a full sentence is a
  // sub-heading that lost its blank line ("... trafficked persons." +
  // "Technical Cooperation"); what follows decides, as for any short block.
  if (n >= 2 && draft->closed_clean && EndsSentenceAt(draft, n - 2)) {
    size_t offset = draft->lines[n - 1].text_offset;
    std::string_view last = Trim(std::string_view(draft->text).substr(offset));
    if (IsTitleCase(last, kMaxGluedHeadingWords) && !EndsClosing(last)) {
      EndsSentenceAt(draft, n - 1);
      Draft heading;
      heading.kind = UnitKind::kText;
      heading.heading_candidate = true;
      heading.started_clean = true;
      heading.closed_clean = true;
      heading.text = std::string(last);
      heading.lines.push_back(draft->lines.back());
      heading.lines.back().text_offset = 0;
      draft->lines.pop_back();
      draft->text.resize(offset);
      while (!draft->text.empty() && draft->text.back() == ' ') draft->text.pop_back();
      draft->closed_clean = false;
      StageDraft(draft);
      *draft = std::move(heading);
    }
  }
}

bool Segmenter::EndsSentenceAt(Draft* draft, size_t j) {
  DraftLine& line = draft->lines[j];
  if (line.ends_sentence < 0) {
    // The line's text runs to the next line's, after the space joining them
    // (Trim() drops it) or without the hyphen dropped between the halves of
    // a word (then it ends in a letter, as it ended in '-': no sentence end).
    size_t end = j + 1 < draft->lines.size() ? draft->lines[j + 1].text_offset : draft->text.size();
    line.ends_sentence = EndsSentence(
        std::string_view(draft->text).substr(line.text_offset, end - line.text_offset)) ? 1 : 0;
  }
  return line.ends_sentence > 0;
}

Segmenter::Next Segmenter::WhatFollows(const LineInfo& info) const {
  switch (info.shape) {
    case LineShape::kBulletGlyph:
    case LineShape::kBulletItem:
    case LineShape::kNumbered:
    case LineShape::kHeading:
    case LineShape::kPartHeading:
      return Next::kContent;
    default:
      break;
  }
  if (CountTokens(info.text, kContentWords) >= kContentWords) return Next::kContent;
  char c = LastSignificant(info.text);
  if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';') return Next::kContent;
  return Next::kShort;
}

void Segmenter::FinalizePending(Next next) {
  if (!pending_.live()) return;
  Draft& d = pending_;
  if (d.heading_candidate) {
    // A page's title, or a heading over body text; a short block followed by
    // more short blocks is a label.
    d.kind = next == Next::kContent || d.page_top ? UnitKind::kHeading : UnitKind::kText;
  } else if (d.kind == UnitKind::kBullet && d.numbered && d.lines.size() == 1 && d.started_clean &&
             d.closed_clean && !EndsClosing(d.text) &&
             CountTokens(d.text, rules_.heading_max_words) <= rules_.heading_max_words) {
    // "1.1.2. Protection" standing alone: a numbered heading.
    d.kind = UnitKind::kHeading;
  }
  StageDraft(&d);
  pending_.Reset();
}

void Segmenter::StageDraft(Draft* draft) {
  if (!draft->live()) return;
  // Built where it waits: a unit moved into place cost a move and a
  // destruction (~140 instructions) per unit.
  Unit* in_place = StageInPlace(draft->lines.front().number);
  Unit apart;
  if (in_place == nullptr) apart = NewUnit();
  Unit& unit = in_place != nullptr ? *in_place : apart;
  unit.kind = draft->kind;
  unit.line_start = draft->lines.front().number;
  unit.line_end = draft->lines.back().number;
  unit.byte_start = draft->lines.front().begin;
  unit.byte_end = draft->lines.back().end;
  unit.marker = std::move(draft->marker);
  if (unit.kind == UnitKind::kHeading && !unit.marker.empty()) {
    // A numbered heading keeps its number in the text: "1.1.2. Protection".
    unit.text = unit.marker;
    if (!draft->text.empty()) unit.text.push_back(' ');
    unit.text.append(draft->text);
  } else {
    unit.text = std::move(draft->text);
  }
  if (in_place != nullptr) {
    staged_bytes_ += unit.text.size();
  } else {
    Stage(std::move(unit));
  }
  draft->Reset();
}

void Segmenter::StageLine(UnitKind kind, const Line& line, std::string_view text,
                          std::string_view marker) {
  Unit unit = NewUnit();
  unit.kind = kind;
  unit.line_start = unit.line_end = line.number;
  unit.byte_start = line.offset;
  unit.byte_end = line.offset + line.text.size();
  unit.marker = std::string(marker);
  unit.text.assign(text);
  Stage(std::move(unit));
}

void Segmenter::Recycle(Unit* done) {
  // Only room worth keeping: a typical unit's or more (a short heading's
  // text is not), up to a bound so that one huge unit is not held on to.
  constexpr size_t kMaxSpareBytes = 64 * 1024;
  size_t room = done->text.capacity();
  if (room < kTypicalUnitBytes || room > kMaxSpareBytes || spare_count_ == spares_.size()) return;
  Spare& spare = spares_[spare_count_++];
  spare.text = std::move(done->text);
  spare.doc = std::move(done->doc);
}

void Segmenter::TakeSpare(Unit* unit) {
  if (spare_count_ == 0) return;
  // Moving the text into the unit later (unit.text = std::move(draft's))
  // leaves this room with the draft, for the next block.
  Spare& spare = spares_[--spare_count_];
  unit->text = std::move(spare.text);
  unit->text.clear();
  unit->doc = std::move(spare.doc);
  unit->doc.clear();
}

Unit Segmenter::NewUnit() {
  Unit unit;
  TakeSpare(&unit);
  return unit;
}

void Segmenter::CompactStaged() {
  if (staged_head_ > 0 && staged_.size() == staged_.capacity()) {
    staged_.erase(staged_.begin(), staged_.begin() + static_cast<long>(staged_head_));
    staged_head_ = 0;
  }
}

Unit* Segmenter::StageInPlace(uint32_t line_start) {
  if (staged_head_ != staged_.size() && staged_.back().line_start > line_start) return nullptr;
  CompactStaged();
  Unit& unit = staged_.emplace_back();
  TakeSpare(&unit);
  return &unit;
}

void Segmenter::Stage(Unit&& unit) {
  staged_bytes_ += unit.text.size();
  CompactStaged();
  auto first = staged_.begin() + static_cast<long>(staged_head_);
  auto pos = staged_.end();
  while (pos != first && std::prev(pos)->line_start > unit.line_start) --pos;
  staged_.insert(pos, std::move(unit));
}

void Segmenter::FlushStaged(std::vector<Unit>* out, bool all, const Draft* restarted) {
  uint32_t limit = std::numeric_limits<uint32_t>::max();
  if (!all) {
    for (const Draft* d : {&cur_, &pending_, &footnote_}) {
      if (d->live() && d != restarted) limit = std::min(limit, d->line_start());
    }
    if (deferred_) limit = std::min(limit, deferred_->number_line);
  }
  while (staged_head_ < staged_.size() && staged_[staged_head_].line_start < limit) {
    Unit& unit = staged_[staged_head_++];
    staged_bytes_ -= unit.text.size();
    Emit(&unit, out);
  }
  if (staged_head_ == staged_.size()) {
    staged_.clear();  // keeps the capacity for the next units
    staged_head_ = 0;
  }
  if (!all && staged_bytes_ > options_.max_unit_bytes && pending_.live()) {
    // Too much is waiting for the pending unit: it will not be continued.
    FinalizePending(Next::kNothing);
    Flush(out, false);
  }
}

bool Segmenter::EndsWithLeadIn(const std::string& text) const {
  for (const std::string& ending : rules_.lead_in) {
    if (text.size() >= ending.size() &&
        text.compare(text.size() - ending.size(), ending.size(), ending) == 0) {
      return true;
    }
  }
  return false;
}

void Segmenter::Emit(Unit* unit, std::vector<Unit>* out) {
  unit->doc = document_.doc_id;
  unit->ordinal = next_ordinal_++;
  switch (unit->kind) {
    case UnitKind::kBullet: {
      // A nested list: an item that leads in ("2. Each Party shall adopt
      // measures to establish as criminal offences:") to items of another
      // marker style ("a) ...") is their lead-in, until an item of its own
      // style follows.
      // The style is built only when asked: most items have no item lead-in.
      if (item_lead_in_ != 0 && MarkerStyle(unit->marker) == item_lead_in_style_) {
        item_lead_in_ = 0;
      }
      unit->lead_in_ordinal = item_lead_in_ != 0 ? item_lead_in_ : lead_in_;
      if (EndsWithLeadIn(unit->text)) {
        item_lead_in_ = unit->ordinal;
        item_lead_in_style_ = MarkerStyle(unit->marker);
      }
      break;
    }
    case UnitKind::kText:
      lead_in_ = EndsWithLeadIn(unit->text) ? unit->ordinal : 0;
      item_lead_in_ = 0;
      break;
    case UnitKind::kHeading:
      lead_in_ = 0;
      item_lead_in_ = 0;
      break;
    default:
      break;
  }
  out->push_back(std::move(*unit));
}

}  // namespace gapmap
