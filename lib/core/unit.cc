#include "lib/core/unit.h"

#include <array>

#include <fmt/format.h>

namespace gapmap {
namespace {
constexpr std::array<std::string_view, kUnitKindCount> kKindNames = {
    "text", "bullet", "heading", "footnote", "furniture"};
}  // namespace

std::string_view KindName(UnitKind kind) { return kKindNames[static_cast<int>(kind)]; }

std::optional<UnitKind> ParseKind(std::string_view name) {
  for (int i = 0; i < kUnitKindCount; ++i) {
    if (kKindNames[i] == name) return static_cast<UnitKind>(i);
  }
  return std::nullopt;
}

std::string UnitId(std::string_view doc, uint32_t ordinal) {
  return fmt::format("{}:{:04d}", doc, ordinal);
}

}  // namespace gapmap
