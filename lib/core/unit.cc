#include "lib/core/unit.h"

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

std::vector<int> MarkerNumbers(std::string_view marker) {
  std::vector<int> numbers;
  bool in_digits = false;
  for (char c : marker) {
    bool digit = c >= '0' && c <= '9';
    if (digit) {
      if (!in_digits) numbers.push_back(0);
      // Markers are short; a run of digits long enough to overflow is not a
      // number anyone wrote, so it saturates.
      if (numbers.back() < 100000000) numbers.back() = numbers.back() * 10 + (c - '0');
    }
    in_digits = digit;
  }
  return numbers;
}

int MarkerNumberCount(std::string_view marker) {
  return static_cast<int>(MarkerNumbers(marker).size());
}

char* PutOrdinal(char* p, uint32_t ordinal) {
  // Written by hand, not with fmt: every record of `gapmap tag` carries one.
  char digits[10];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + ordinal % 10);
    ordinal /= 10;
  } while (ordinal != 0);
  while (n < 4) digits[n++] = '0';
  while (n > 0) *p++ = digits[--n];
  return p;
}

std::string UnitId(std::string_view doc, uint32_t ordinal) {
  char digits[10];
  char* const end = PutOrdinal(digits, ordinal);
  std::string id;
  id.reserve(doc.size() + 1 + static_cast<size_t>(end - digits));
  id.append(doc);
  id.push_back(':');
  id.append(digits, end);
  return id;
}

}  // namespace gapmap
