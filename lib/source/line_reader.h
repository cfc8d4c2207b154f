// LineReader: turns a ByteSource into numbered lines with bounded memory.
//
// Contract:
// - Lines end at "\n", "\r\n" or a lone "\r"; the terminator is not part of the
//   text. Line numbers count those terminators, 1-based, like `wc -l` + 1.
// - Form feeds at the start of a line (pdftotext's page breaks) are removed and
//   reported as `page_break`; a form feed inside a line becomes a space.
//   Tabs and other whitespace are passed through unchanged.
// - A UTF-8 byte order mark at the start of input is dropped.
// - Ill-formed UTF-8 is replaced by U+FFFD (one per bad byte) so nothing
//   downstream ever sees invalid UTF-8; each repair is reported through
//   `on_warning` with its byte offset.
// - NUL bytes: with `stop_at_nul` the reader fails (status() is an input error,
//   nul_offset() says where) before handing out any line that holds one;
//   otherwise each NUL becomes U+FFFD and is reported like ill-formed UTF-8.
// - Memory is bounded by `max_line_bytes` + `chunk_size`: a longer line is cut
//   into pieces of at most `max_line_bytes` (at a UTF-8 boundary, counted
//   after repairs), each with `continued` set on all but the first piece;
//   each cut line is reported.
// - Warnings never flood: of each kind (ill-formed UTF-8, NUL, over-long line)
//   only the first `warning_limit` are reported one by one, and at the end of
//   input one more warning (line 0) counts the ones left out.
// Results do not depend on `chunk_size` (tests run sizes 1, 7 and 4096),
// except how many lines precede a stop at a NUL.
#ifndef GAPMAP_SOURCE_LINE_READER_H_
#define GAPMAP_SOURCE_LINE_READER_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "lib/core/status.h"
#include "lib/source/byte_source.h"

namespace gapmap {

struct ReaderOptions {
  size_t chunk_size = 64 * 1024;        // bytes asked of the source per read
  size_t max_line_bytes = 1024 * 1024;  // longer lines are cut into pieces
  bool stop_at_nul = false;             // a NUL byte is an error, not a repair
  int warning_limit = 5;                // per kind; the rest are only counted
  // Called for recoverable problems: (1-based line, or 0 for a summary at the
  // end of input; byte offset in the source; message).
  std::function<void(uint32_t, uint64_t, std::string_view)> on_warning;
};

struct Line {
  std::string_view text;  // valid until the next call to Next()
  uint32_t number = 0;    // 1-based source line
  uint64_t offset = 0;    // byte offset of the line's first byte in the source
  bool page_break = false;  // a form feed preceded this line
  bool continued = false;   // a later piece of an over-long line
};

class LineReader {
 public:
  LineReader(ByteSource* source, ReaderOptions options = {});

  // Fills `line` with the next line. Returns false at the end of input or on
  // a read error (then status() is not OK).
  bool Next(Line* line);
  const Status& status() const { return status_; }
  // Bytes consumed from the source so far.
  uint64_t bytes_read() const { return base_offset_ + filled_; }
  // With stop_at_nul: the source offset of the NUL that stopped the reader.
  std::optional<uint64_t> nul_offset() const { return nul_offset_; }
  // Bytes replaced by U+FFFD so far (ill-formed UTF-8 and NULs).
  uint64_t replaced_bytes() const { return counts_[kInvalidUtf8] + counts_[kNul]; }
  // Lines cut because they were longer than max_line_bytes.
  uint64_t cut_lines() const { return counts_[kLongLine]; }

 private:
  enum WarningKind { kInvalidUtf8, kNul, kLongLine, kWarningKinds };

  // Appends the next chunk to buffer_; false at end of input or error.
  bool Fill();
  // Hands out buffer_[pos_, end) and advances; `next` is where the following
  // line starts if this piece ends its line (next == end: a cut). `plain`:
  // the piece is known to be ASCII without form feeds and NULs.
  void EmitPiece(size_t end, size_t next, bool plain, Line* line);
  // What every piece says of itself, its text aside: number, offset of
  // buffer_[begin], no page break (Emit() finds those).
  void StartPiece(size_t begin, Line* line) const;
  // The piece handed out ends its line; the next line starts at `next`.
  void EndLine(size_t next, Line* line);
  // Fills `line` from buffer_[begin, end); returns the end of what it took
  // (less than `end` when the repaired text would outgrow the cap).
  size_t Emit(size_t begin, size_t end, bool plain, Line* line);
  // Rewrites a prefix of `text` into scratch_ (repairs, form feeds), at most
  // max_line_bytes of it; returns the bytes of `text` it took.
  size_t Repair(std::string_view text, uint64_t offset);
  size_t CutPoint() const;
  void Warn(WarningKind kind, uint32_t line, uint64_t offset, std::string_view message);
  void WarnSummaries();

  ByteSource* source_;
  ReaderOptions options_;
  Status status_;
  std::string buffer_;     // unconsumed bytes start at pos_
  size_t filled_ = 0;      // bytes read end here; the rest of buffer_ is room
  size_t pos_ = 0;
  uint64_t base_offset_ = 0;  // source offset of buffer_[0]
  uint32_t line_number_ = 1;
  bool at_start_ = true;      // nothing consumed yet (for the BOM)
  bool eof_ = false;
  bool in_long_line_ = false;  // the previous piece did not end the line
  std::string scratch_;        // the emitted line when it needed rewriting
  std::optional<uint64_t> nul_offset_;
  uint64_t counts_[kWarningKinds] = {};
  bool summarised_ = false;
};

}  // namespace gapmap

#endif  // GAPMAP_SOURCE_LINE_READER_H_
