#include "lib/core/unit.h"

#include <fmt/format.h>

#include <array>

namespace gapmap {
namespace {
constexpr std::array<std::string_view, kUnitKindCount> kKindNames = {"text", "bullet", "heading",
                                                                     "footnote", "furniture"};
}  // namespace

std::string_view KindName(UnitKind kind) { return kKindNames[static_cast<int>(kind)]; }

std::optional<UnitKind> ParseKind(std::string_view name) {
  for (int i = 0; i < kUnitKindCount; ++i) {
    if (kKindNames[i] == name) return static_cast<UnitKind>(i);
  }
  return std::nullopt;
}

int MarkerNumberCount(std::string_view marker) {
  int count = 0;
  bool in_digits = false;
  for (char c : marker) {
    bool digit = c >= '0' && c <= '9';
    if (digit && !in_digits) ++count;
    in_digits = digit;
  }
  return count;
}

std::string UnitId(std::string_view doc, uint32_t ordinal) {
  return fmt::format("{}:{:04d}", doc, ordinal);
}

}  // namespace gapmap
