#include "lib/core/source_location.h"

#include <fmt/format.h>

namespace gapmap {

std::string SourceLocation::ToString() const {
  if (line <= 0) return file;
  if (column <= 0) return fmt::format("{}:{}", file, line);
  return fmt::format("{}:{}:{}", file, line, column);
}

}  // namespace gapmap
