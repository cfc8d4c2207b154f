// Output: where a command's result goes, stdout or a file, with no half-written
// files and no silent write errors.
//
// A file output is written to an anonymous temporary file in the target's
// directory (O_TMPFILE, or a named "<target>.tmp.XXXXXX" where O_TMPFILE is not
// supported) and only renamed over the target by Commit(). If the process dies,
// or Commit() is never called, the previous file is intact; an anonymous
// temporary vanishes with the process even under kill -9.
//
// A target that exists and is not a regular file (/dev/null, a FIFO), or any
// existing path under /dev/ or /proc/ (/dev/stdout), is written directly:
// replacing a device node or a system symlink by a regular file would be
// wrong, and there is no previous content to protect. A replaced regular file
// keeps its permission bits; a symlink to a regular file stays a symlink and
// its target is replaced.
//
// Writes are buffered; every write(2) error is reported (ENOSPC, EFBIG under
// `ulimit -f` -- the CLI ignores SIGXFSZ so that is an error, not a kill --,
// EIO...). EPIPE on stdout or a FIFO (the reader of a pipe went away, as with
// `| head -1`) is StatusCode::kBrokenPipe, which the CLI turns into a quiet
// exit 0. SIGPIPE must be ignored for that (the CLI does so at start-up).
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
  // For a writer that builds its records in place rather than in a string
  // of its own (`gapmap tag` writes ~5 bytes per input byte; copying every
  // line into the buffer was a pass over all of them): append to buffer(),
  // then call Wrote(), which writes the buffer out once it is full and
  // returns the first write error, as Write() does.
  std::string* buffer() { return &buffer_; }
  Status Wrote();
  // Flushes; for a file, makes it durable and renames it over the target.
  Status Commit();

  const std::string& name() const { return name_; }

 private:
  enum class Kind {
    kStdout,     // fd 1, not owned
    kDirect,     // an existing non-regular file, written in place
    kAnonymous,  // an O_TMPFILE in the target's directory
    kNamed,      // a "<target>.tmp.XXXXXX" beside the target
  };
  Output(Kind kind, int fd, std::string name, std::string target, std::string temp_path);
  Status Flush();
  Status WriteAll(std::string_view data);
  Status Fail(std::string_view what, int err);

  Kind kind_;
  int fd_;
  std::string name_;       // for messages: the path as given, or "<stdout>"
  std::string target_;     // the file replaced on Commit (symlinks resolved)
  std::string temp_path_;  // kNamed (or kAnonymous once linked): the temporary
  bool committed_ = false;
  Status error_;           // the first write error; sticky
  std::string buffer_;
};

}  // namespace gapmap

#endif  // GAPMAP_SINKS_OUTPUT_H_
