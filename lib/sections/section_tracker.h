// SectionTracker: stamps each unit with its heading path, the agency whose
// chapter it sits in, and the part of that chapter.
//
// Contract: Stamp() is called once per unit, in document order (the order the
// segmenter emits); it sets unit->section. Units before the first agency
// chapter belong to the document's default agency (ICAT for the ICAT report).
//
// PLACEHOLDER implementation: stamps the default agency only.
#ifndef GAPMAP_SECTIONS_SECTION_TRACKER_H_
#define GAPMAP_SECTIONS_SECTION_TRACKER_H_

#include "lib/core/document_info.h"
#include "lib/core/unit.h"
#include "lib/rules/agency_registry.h"
#include "lib/segment/structure_rules.h"

namespace gapmap {

class SectionTracker {
 public:
  SectionTracker(const StructureRules& rules, const AgencyRegistry& agencies,
                 const DocumentInfo& document);
  void Stamp(Unit* unit);

 private:
  const StructureRules& rules_;
  const AgencyRegistry& agencies_;
  DocumentInfo document_;
};

}  // namespace gapmap

#endif  // GAPMAP_SECTIONS_SECTION_TRACKER_H_
