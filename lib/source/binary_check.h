// Binary-file detection: a NUL byte anywhere in a document means it is not
// text (a PDF, an image, a UTF-16 file without a BOM...). What happens then is
// the user's --binary policy.
//
// Why NUL: text extracted from PDFs never holds one, while almost every binary
// format does within its first kilobytes; invalid UTF-8 alone is not a sign of
// binary data (it is repaired instead). The check covers the whole document,
// not only its first 64 KiB: for a regular file ScanForNul() runs before the
// first line is read, so a skipped file contributes no units at all; for a
// pipe, which cannot be read twice, the line reader stops at the first NUL
// (see LineReader) and the units before it have already been written.
#ifndef GAPMAP_SOURCE_BINARY_CHECK_H_
#define GAPMAP_SOURCE_BINARY_CHECK_H_

#include <cstdint>
#include <optional>
#include <string_view>

#include "lib/core/status.h"
#include "lib/source/byte_source.h"

namespace gapmap {

enum class BinaryPolicy {
  kSkip,   // warn and skip the document (default); the run still exits 0
  kText,   // read it anyway; NUL bytes become U+FFFD
  kError,  // an input error: the document is skipped and the run exits 2
};

// "skip", "text", "error"; nullopt for anything else.
std::optional<BinaryPolicy> ParseBinaryPolicy(std::string_view name);

// Offset (from the source's start) of the first NUL in the rest of a seekable
// source, or nullopt. Reads with pread(2), so the source's read position is
// unchanged. A UTF-16 file (with a BOM) is scanned by code unit: it is binary
// only if it holds U+0000.
Result<std::optional<uint64_t>> ScanForNul(const FdSource& source);

}  // namespace gapmap

#endif  // GAPMAP_SOURCE_BINARY_CHECK_H_
