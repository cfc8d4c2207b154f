// ByteSource: a sequential stream of bytes (a file, stdin, or memory in tests).
//
// Sources hand out bytes in whatever pieces read(2) gives; nothing above the
// reader may assume a piece boundary means anything.
#ifndef GAPMAP_SOURCE_BYTE_SOURCE_H_
#define GAPMAP_SOURCE_BYTE_SOURCE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "lib/core/status.h"

namespace gapmap {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `capacity` bytes into `buffer`. Returns the number read, 0 at
  // the end of input, or an I/O error.
  virtual Result<size_t> Read(char* buffer, size_t capacity) = 0;
  // The name used in messages: the path, or "<stdin>".
  virtual const std::string& name() const = 0;
};

// Appends everything `source` has left to `out`. For inputs that must be
// whole before they mean anything (a matrix JSON, an expected matrix);
// documents are never read this way.
Status AppendRemaining(ByteSource* source, std::string* out);

// Reads a file descriptor with read(2). Owns the descriptor unless it is stdin.
class FdSource : public ByteSource {
 public:
  // Opens `path` for reading. "-" means standard input. Directories and
  // unreadable files give an input error naming the path and the reason.
  static Result<std::unique_ptr<FdSource>> Open(const std::string& path);
  ~FdSource() override;
  FdSource(const FdSource&) = delete;
  FdSource& operator=(const FdSource&) = delete;

  Result<size_t> Read(char* buffer, size_t capacity) override;
  const std::string& name() const override { return name_; }

  // True for a regular file (also stdin redirected from one): it can be read
  // ahead with ReadAt() without disturbing Read(), so a whole-file check (for
  // NUL bytes) can run before the first unit is written.
  bool seekable() const { return seekable_; }
  // The offset Read() started from (non-zero for a stdin already partly read).
  uint64_t start_offset() const { return start_offset_; }
  // pread(2): up to `capacity` bytes at file offset `offset`; 0 at the end.
  // Only for seekable() sources.
  Result<size_t> ReadAt(uint64_t offset, char* buffer, size_t capacity) const;

 private:
  FdSource(int fd, std::string name, bool owned);
  int fd_;
  std::string name_;
  bool owned_;
  bool seekable_ = false;
  uint64_t start_offset_ = 0;
};

// Serves bytes from memory, at most `max_piece` at a time, so tests can
// exercise every chunk boundary.
class StringSource : public ByteSource {
 public:
  explicit StringSource(std::string data, std::string name = "<string>",
                        size_t max_piece = static_cast<size_t>(-1))
      : data_(std::move(data)), name_(std::move(name)), max_piece_(max_piece) {}
  Result<size_t> Read(char* buffer, size_t capacity) override;
  const std::string& name() const override { return name_; }

 private:
  std::string data_;
  std::string name_;
  size_t max_piece_;
  size_t pos_ = 0;
};

}  // namespace gapmap

#endif  // GAPMAP_SOURCE_BYTE_SOURCE_H_
