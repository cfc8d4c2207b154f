// Synthetic tagged units for matrix tests: a schema like the rules' and a
// builder that names labels instead of indices.
#ifndef GAPMAP_TESTS_AGGREGATE_MATRIX_FIXTURE_H_
#define GAPMAP_TESTS_AGGREGATE_MATRIX_FIXTURE_H_

#include <algorithm>
#include <string>
#include <vector>

#include "lib/core/schema.h"
#include "lib/core/tagged_unit.h"

namespace gapmap::testing {

struct MatrixFixture {
  Schema schema;
  int stance, fourp, rectype, mentions;
  MatrixFixture() {
    stance = schema.InternDimension("stance", false);
    fourp = schema.InternDimension("fourp", true);
    rectype = schema.InternDimension("rectype", true);
    mentions = schema.InternDimension("mentions", true);
    for (const char* s : {"activity", "gap", "recommendation", "context"})
      schema.InternLabel(stance, s);
    for (const char* s : {"prevention", "protection", "prosecution", "partnership"}) {
      schema.InternLabel(fourp, s);
    }
    for (const char* s : {"awareness", "legislation", "research_data"})
      schema.InternLabel(rectype, s);
  }

  TaggedUnit Unit(std::string doc, uint32_t ordinal, std::string agency, std::string stance_label,
                  std::vector<std::string> fourp_labels,
                  std::vector<std::string> rectype_labels = {},
                  std::vector<std::string> mention_labels = {}, UnitKind kind = UnitKind::kText) {
    TaggedUnit t;
    t.unit.doc = std::move(doc);
    t.unit.ordinal = ordinal;
    t.unit.kind = kind;
    t.unit.section.agency = std::move(agency);
    t.labels.resize(schema.dimension_count());
    if (!stance_label.empty()) {
      t.labels[stance].push_back(static_cast<uint16_t>(schema.InternLabel(stance, stance_label)));
    }
    auto fill = [&](int d, const std::vector<std::string>& names) {
      for (const std::string& n : names)
        t.labels[d].push_back(static_cast<uint16_t>(schema.InternLabel(d, n)));
      std::sort(t.labels[d].begin(), t.labels[d].end(), [&](uint16_t a, uint16_t b) {
        return schema.label_name(d, a) < schema.label_name(d, b);
      });
    };
    fill(fourp, fourp_labels);
    fill(rectype, rectype_labels);
    fill(mentions, mention_labels);
    return t;
  }
};

}  // namespace gapmap::testing

#endif  // GAPMAP_TESTS_AGGREGATE_MATRIX_FIXTURE_H_
