// Output: where a command's result goes, stdout or a file, with no half-written
// files and no silent write errors.
//
// A file output is written to an anonymous temporary file in the target's
// directory (O_TMPFILE, or a named "<target>.tmp.XXXXXX" where O_TMPFILE is not
// supported) and only renamed over the target by Commit(). If the process dies,
// or Commit() is never called, the previous file is intact; an anonymous
// temporary vanishes with the process even under kill -9.
//
// Writes are buffered; every write(2) error is reported. EPIPE on stdout (the
// reader of a pipe went away, as with `| head -1`) is StatusCode::kBrokenPipe,
// which the CLI turns into a quiet exit 0. SIGPIPE must be ignored for that
// (the CLI does so at start-up).
#ifndef GAPMAP_SINKS_OUTPUT_H_
#define GAPMAP_SINKS_OUTPUT_H_

#include <memory>
#include <string>
#include <string_view>

#include "lib/core/status.h"

namespace gapmap {

class Output {
 public:
  // "" or "-" is standard output; anything else a file written atomically.
  static Result<std::unique_ptr<Output>> Open(const std::string& path);
  ~Output();  // discards an uncommitted file output
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  Status Write(std::string_view data);
  // Flushes; for a file, makes it durable and renames it over the target.
  Status Commit();

  const std::string& name() const { return name_; }

 private:
  Output(int fd, std::string name, std::string target, std::string temp_path, bool anonymous);
  Status Flush();
  Status WriteAll(std::string_view data);

  int fd_;
  std::string name_;       // for messages: the target path or "<stdout>"
  std::string target_;     // empty for stdout
  std::string temp_path_;  // named temporary (fallback), else empty
  bool anonymous_;         // O_TMPFILE
  bool committed_ = false;
  Status error_;           // the first write error; sticky
  std::string buffer_;
};

}  // namespace gapmap

#endif  // GAPMAP_SINKS_OUTPUT_H_
