#include "lib/source/line_reader.h"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "lib/core/utf8.h"

namespace gapmap {

LineReader::LineReader(ByteSource* source, ReaderOptions options)
    : source_(source), options_(std::move(options)) {
  options_.chunk_size = std::max<size_t>(options_.chunk_size, 1);
  options_.max_line_bytes = std::max<size_t>(options_.max_line_bytes, 4);
}

bool LineReader::Fill() {
  if (eof_ || !status_.ok()) return false;
  // Drop consumed bytes first so the buffer never grows past one line + chunk.
  if (pos_ > 0) {
    base_offset_ += pos_;
    buffer_.erase(0, pos_);
    pos_ = 0;
  }
  size_t old_size = buffer_.size();
  buffer_.resize(old_size + options_.chunk_size);
  Result<size_t> n = source_->Read(buffer_.data() + old_size, options_.chunk_size);
  if (!n.ok()) {
    buffer_.resize(old_size);
    status_ = n.status();
    return false;
  }
  buffer_.resize(old_size + *n);
  if (*n == 0) eof_ = true;
  return *n > 0;
}

bool LineReader::Next(Line* line) {
  size_t scan = pos_;
  for (;;) {
    if (at_start_) {
      // A BOM may arrive split across pieces: wait for three bytes or EOF.
      if (buffer_.size() - pos_ < 3 && !eof_) {
        if (!Fill() && !status_.ok()) return false;
        if (!eof_) continue;
      }
      if (buffer_.compare(pos_, 3, "\xEF\xBB\xBF") == 0) pos_ += 3;
      at_start_ = false;
      scan = pos_;
    }
    size_t end = scan;
    while (end < buffer_.size() && buffer_[end] != '\n' && buffer_[end] != '\r') ++end;
    if (end < buffer_.size()) {
      size_t next = end + 1;
      if (buffer_[end] == '\r') {
        if (next == buffer_.size() && !eof_) {
          // Cannot tell "\r\n" from a lone "\r" yet.
          size_t offset = end - pos_;
          Fill();
          if (!status_.ok()) return false;
          scan = pos_ + offset;
          continue;
        }
        if (next < buffer_.size() && buffer_[next] == '\n') ++next;
      }
      if (end - pos_ > options_.max_line_bytes) {
        end = CutPoint();
        next = end;
      }
      Emit(pos_, end, line);
      bool line_ended = next != end;
      line->continued = in_long_line_;
      in_long_line_ = !line_ended;
      pos_ = next;
      if (line_ended) ++line_number_;
      return true;
    }
    if (buffer_.size() - pos_ > options_.max_line_bytes) {
      size_t cut = CutPoint();
      Emit(pos_, cut, line);
      line->continued = in_long_line_;
      in_long_line_ = true;
      pos_ = cut;
      return true;
    }
    if (eof_) {
      if (pos_ >= buffer_.size()) return false;
      Emit(pos_, buffer_.size(), line);
      line->continued = in_long_line_;
      in_long_line_ = false;
      pos_ = buffer_.size();
      ++line_number_;
      return true;
    }
    // Everything up to the end of the buffer has been searched.
    size_t searched = buffer_.size() - pos_;
    if (!Fill() && !status_.ok()) return false;
    scan = pos_ + searched;
  }
}

size_t LineReader::CutPoint() const {
  // Over-long line: cut at a UTF-8 boundary at or below the cap.
  size_t cut = pos_ + options_.max_line_bytes;
  while (cut > pos_ && (static_cast<unsigned char>(buffer_[cut]) & 0xC0) == 0x80) --cut;
  return cut == pos_ ? pos_ + options_.max_line_bytes : cut;
}

void LineReader::Emit(size_t begin, size_t end, Line* line) {
  line->number = line_number_;
  line->offset = base_offset_ + begin;
  line->page_break = false;
  while (begin < end && buffer_[begin] == '\f') {
    line->page_break = true;
    ++begin;
  }
  std::string_view text(buffer_.data() + begin, end - begin);
  bool has_ff = text.find('\f') != std::string_view::npos;
  size_t bad = FindInvalidUtf8(text);
  if (!has_ff && bad == std::string_view::npos) {
    line->text = text;
    return;
  }
  scratch_.clear();
  if (bad != std::string_view::npos) {
    if (options_.on_warning) {
      options_.on_warning(base_offset_ + begin + bad,
                          fmt::format("invalid UTF-8 at byte offset {} (line {}); replaced by U+FFFD",
                                      base_offset_ + begin + bad, line_number_));
    }
    AppendRepairedUtf8(&scratch_, text);
  } else {
    scratch_.assign(text);
  }
  std::replace(scratch_.begin(), scratch_.end(), '\f', ' ');
  line->text = scratch_;
}

}  // namespace gapmap
