// Status and Result<T>: the error type that crosses module boundaries.
//
// Modules do not throw across their interfaces; they return a Status (or a
// Result<T> holding either a value or a Status). A Status carries a code that
// decides the process exit code and a message that is already fit for a user:
// "file:line:col: what and why", without the "gapmap: " prefix, which the
// diagnostics reporter adds.
#ifndef GAPMAP_CORE_STATUS_H_
#define GAPMAP_CORE_STATUS_H_

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace gapmap {

enum class StatusCode {
  kOk = 0,
  kUsage,        // bad command line
  kInput,        // unreadable or malformed input document
  kRule,         // rule file could not be loaded or compiled
  kIo,           // output could not be written
  kCheckFailed,  // the run worked but a check did not hold (exit 1)
  kBrokenPipe,   // the reader of our stdout went away (`| head`): stop quietly, exit 0
  kInternal,
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status Usage(std::string m) { return {StatusCode::kUsage, std::move(m)}; }
  static Status Input(std::string m) { return {StatusCode::kInput, std::move(m)}; }
  static Status Rule(std::string m) { return {StatusCode::kRule, std::move(m)}; }
  static Status Io(std::string m) { return {StatusCode::kIo, std::move(m)}; }
  static Status CheckFailed(std::string m) { return {StatusCode::kCheckFailed, std::move(m)}; }
  static Status BrokenPipe() { return {StatusCode::kBrokenPipe, "broken pipe"}; }
  static Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // The process exit code for this status: 0 ok, 1 check failed, 2 otherwise.
  int ExitCode() const {
    if (ok() || code_ == StatusCode::kBrokenPipe) return 0;
    return code_ == StatusCode::kCheckFailed ? 1 : 2;
  }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Either a T or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) { assert(!status_.ok()); }  // NOLINT

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace gapmap

// Propagates a non-OK Status to the caller.
#define GAPMAP_RETURN_IF_ERROR(expr)            \
  do {                                          \
    ::gapmap::Status gapmap_status_ = (expr);   \
    if (!gapmap_status_.ok()) return gapmap_status_; \
  } while (0)

#endif  // GAPMAP_CORE_STATUS_H_
