// Minimal, fast JSON text building for the sinks (output is append-only, so a
// DOM is not needed). Strings must be valid UTF-8, which the reader guarantees;
// invalid bytes are still replaced by U+FFFD so output is always valid UTF-8.
#ifndef GAPMAP_CORE_JSON_WRITER_H_
#define GAPMAP_CORE_JSON_WRITER_H_

#include <string>
#include <string_view>

namespace gapmap {

// Appends `s` as a quoted JSON string. Escapes '"', '\\', control characters,
// and also '<', '>', '&', U+2028 and U+2029 when `html_safe` (for embedding in
// a <script> block).
void AppendJsonString(std::string* out, std::string_view s, bool html_safe = false);

// True if AppendJsonString(out, s) writes `s` between quotes as it is.
bool IsPlainJson(std::string_view s);

}  // namespace gapmap

#endif  // GAPMAP_CORE_JSON_WRITER_H_
