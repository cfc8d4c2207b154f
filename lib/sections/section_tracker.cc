#include "lib/sections/section_tracker.h"

namespace gapmap {

SectionTracker::SectionTracker(const StructureRules& rules, const AgencyRegistry& agencies,
                               const DocumentInfo& document)
    : rules_(rules), agencies_(agencies), document_(document) {}

void SectionTracker::Stamp(Unit* unit) { unit->section.agency = document_.default_agency; }

}  // namespace gapmap
