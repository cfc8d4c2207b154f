#include "lib/source/decoding_source.h"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "lib/core/utf8.h"

namespace gapmap {

TextEncoding SniffEncoding(std::string_view head) {
  auto starts = [&](std::string_view bom) { return head.substr(0, bom.size()) == bom; };
  using namespace std::string_view_literals;
  // UTF-32LE's BOM begins with UTF-16LE's, so test it first.
  if (starts("\xFF\xFE\x00\x00"sv)) return TextEncoding::kUtf32Le;
  if (starts("\x00\x00\xFE\xFF"sv)) return TextEncoding::kUtf32Be;
  if (starts("\xFF\xFE"sv)) return TextEncoding::kUtf16Le;
  if (starts("\xFE\xFF"sv)) return TextEncoding::kUtf16Be;
  return TextEncoding::kUtf8;
}

std::string_view EncodingName(TextEncoding encoding) {
  switch (encoding) {
    case TextEncoding::kUtf8: return "UTF-8";
    case TextEncoding::kUtf16Le: return "UTF-16LE";
    case TextEncoding::kUtf16Be: return "UTF-16BE";
    case TextEncoding::kUtf32Le: return "UTF-32LE";
    case TextEncoding::kUtf32Be: return "UTF-32BE";
  }
  return "?";
}

Status DecodingSource::Sniff() {
  char piece[4];
  while (head_.size() < 4) {
    Result<size_t> n = inner_->Read(piece, 4 - head_.size());
    if (!n.ok()) return n.status();
    if (*n == 0) {
      inner_eof_ = true;
      break;
    }
    head_.append(piece, *n);
  }
  sniffed_ = true;
  encoding_ = SniffEncoding(head_);
  switch (encoding_) {
    case TextEncoding::kUtf8:
      return Status::Ok();
    case TextEncoding::kUtf16Le:
    case TextEncoding::kUtf16Be:
      raw_ = head_.substr(2);  // drop the BOM
      head_.clear();
      return Status::Ok();
    case TextEncoding::kUtf32Le:
    case TextEncoding::kUtf32Be:
      break;
  }
  return Status::Input(fmt::format(
      "{}: {} text (byte order mark) is not supported; convert it to UTF-8, e.g. "
      "iconv -f {} -t UTF-8",
      inner_->name(), EncodingName(encoding_), EncodingName(encoding_)));
}

Result<size_t> DecodingSource::Read(char* buffer, size_t capacity) {
  if (!sniffed_) {
    Status s = Sniff();
    if (!s.ok()) {
      // Stay failed: a caller that retries must not get the bytes as UTF-8.
      sniffed_ = false;
      return s;
    }
  }
  if (capacity == 0) return size_t{0};
  if (encoding_ == TextEncoding::kUtf8) {
    if (!head_.empty()) {
      size_t n = std::min(capacity, head_.size());
      std::memcpy(buffer, head_.data(), n);
      head_.erase(0, n);
      return n;
    }
    if (inner_eof_) return size_t{0};
    return inner_->Read(buffer, capacity);
  }
  while (out_pos_ == out_.size()) {
    out_.clear();
    out_pos_ = 0;
    Result<bool> more = Refill(capacity);
    if (!more.ok()) return more.status();
    if (!*more && out_.empty()) return size_t{0};
  }
  size_t n = std::min(capacity, out_.size() - out_pos_);
  std::memcpy(buffer, out_.data() + out_pos_, n);
  out_pos_ += n;
  return n;
}

Result<bool> DecodingSource::Refill(size_t capacity) {
  if (inner_eof_) {
    if (raw_.empty()) return false;
    Transcode(raw_, /*at_end=*/true);
    raw_.clear();
    return true;
  }
  size_t old = raw_.size();
  size_t want = std::max<size_t>(capacity, 2);
  raw_.resize(old + want);
  Result<size_t> n = inner_->Read(raw_.data() + old, want);
  if (!n.ok()) {
    raw_.resize(old);
    return n.status();
  }
  raw_.resize(old + *n);
  if (*n == 0) inner_eof_ = true;
  Transcode(raw_, inner_eof_);
  return true;
}

void DecodingSource::Transcode(std::string_view bytes, bool at_end) {
  const bool little = encoding_ == TextEncoding::kUtf16Le;
  auto unit_at = [&](size_t i) -> char16_t {
    auto lo = static_cast<unsigned char>(bytes[little ? i : i + 1]);
    auto hi = static_cast<unsigned char>(bytes[little ? i + 1 : i]);
    return static_cast<char16_t>(hi << 8 | lo);
  };
  auto replace = [&]() {
    out_.append("\xEF\xBF\xBD");
    ++replacements_;
  };
  size_t i = 0;
  while (i + 2 <= bytes.size()) {
    char16_t u = unit_at(i);
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 4 > bytes.size()) {
        if (!at_end) break;  // the low half may come with the next read
        replace();
        i += 2;
        continue;
      }
      char16_t low = unit_at(i + 2);
      if (low >= 0xDC00 && low <= 0xDFFF) {
        AppendUtf8(&out_, 0x10000 + ((static_cast<char32_t>(u) - 0xD800) << 10) + (low - 0xDC00));
        i += 4;
      } else {
        replace();
        i += 2;
      }
      continue;
    }
    if (u >= 0xDC00 && u <= 0xDFFF) {
      replace();
    } else {
      AppendUtf8(&out_, u);
    }
    i += 2;
  }
  if (at_end && i < bytes.size()) {
    replace();  // a dangling odd byte
    i = bytes.size();
  }
  raw_.erase(0, i);
}

}  // namespace gapmap
