#include "lib/source/binary_check.h"

#include <cstring>
#include <memory>
#include <string>

#include "lib/source/decoding_source.h"

namespace gapmap {

std::optional<BinaryPolicy> ParseBinaryPolicy(std::string_view name) {
  if (name == "skip") return BinaryPolicy::kSkip;
  if (name == "text") return BinaryPolicy::kText;
  if (name == "error") return BinaryPolicy::kError;
  return std::nullopt;
}

Result<std::optional<uint64_t>> ScanForNul(const FdSource& source) {
  // Big reads so the scan runs at memchr speed (several GB/s from the page
  // cache): a small cost next to the pipeline, paid once per file.
  constexpr size_t kChunk = 1 << 20;
  // Not a string: zeroing a megabyte that the first read overwrites would cost
  // more than scanning a small file.
  std::unique_ptr<char[]> buffer(new char[kChunk]);
  const uint64_t start = source.start_offset();

  char head[4];
  Result<size_t> head_size = source.ReadAt(start, head, sizeof head);
  if (!head_size.ok()) return head_size.status();
  TextEncoding encoding = SniffEncoding(std::string_view(head, *head_size));
  // UTF-32 is rejected by the decoder with its own message; no scan needed.
  if (encoding == TextEncoding::kUtf32Le || encoding == TextEncoding::kUtf32Be) {
    return std::optional<uint64_t>();
  }
  const bool wide = encoding == TextEncoding::kUtf16Le || encoding == TextEncoding::kUtf16Be;

  uint64_t offset = 0;  // relative to start; even at every chunk start when wide
  for (;;) {
    Result<size_t> n = source.ReadAt(start + offset, buffer.get(), kChunk);
    if (!n.ok()) return n.status();
    if (*n == 0) return std::optional<uint64_t>();
    size_t size = *n;
    if (!wide) {
      if (const void* nul = std::memchr(buffer.get(), '\0', size)) {
        return std::optional<uint64_t>(offset +
                                       (static_cast<const char*>(nul) - buffer.get()));
      }
    } else {
      // Keep code units aligned; a dangling odd byte at the end is no NUL.
      if (size % 2 == 1) {
        if (size == 1) return std::optional<uint64_t>();
        --size;
      }
      const char* p = buffer.get();
      for (size_t i = 0; i + 1 < size; i += 2) {
        if (p[i] == '\0' && p[i + 1] == '\0') return std::optional<uint64_t>(offset + i);
      }
    }
    offset += size;
  }
}

}  // namespace gapmap
