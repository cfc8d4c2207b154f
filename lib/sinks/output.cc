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

// Best effort: makes the rename itself durable. A failure here cannot undo
// the rename, and the new file is complete either way, so it is not an error.
void SyncDirectory(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

bool IsUnder(const std::string& path, std::string_view dir) {
  return std::string_view(path).substr(0, dir.size()) == dir;
}

}  // namespace

Output::Output(Kind kind, int fd, std::string name, std::string target, std::string temp_path)
    : kind_(kind),
      fd_(fd),
      name_(std::move(name)),
      target_(std::move(target)),
      temp_path_(std::move(temp_path)) {
  buffer_.reserve(kBufferSize);
}

Result<std::unique_ptr<Output>> Output::Open(const std::string& path) {
  if (path.empty() || path == "-") {
    return std::unique_ptr<Output>(new Output(Kind::kStdout, 1, "<stdout>", "", ""));
  }
  mode_t mode = 0644;
  std::string target = path;  // the file the rename replaces
  struct stat st;
  if (::stat(path.c_str(), &st) == 0) {
    if (S_ISDIR(st.st_mode)) return Status::Io(fmt::format("{}: is a directory", path));
    // Devices, FIFOs, and whatever /dev/stdout or /proc/self/fd/N lead to are
    // written in place: replacing them would destroy a device node or a
    // symlink the system owns. O_APPEND continues a file the shell opened.
    if (!S_ISREG(st.st_mode) || IsUnder(path, "/dev/") || IsUnder(path, "/proc/")) {
      int fd = ::open(path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
      if (fd < 0) {
        return Status::Io(fmt::format("{}: cannot open for writing: {}", path, std::strerror(errno)));
      }
      return std::unique_ptr<Output>(new Output(Kind::kDirect, fd, path, path, ""));
    }
    mode = st.st_mode & 07777;
    // A symlink stays a symlink: its target is what gets replaced.
    std::error_code ec;
    std::filesystem::path resolved = std::filesystem::canonical(path, ec);
    if (!ec) target = resolved.string();
  }
  std::string dir = DirectoryOf(target);
  int fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
  if (fd >= 0) {
    ::fchmod(fd, mode);
    return std::unique_ptr<Output>(new Output(Kind::kAnonymous, fd, path, target, ""));
  }
  // Filesystems without O_TMPFILE: a named temporary beside the target.
  std::string temp = target + ".tmp.XXXXXX";
  fd = ::mkostemp(temp.data(), O_CLOEXEC);
  if (fd < 0) {
    return Status::Io(fmt::format("{}: cannot create output in {}: {}", path, dir,
                                  std::strerror(errno)));
  }
  ::fchmod(fd, mode);
  return std::unique_ptr<Output>(new Output(Kind::kNamed, fd, path, target, temp));
}

Output::~Output() {
  if (kind_ == Kind::kStdout) return;  // nothing to discard, not ours to close
  if (!committed_ && !temp_path_.empty()) ::unlink(temp_path_.c_str());
  if (fd_ >= 0) ::close(fd_);
}

Status Output::Fail(std::string_view what, int err) {
  if (err == EPIPE && (kind_ == Kind::kStdout || kind_ == Kind::kDirect)) {
    error_ = Status::BrokenPipe();
  } else {
    error_ = Status::Io(fmt::format("{}: {}: {}", name_, what, std::strerror(err)));
  }
  return error_;
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

Status Output::Wrote() {
  if (!error_.ok()) return error_;
  if (buffer_.size() >= kBufferSize) return Flush();
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
      return Fail("write error", errno);
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return Status::Ok();
}

Status Output::Commit() {
  if (committed_) return error_;
  GAPMAP_RETURN_IF_ERROR(Flush());
  if (kind_ == Kind::kStdout || kind_ == Kind::kDirect) {
    committed_ = true;
    return Status::Ok();
  }
  // The data must be on disk before the rename makes it the target: after a
  // crash the target is then the old file or the complete new one.
  if (::fsync(fd_) != 0) return Fail("cannot sync", errno);
  if (kind_ == Kind::kAnonymous) {
    // Give the anonymous file a name, then move it over the target: rename(2)
    // is atomic, so readers see the old or the new file, never a mix. Only
    // between these two calls does a temporary name exist on disk.
    std::string temp = fmt::format("{}.tmp.{}", target_, ::getpid());
    std::string proc = fmt::format("/proc/self/fd/{}", fd_);
    ::unlink(temp.c_str());
    if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, temp.c_str(), AT_SYMLINK_FOLLOW) != 0) {
      return Fail("cannot create output", errno);
    }
    temp_path_ = temp;
  }
  if (::rename(temp_path_.c_str(), target_.c_str()) != 0) {
    int err = errno;
    ::unlink(temp_path_.c_str());
    temp_path_.clear();
    return Fail("cannot replace", err);
  }
  temp_path_.clear();
  committed_ = true;
  ::close(fd_);
  fd_ = -1;
  SyncDirectory(DirectoryOf(target_));
  return Status::Ok();
}

}  // namespace gapmap
