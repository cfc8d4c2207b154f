#include "lib/sections/section_tracker.h"

namespace gapmap {
namespace {

// Levels of the heading path.
constexpr int kChapterLevel = 0;
constexpr int kPartLevel = 1;
constexpr int kSubHeadingLevel = 100;  // an unnumbered heading below the numbered ones

}  // namespace

SectionTracker::SectionTracker(const StructureRules& rules, const AgencyRegistry& agencies,
                               const DocumentInfo& document)
    : rules_(rules), agencies_(agencies), titles_(agencies), agency_(document.default_agency) {
  if (!agency_.empty()) part_ = rules.before_first_chapter;
}

void SectionTracker::Push(int level, const std::string& text) {
  while (!path_.empty() && path_.back().level >= level) path_.pop_back();
  path_.push_back(Heading{level, text});
}

void SectionTracker::EnterHeading(const Unit& unit) {
  if (int agency = titles_.Match(unit.text); agency >= 0) {
    agency_ = agencies_.agencies[agency].id;
    part_ = rules_.chapter_default;
    path_.clear();
    Push(kChapterLevel, unit.text);
    return;
  }
  if (int part = rules_.PartOfHeading(unit.text); part >= 0) {
    if (!agency_.empty()) part_ = rules_.part_names[part];
    Push(kPartLevel, unit.text);
    return;
  }
  if (!unit.marker.empty() && unit.marker[0] == '#') {
    Push(static_cast<int>(unit.marker.size()), unit.text);  // Markdown: no chapters
    return;
  }
  int depth = MarkerNumberCount(unit.marker);
  Push(depth > 0 ? kPartLevel + depth : kSubHeadingLevel, unit.text);
}

void SectionTracker::Stamp(Unit* unit) {
  if (unit->kind == UnitKind::kHeading) EnterHeading(*unit);
  SectionRef& s = unit->section;
  s.path.clear();
  for (const Heading& h : path_) s.path.push_back(h.text);
  if (IsContent(unit->kind) || unit->kind == UnitKind::kHeading) {
    s.agency = agency_;
    s.part = agency_.empty() ? std::string() : part_;
  } else {
    s.agency.clear();
    s.part.clear();
  }
}

}  // namespace gapmap
