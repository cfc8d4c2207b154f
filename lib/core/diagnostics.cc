#include "lib/core/diagnostics.h"

#include <fmt/format.h>

namespace gapmap {

std::string FormatDiagnostic(Severity severity, const SourceLocation& loc,
                             std::string_view message) {
  std::string where = loc.ToString();
  std::string prefix = severity == Severity::kWarning ? "warning: " : "";
  if (where.empty()) return fmt::format("gapmap: {}{}", prefix, message);
  return fmt::format("gapmap: {}: {}{}", where, prefix, message);
}

void Diagnostics::Error(const SourceLocation& loc, std::string_view message) {
  std::lock_guard<std::mutex> lock(mu_);
  ++errors_;
  if (recording_) {
    recorded_.push_back(Diagnostic{loc, std::string(message), Severity::kError});
    return;
  }
  Emit(FormatDiagnostic(Severity::kError, loc, message));
}

void Diagnostics::Warning(const SourceLocation& loc, std::string_view message) {
  std::lock_guard<std::mutex> lock(mu_);
  ++warnings_;
  if (recording_) {
    recorded_.push_back(Diagnostic{loc, std::string(message), Severity::kWarning});
    return;
  }
  if (!quiet_) Emit(FormatDiagnostic(Severity::kWarning, loc, message));
}

void Diagnostics::Error(const Status& status) { Error(SourceLocation{}, status.message()); }

void Diagnostics::Report(const Diagnostic& d) {
  if (d.severity == Severity::kError) {
    Error(d.location, d.message);
  } else {
    Warning(d.location, d.message);
  }
}

void Diagnostics::ReplayInto(Diagnostics* to) const {
  std::lock_guard<std::mutex> lock(mu_);
  for (const Diagnostic& d : recorded_) to->Report(d);
}

int Diagnostics::error_count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return errors_;
}

int Diagnostics::warning_count() const {
  std::lock_guard<std::mutex> lock(mu_);
  return warnings_;
}

void Diagnostics::Emit(const std::string& line) {
  std::fputs(line.c_str(), out_);
  std::fputc('\n', out_);
  std::fflush(out_);
}

}  // namespace gapmap
