// Unit: one paragraph, bullet item, heading, footnote or piece of page furniture,
// as the segmenter emits it and the section tracker stamps it.
//
// Units are plain values that flow down the pipeline; they own their text.
#ifndef GAPMAP_CORE_UNIT_H_
#define GAPMAP_CORE_UNIT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gapmap {

enum class UnitKind : uint8_t { kText, kBullet, kHeading, kFootnote, kFurniture };
inline constexpr int kUnitKindCount = 5;

// "text", "bullet", "heading", "footnote", "furniture".
std::string_view KindName(UnitKind kind);
std::optional<UnitKind> ParseKind(std::string_view name);
// Content units (text, bullet) are the ones that carry content labels.
inline bool IsContent(UnitKind kind) {
  return kind == UnitKind::kText || kind == UnitKind::kBullet;
}

// Where a unit sits in the report, from the section tracker.
struct SectionRef {
  std::vector<std::string> path;  // heading path, outermost first
  std::string agency;             // canonical agency id; empty means null
  std::string part;               // intro|mandate|gap_analysis|recommendations; empty = null
};

struct Unit {
  std::string doc;       // document id: the file name without extension
  uint32_t ordinal = 0;  // 1-based position among the document's units
  UnitKind kind = UnitKind::kText;
  uint32_t line_start = 0;  // 1-based, inclusive source lines
  uint32_t line_end = 0;
  uint64_t byte_start = 0;  // [byte_start, byte_end) in the source file
  uint64_t byte_end = 0;
  std::string marker;  // list marker of a bullet ("•", "a)", "1.1.2.", "-"); else empty
  std::string text;    // normalised text (marker stripped)
  // True when this list item follows a lead-in paragraph ("... the following:")
  // and belongs to its list; `lead_in_ordinal` is that paragraph's ordinal.
  uint32_t lead_in_ordinal = 0;
  SectionRef section;
};

// The numbers of a list or heading marker: "1.2.1." -> {1, 2, 1}, "a)" -> {}.
// Their count is the depth of a numbered heading, for the classifier and the
// section tracker.
std::vector<int> MarkerNumbers(std::string_view marker);
int MarkerNumberCount(std::string_view marker);

// "doc:0042": the stable id of a unit in outputs.
std::string UnitId(std::string_view doc, uint32_t ordinal);
// The part of the id after the colon ("0042": at least four digits), written
// to `p`, which has room for 10 bytes; returns the end.
char* PutOrdinal(char* p, uint32_t ordinal);

}  // namespace gapmap

#endif  // GAPMAP_CORE_UNIT_H_
