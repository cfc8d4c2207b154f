#include "lib/source/byte_source.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace gapmap {

Result<std::unique_ptr<FdSource>> FdSource::Open(const std::string& path) {
  if (path == "-") return std::unique_ptr<FdSource>(new FdSource(0, "<stdin>", false));
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return Status::Input(fmt::format("{}: cannot open: {}", path, std::strerror(errno)));
  }
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    return Status::Input(fmt::format("{}: is a directory, expected a text file", path));
  }
  return std::unique_ptr<FdSource>(new FdSource(fd, path, true));
}

FdSource::FdSource(int fd, std::string name, bool owned)
    : fd_(fd), name_(std::move(name)), owned_(owned) {
  struct stat st;
  if (::fstat(fd_, &st) == 0 && S_ISREG(st.st_mode)) {
    off_t here = ::lseek(fd_, 0, SEEK_CUR);
    if (here >= 0) {
      seekable_ = true;
      start_offset_ = static_cast<uint64_t>(here);
    }
  }
}

Result<size_t> FdSource::ReadAt(uint64_t offset, char* buffer, size_t capacity) const {
  for (;;) {
    ssize_t n = ::pread(fd_, buffer, capacity, static_cast<off_t>(offset));
    if (n >= 0) return static_cast<size_t>(n);
    if (errno == EINTR) continue;
    return Status::Input(fmt::format("{}: read error: {}", name_, std::strerror(errno)));
  }
}

FdSource::~FdSource() {
  if (owned_) ::close(fd_);
}

Result<size_t> FdSource::Read(char* buffer, size_t capacity) {
  for (;;) {
    ssize_t n = ::read(fd_, buffer, capacity);
    if (n >= 0) return static_cast<size_t>(n);
    if (errno == EINTR) continue;
    return Status::Input(fmt::format("{}: read error: {}", name_, std::strerror(errno)));
  }
}

Status AppendRemaining(ByteSource* source, std::string* out) {
  char buffer[64 * 1024];
  for (;;) {
    Result<size_t> n = source->Read(buffer, sizeof buffer);
    if (!n.ok()) return n.status();
    if (*n == 0) return Status::Ok();
    out->append(buffer, *n);
  }
}

Result<size_t> StringSource::Read(char* buffer, size_t capacity) {
  size_t n = std::min({capacity, max_piece_, data_.size() - pos_});
  std::memcpy(buffer, data_.data() + pos_, n);
  pos_ += n;
  return n;
}

}  // namespace gapmap
