// SectionTracker: stamps each unit with its heading path, the agency whose
// chapter it sits in, and the part of that chapter.
//
// Contract: Stamp() is called once per unit, in document order (the order the
// segmenter emits); it sets unit->section.
// - A heading that is an agency chapter's title (ChapterTitles: "International
//   Organization for Migration (IOM)") starts that agency's chapter, in the
//   part `chapter_default` of rules/structure.yaml (the mandate).
// - A heading matching a part pattern ("Gap analysis", "Gap analysis &
//   Recommendations", "Recommendations") starts that part of the chapter.
// - Units before the first chapter belong to the document's default agency
//   (its issuer when that is a known agency: ICAT for the ICAT report), in the
//   part `before_first_chapter` (intro). A document without a default agency
//   has null agency and part until a chapter starts, and parts are only
//   tracked inside chapters or under a default agency.
// - The heading path holds the chapter title, the part heading, then the
//   headings below it by level: a numbered heading's level is its depth
//   ("1.2.1." is deeper than "1.2."), a Markdown heading's is its number of
//   '#', and any other heading is a sub-heading that replaces the previous
//   one of its kind.
// - Footnotes and furniture get the heading path but null agency and part:
//   they are not part of any agency's text.
#ifndef GAPMAP_SECTIONS_SECTION_TRACKER_H_
#define GAPMAP_SECTIONS_SECTION_TRACKER_H_

#include <cstdint>
#include <string>
#include <vector>

#include "lib/core/document_info.h"
#include "lib/core/unit.h"
#include "lib/rules/agency_registry.h"
#include "lib/segment/chapter_titles.h"
#include "lib/segment/structure_rules.h"

namespace gapmap {

class SectionTracker {
 public:
  // `rules` and `agencies` must outlive the tracker.
  SectionTracker(const StructureRules& rules, const AgencyRegistry& agencies,
                 const DocumentInfo& document);
  void Stamp(Unit* unit);
  // Takes back the heading path of a unit the caller is done with (moved
  // from): the next path is copied into its strings instead of new ones, or
  // not copied at all when it is the path of the unit stamped last, as
  // stamped, and the heading path has not changed since (most units). The
  // path must be as Stamp() left it or moved from. Optional; changes no result.
  void Recycle(Unit* done);

 private:
  struct Heading {
    int level;
    std::string text;
    std::vector<int> numbers;            // of its marker: "2." -> {2}
    bool numbered_list_checked = false;  // its first numbered list item was seen
  };
  // A heading "2. ..." whose first list item of the same depth is "3." was
  // itself an item of that list, styled as a heading: the items are its
  // siblings, so it leaves the heading path.
  void CloseHeadingContinuedByList(const Unit& bullet);
  void EnterHeading(const Unit& unit);
  void Push(int level, const std::string& text, std::vector<int> numbers = {});

  const StructureRules& rules_;
  const AgencyRegistry& agencies_;
  ChapterTitles titles_;
  std::string agency_;
  std::string part_;
  std::vector<Heading> path_;
  std::vector<std::string> spare_path_;  // from Recycle()
  // Counts the changes of path_: a path stamped at the current count holds
  // path_'s texts.
  uint64_t path_version_ = 0;
  uint64_t stamped_version_ = 0;                 // path_version_ at the last Stamp()
  const std::string* stamped_path_ = nullptr;    // that unit's path's storage
  bool spare_is_stamped_ = false;  // spare_path_ is that path, as stamped
};

}  // namespace gapmap

#endif  // GAPMAP_SECTIONS_SECTION_TRACKER_H_
