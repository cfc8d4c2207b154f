#include "lib/sinks/output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

namespace gapmap {
namespace {

constexpr size_t kBufferSize = 256 * 1024;

std::string DirectoryOf(const std::string& path) {
  std::string dir = std::filesystem::path(path).parent_path().string();
  return dir.empty() ? "." : dir;
}

}  // namespace

Output::Output(int fd, std::string name, std::string target, std::string temp_path,
               bool anonymous)
    : fd_(fd),
      name_(std::move(name)),
      target_(std::move(target)),
      temp_path_(std::move(temp_path)),
      anonymous_(anonymous) {
  buffer_.reserve(kBufferSize);
}

Result<std::unique_ptr<Output>> Output::Open(const std::string& path) {
  if (path.empty() || path == "-") {
    return std::unique_ptr<Output>(new Output(1, "<stdout>", "", "", false));
  }
  std::string dir = DirectoryOf(path);
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
    return Status::Io(fmt::format("{}: is a directory", path));
  }
  int fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
  if (fd >= 0) {
    return std::unique_ptr<Output>(new Output(fd, path, path, "", true));
  }
  // Filesystems without O_TMPFILE: a named temporary beside the target.
  std::string temp = path + ".tmp.XXXXXX";
  fd = ::mkostemp(temp.data(), O_CLOEXEC);
  if (fd < 0) {
    return Status::Io(fmt::format("{}: cannot create output in {}: {}", path, dir,
                                  std::strerror(errno)));
  }
  ::fchmod(fd, 0644);
  return std::unique_ptr<Output>(new Output(fd, path, path, temp, false));
}

Output::~Output() {
  if (target_.empty()) return;  // stdout: nothing to discard
  if (!committed_) {
    if (!temp_path_.empty()) ::unlink(temp_path_.c_str());
  }
  if (fd_ >= 0) ::close(fd_);
}

Status Output::Write(std::string_view data) {
  if (!error_.ok()) return error_;
  if (buffer_.size() + data.size() > kBufferSize) {
    GAPMAP_RETURN_IF_ERROR(Flush());
    if (data.size() >= kBufferSize) return WriteAll(data);
  }
  buffer_.append(data);
  return Status::Ok();
}

Status Output::Flush() {
  Status s = WriteAll(buffer_);
  buffer_.clear();
  return s;
}

Status Output::WriteAll(std::string_view data) {
  if (!error_.ok()) return error_;
  while (!data.empty()) {
    ssize_t n = ::write(fd_, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EPIPE && target_.empty()) {
        error_ = Status::BrokenPipe();
      } else {
        error_ = Status::Io(fmt::format("{}: write error: {}", name_, std::strerror(errno)));
      }
      return error_;
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return Status::Ok();
}

Status Output::Commit() {
  GAPMAP_RETURN_IF_ERROR(Flush());
  if (target_.empty()) {
    committed_ = true;
    return Status::Ok();
  }
  if (::fsync(fd_) != 0) {
    error_ = Status::Io(fmt::format("{}: cannot sync: {}", name_, std::strerror(errno)));
    return error_;
  }
  if (anonymous_) {
    // Give the anonymous file a name, then move it over the target: rename(2)
    // is atomic, so readers see the old or the new file, never a mix.
    std::string temp = fmt::format("{}.tmp.{}", target_, ::getpid());
    std::string proc = fmt::format("/proc/self/fd/{}", fd_);
    ::unlink(temp.c_str());
    if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, temp.c_str(), AT_SYMLINK_FOLLOW) != 0) {
      error_ = Status::Io(fmt::format("{}: cannot create output: {}", name_, std::strerror(errno)));
      return error_;
    }
    temp_path_ = temp;
  }
  if (::rename(temp_path_.c_str(), target_.c_str()) != 0) {
    int err = errno;
    ::unlink(temp_path_.c_str());
    error_ = Status::Io(fmt::format("{}: cannot replace: {}", name_, std::strerror(err)));
    return error_;
  }
  committed_ = true;
  ::close(fd_);
  fd_ = -1;
  return Status::Ok();
}

}  // namespace gapmap
