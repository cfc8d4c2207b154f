#include "lib/sections/section_tracker.h"

#include <algorithm>

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

void SectionTracker::Push(int level, const std::string& text, std::vector<int> numbers) {
  while (!path_.empty() && path_.back().level >= level) path_.pop_back();
  path_.push_back(Heading{level, text, std::move(numbers)});
  ++path_version_;
}

void SectionTracker::CloseHeadingContinuedByList(const Unit& bullet) {
  if (path_.empty() || path_.back().numbers.empty() || path_.back().numbered_list_checked) return;
  Heading& heading = path_.back();
  std::vector<int> numbers = MarkerNumbers(bullet.marker);
  if (numbers.size() != heading.numbers.size()) return;  // a sub-list ("2.1.") or a), i.
  // Only the first item decides: a list of the heading's own (1., 2., 3.
  // under "2. ...") passes the heading's number on the way.
  heading.numbered_list_checked = true;
  if (!std::equal(numbers.begin(), numbers.end() - 1, heading.numbers.begin())) return;
  if (numbers.back() == heading.numbers.back() + 1) {
    path_.pop_back();
    ++path_version_;
  }
}

void SectionTracker::EnterHeading(const Unit& unit) {
  if (int agency = titles_.Match(unit.text); agency >= 0) {
    agency_ = agencies_.agencies[agency].id;
    part_ = rules_.chapter_default;
    path_.clear();
    Push(kChapterLevel, unit.text);  // a new version
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
  std::vector<int> numbers = MarkerNumbers(unit.marker);
  int depth = static_cast<int>(numbers.size());
  Push(depth > 0 ? kPartLevel + depth : kSubHeadingLevel, unit.text, std::move(numbers));
}

void SectionTracker::Stamp(Unit* unit) {
  if (unit->kind == UnitKind::kHeading) EnterHeading(*unit);
  if (unit->kind == UnitKind::kBullet) CloseHeadingContinuedByList(*unit);
  SectionRef& s = unit->section;
  // Every unit carries a copy of the path: copied into the strings of a
  // recycled one, it costs no allocation (the path rarely changes).
  bool current = false;  // s.path already holds path_'s texts
  if (s.path.empty()) {
    s.path.swap(spare_path_);
    current = spare_is_stamped_ && stamped_version_ == path_version_;
  }
  spare_is_stamped_ = false;
  if (!current) {
    if (s.path.size() > path_.size()) s.path.resize(path_.size());
    for (size_t i = 0; i < s.path.size(); ++i) s.path[i] = path_[i].text;
    for (size_t i = s.path.size(); i < path_.size(); ++i) s.path.push_back(path_[i].text);
  }
  stamped_version_ = path_version_;
  stamped_path_ = s.path.data();
  if (IsContent(unit->kind) || unit->kind == UnitKind::kHeading) {
    s.agency = agency_;
    if (agency_.empty()) {
      s.part.clear();
    } else {
      s.part = part_;  // copied into its string, not through a temporary
    }
  } else {
    s.agency.clear();
    s.part.clear();
  }
}

void SectionTracker::Recycle(Unit* done) {
  spare_path_ = std::move(done->section.path);
  // The same storage as the path stamped last: moving a unit keeps it.
  spare_is_stamped_ = !spare_path_.empty() && spare_path_.data() == stamped_path_;
}

}  // namespace gapmap
