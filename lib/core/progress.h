// ProgressMeter: "files, MB, MB/s" on stderr for long runs on a terminal.
//
// It stays silent when stderr is not a TTY (scripts, CI, pipes) or when the
// user asked for --quiet, and redraws at most a few times per second so it
// costs nothing on the hot path. Thread-safe.
#ifndef GAPMAP_CORE_PROGRESS_H_
#define GAPMAP_CORE_PROGRESS_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>

namespace gapmap {

class ProgressMeter {
 public:
  // Enabled only if `wanted` and stderr is a terminal.
  ProgressMeter(bool wanted, int total_files);
  ~ProgressMeter();  // clears the line it drew

  void AddBytes(uint64_t bytes);
  void FileDone();

 private:
  void MaybeDraw(bool force);

  bool enabled_;
  int total_files_;
  std::atomic<uint64_t> bytes_{0};
  std::atomic<int> files_{0};
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_draw_;
  std::mutex mu_;
  bool drawn_ = false;
};

}  // namespace gapmap

#endif  // GAPMAP_CORE_PROGRESS_H_
