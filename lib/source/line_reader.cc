#include "lib/source/line_reader.h"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <fmt/format.h>

#include "lib/core/utf8.h"

namespace gapmap {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// The first '\n' or '\r' in [p, end), or end: 16 bytes at a time where SSE2
// is there (all x86-64), since every input byte passes through here. Sets
// `*unusual` if a byte before the break is non-ASCII, a form feed or a NUL:
// the line was then not seen whole and clean by this one pass, and Emit()
// looks closer. A line without any is handed out without a second pass.
const char* FindLineBreak(const char* p, const char* end, bool* unusual) {
  unsigned seen = 0;  // the unusual bytes' bits, or'ed: only zero or not matters
#if defined(__SSE2__)
  const __m128i nl = _mm_set1_epi8('\n');
  const __m128i cr = _mm_set1_epi8('\r');
  const __m128i ff = _mm_set1_epi8('\f');
  const __m128i nul = _mm_setzero_si128();
  const __m128i below_cr = _mm_set1_epi8('\r' + 1);
  while (end - p >= 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    // One signed compare first: '\n', '\r', '\f' and NUL are below '\r' + 1,
    // and so is every non-ASCII byte. A block of prose has none of them (a
    // tab costs the closer look below, no more).
    if (_mm_movemask_epi8(_mm_cmplt_epi8(v, below_cr)) == 0) {
      p += 16;
      continue;
    }
    auto breaks = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, cr))));
    // The sign bit marks non-ASCII bytes; the compares set it for '\f' and NUL.
    auto odd = static_cast<unsigned>(_mm_movemask_epi8(
        _mm_or_si128(v, _mm_or_si128(_mm_cmpeq_epi8(v, ff), _mm_cmpeq_epi8(v, nul)))));
    if (breaks != 0) {
      seen |= odd & (breaks - 1) & ~breaks;  // only the bytes before the break
      *unusual = *unusual || seen != 0;
      return p + __builtin_ctz(breaks);
    }
    seen |= odd;
    p += 16;
  }
#endif
  for (; p < end && *p != '\n' && *p != '\r'; ++p) {
    if (static_cast<unsigned char>(*p) >= 0x80 || *p == '\f' || *p == '\0') seen = 1;
  }
  *unusual = *unusual || seen != 0;
  return p;
}

// Whether `text` is plain ASCII without a form feed: the common line, handed
// out as it is. One pass, 16 bytes at a time where SSE2 is there; a line
// that is not (non-ASCII, a form feed) gets the closer look of the caller.
bool IsAsciiWithoutFormFeed(std::string_view text) {
  const char* p = text.data();
  const char* end = p + text.size();
#if defined(__SSE2__)
  const __m128i ff = _mm_set1_epi8('\f');
  while (end - p >= 16) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    if (_mm_movemask_epi8(_mm_or_si128(v, _mm_cmpeq_epi8(v, ff))) != 0) return false;
    p += 16;
  }
#endif
  for (; p < end; ++p) {
    if (static_cast<unsigned char>(*p) >= 0x80 || *p == '\f') return false;
  }
  return true;
}

}  // namespace

LineReader::LineReader(ByteSource* source, ReaderOptions options)
    : source_(source), options_(std::move(options)) {
  options_.chunk_size = std::max<size_t>(options_.chunk_size, 1);
  options_.max_line_bytes = std::max<size_t>(options_.max_line_bytes, 4);
  options_.warning_limit = std::max(options_.warning_limit, 0);
}

bool LineReader::Fill() {
  if (eof_ || !status_.ok()) return false;
  // Drop consumed bytes first so the buffer never grows past one line + chunk.
  if (pos_ > 0) {
    base_offset_ += pos_;
    std::memmove(buffer_.data(), buffer_.data() + pos_, filled_ - pos_);
    filled_ -= pos_;
    pos_ = 0;
  }
  // The string's size is the room: it grows (and is zeroed) only when a long
  // line needs more, not on every read.
  size_t old_size = filled_;
  if (buffer_.size() < old_size + options_.chunk_size) {
    buffer_.resize(old_size + options_.chunk_size);
  }
  Result<size_t> n = source_->Read(buffer_.data() + old_size, options_.chunk_size);
  if (!n.ok()) {
    status_ = n.status();
    return false;
  }
  filled_ = old_size + *n;
  if (*n == 0) eof_ = true;
  if (options_.stop_at_nul && *n > 0) {
    // Checked as bytes arrive, so no line holding a NUL is ever handed out.
    if (const void* nul = std::memchr(buffer_.data() + old_size, '\0', *n)) {
      nul_offset_ = base_offset_ + (static_cast<const char*>(nul) - buffer_.data());
      status_ = Status::Input(fmt::format("{}: binary data: NUL byte at byte offset {}",
                                          source_->name(), *nul_offset_));
      return false;
    }
  }
  return *n > 0;
}

// Defined before their callers so that the fast path in Next() inlines them.
inline void LineReader::StartPiece(size_t begin, Line* line) const {
  line->number = line_number_;
  line->offset = base_offset_ + begin;
  line->page_break = false;
}

inline void LineReader::EndLine(size_t next, Line* line) {
  line->continued = in_long_line_;
  in_long_line_ = false;
  pos_ = std::min(next, filled_);
  ++line_number_;
}

bool LineReader::Next(Line* line) {
  size_t scan = pos_;
  bool unusual = false;  // [pos_, scan) holds a non-ASCII byte, '\f' or NUL
  for (;;) {
    if (at_start_) {
      // A BOM may arrive split across pieces: wait for three bytes or EOF.
      if (filled_ - pos_ < 3 && !eof_) {
        if (!Fill() && !status_.ok()) return false;
        if (!eof_) continue;
      }
      if (filled_ - pos_ >= 3 && std::memcmp(buffer_.data() + pos_, "\xEF\xBB\xBF", 3) == 0) {
        pos_ += 3;
      }
      at_start_ = false;
      scan = pos_;
    }
    size_t end = static_cast<size_t>(
        FindLineBreak(buffer_.data() + scan, buffer_.data() + filled_, &unusual) - buffer_.data());
    if (end < filled_) {
      size_t next = end + 1;
      if (buffer_[end] == '\r') {
        if (next == filled_ && !eof_) {
          // Cannot tell "\r\n" from a lone "\r" yet.
          size_t offset = end - pos_;
          Fill();
          if (!status_.ok()) return false;
          scan = pos_ + offset;
          continue;
        }
        if (next < filled_ && buffer_[next] == '\n') ++next;
      }
      if (end - pos_ > options_.max_line_bytes) {
        end = CutPoint();
        next = end;
      } else if (!unusual) {
        // The common line, whole and plain (so without a page break), handed
        // out here: what EmitPiece() does for it, without its two calls.
        StartPiece(pos_, line);
        line->text = std::string_view(buffer_.data() + pos_, end - pos_);
        EndLine(next, line);
        return true;
      }
      EmitPiece(end, next, !unusual, line);
      return true;
    }
    if (filled_ - pos_ > options_.max_line_bytes) {
      size_t cut = CutPoint();
      EmitPiece(cut, cut, !unusual, line);
      return true;
    }
    if (eof_) {
      if (pos_ >= filled_) {
        WarnSummaries();
        return false;
      }
      EmitPiece(filled_, filled_ + 1, !unusual, line);
      return true;
    }
    // Everything up to the end of the buffer has been searched.
    size_t searched = filled_ - pos_;
    if (!Fill() && !status_.ok()) return false;
    scan = pos_ + searched;
  }
}

void LineReader::EmitPiece(size_t end, size_t next, bool plain, Line* line) {
  size_t taken = Emit(pos_, end, plain, line);
  // The piece ends its line unless it was cut: by the byte cap (next == end)
  // or because its repair would have outgrown the cap (taken < end).
  if (taken == end && next != end) {
    EndLine(next, line);
    return;
  }
  if (!in_long_line_) {
    Warn(kLongLine, line_number_, line->offset,
         fmt::format("line longer than {} bytes (--max-unit-bytes); split into pieces",
                     options_.max_line_bytes));
  }
  line->continued = in_long_line_;
  in_long_line_ = true;
  pos_ = taken;
}

size_t LineReader::CutPoint() const {
  // Over-long line: cut at a UTF-8 boundary at or below the cap.
  size_t cut = pos_ + options_.max_line_bytes;
  while (cut > pos_ && (static_cast<unsigned char>(buffer_[cut]) & 0xC0) == 0x80) --cut;
  return cut == pos_ ? pos_ + options_.max_line_bytes : cut;
}

size_t LineReader::Emit(size_t begin, size_t end, bool plain, Line* line) {
  StartPiece(begin, line);
  // Only a line's first piece can start with a page break; a form feed that
  // a cut happens to put first in a later piece is inside the line.
  while (!in_long_line_ && begin < end && buffer_[begin] == '\f') {
    line->page_break = true;
    ++begin;
  }
  std::string_view text(buffer_.data() + begin, end - begin);
  // Fast path: the common clean line is handed out without a copy, and
  // without a second look when the search for its end saw it plain.
  bool clean =
      plain ||
      ((IsAsciiWithoutFormFeed(text) || (text.find('\f') == std::string_view::npos &&
                                         FindInvalidUtf8(text) == std::string_view::npos)) &&
       (options_.stop_at_nul || std::memchr(text.data(), '\0', text.size()) == nullptr));
  if (clean) {
    line->text = text;
    return end;
  }
  size_t taken = Repair(text, base_offset_ + begin);
  line->text = scratch_;
  return begin + taken;
}

size_t LineReader::Repair(std::string_view text, uint64_t offset) {
  scratch_.clear();
  scratch_.reserve(std::min(text.size() + 8, options_.max_line_bytes));
  // U+FFFD takes 3 bytes where the bad byte took 1: stop before the repaired
  // text outgrows the cap, and let the rest of the line be the next piece.
  auto fits = [&](size_t n) { return scratch_.size() + n <= options_.max_line_bytes; };
  size_t i = 0;
  while (i < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\f') {
      if (!fits(1)) break;
      scratch_.push_back(' ');
      ++i;
    } else if (c == '\0') {
      if (!fits(kReplacement.size())) break;
      Warn(kNul, line_number_, offset + i,
           fmt::format("NUL byte at byte offset {}; replaced by U+FFFD", offset + i));
      scratch_.append(kReplacement);
      ++i;
    } else if (c < 0x80) {
      if (!fits(1)) break;
      scratch_.push_back(static_cast<char>(c));
      ++i;
    } else if (size_t len = Utf8SequenceLength(text.substr(i)); len > 0) {
      if (!fits(len)) break;
      scratch_.append(text.substr(i, len));
      i += len;
    } else {
      if (!fits(kReplacement.size())) break;
      Warn(kInvalidUtf8, line_number_, offset + i,
           fmt::format("invalid UTF-8 at byte offset {}; replaced by U+FFFD", offset + i));
      scratch_.append(kReplacement);
      ++i;
    }
  }
  return i;
}

void LineReader::Warn(WarningKind kind, uint32_t line, uint64_t offset,
                      std::string_view message) {
  uint64_t seen = ++counts_[kind];
  if (options_.on_warning && seen <= static_cast<uint64_t>(options_.warning_limit)) {
    options_.on_warning(line, offset, message);
  }
}

void LineReader::WarnSummaries() {
  if (summarised_ || !options_.on_warning) return;
  summarised_ = true;
  const auto limit = static_cast<uint64_t>(options_.warning_limit);
  auto summarise = [&](WarningKind kind, std::string_view what, std::string_view hint) {
    if (counts_[kind] <= limit) return;
    options_.on_warning(0, bytes_read(),
                        fmt::format("{} {} in all; only the first {} are shown{}", counts_[kind],
                                    what, limit, hint));
  };
  summarise(kInvalidUtf8, "invalid UTF-8 bytes replaced by U+FFFD",
            " (if the file is not UTF-8, convert it first: iconv -f WINDOWS-1252 -t UTF-8)");
  summarise(kNul, "NUL bytes replaced by U+FFFD", "");
  summarise(kLongLine, "over-long lines split into pieces", "");
}

}  // namespace gapmap
