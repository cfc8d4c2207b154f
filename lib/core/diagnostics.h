// Diagnostics: the one place that turns errors and warnings into stderr lines.
//
// Every message has the shape "gapmap: file:line:col: message" (the location
// parts that are unknown are left out). The reporter counts errors so a command
// can keep going over its other inputs and still exit 2 at the end.
// Thread-safe: documents processed in parallel report through one instance.
#ifndef GAPMAP_CORE_DIAGNOSTICS_H_
#define GAPMAP_CORE_DIAGNOSTICS_H_

#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "lib/core/source_location.h"
#include "lib/core/status.h"

namespace gapmap {

enum class Severity { kWarning, kError };

// One message about a place in a user's file (rule files collect all of them
// before giving up, so a user fixes a file in one round).
struct Diagnostic {
  SourceLocation location;
  std::string message;
  Severity severity = Severity::kError;
};

// "gapmap: <loc>: <message>" or "gapmap: warning: ..."; no trailing newline.
std::string FormatDiagnostic(Severity severity, const SourceLocation& loc,
                             std::string_view message);

class Diagnostics {
 public:
  // Writes to `out` (stderr by default). The stream is not owned.
  explicit Diagnostics(std::FILE* out = stderr) : out_(out) {}

  // A reporter that records its messages instead of printing them (for a
  // document tagged on a worker thread); ReplayInto() later reports them to
  // the real reporter, in order, so stderr reads as it does in a serial run.
  struct Recording {};
  explicit Diagnostics(Recording) : out_(nullptr), recording_(true) {}
  void ReplayInto(Diagnostics* to) const;

  void Error(const SourceLocation& loc, std::string_view message);
  void Warning(const SourceLocation& loc, std::string_view message);
  // A status whose message already holds its location.
  void Error(const Status& status);
  void Report(const Diagnostic& diagnostic);

  int error_count() const;
  int warning_count() const;
  // Warnings are still counted but not printed (--quiet keeps errors).
  void set_quiet(bool quiet) { quiet_ = quiet; }

 private:
  void Emit(const std::string& line);

  std::FILE* out_;
  bool recording_ = false;
  std::vector<Diagnostic> recorded_;
  bool quiet_ = false;
  mutable std::mutex mu_;
  int errors_ = 0;
  int warnings_ = 0;
};

}  // namespace gapmap

#endif  // GAPMAP_CORE_DIAGNOSTICS_H_
