#include "lib/core/progress.h"

#include <unistd.h>

#include <cstdio>

#include <fmt/format.h>

namespace gapmap {

ProgressMeter::ProgressMeter(bool wanted, int total_files)
    : enabled_(wanted && ::isatty(STDERR_FILENO) == 1),
      total_files_(total_files),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

ProgressMeter::~ProgressMeter() {
  if (enabled_ && drawn_) std::fputs("\r\033[K", stderr);
}

void ProgressMeter::AddBytes(uint64_t bytes) {
  if (!enabled_) return;
  bytes_ += bytes;
  MaybeDraw(false);
}

void ProgressMeter::FileDone() {
  if (!enabled_) return;
  ++files_;
  MaybeDraw(false);
}

void ProgressMeter::MaybeDraw(bool force) {
  auto now = std::chrono::steady_clock::now();
  std::unique_lock<std::mutex> lock(mu_, std::try_to_lock);
  if (!lock.owns_lock()) return;
  // Only after half a second: short runs print nothing.
  if (!force && (now - last_draw_ < std::chrono::milliseconds(250) ||
                 now - start_ < std::chrono::milliseconds(500))) {
    return;
  }
  last_draw_ = now;
  double seconds = std::chrono::duration<double>(now - start_).count();
  double mb = static_cast<double>(bytes_.load()) / 1e6;
  std::string line = fmt::format("\r\033[Kgapmap: {}/{} files, {:.1f} MB, {:.1f} MB/s",
                                 files_.load(), total_files_, mb, seconds > 0 ? mb / seconds : 0.0);
  std::fputs(line.c_str(), stderr);
  std::fflush(stderr);
  drawn_ = true;
}

}  // namespace gapmap
