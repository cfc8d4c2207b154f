#include "lib/tag/tagger.h"

namespace gapmap {

Status Tagger::Tag(Unit unit, TaggedUnit* out) {
  out->unit = std::move(unit);
  out->labels.assign(rules_.schema.dimension_count(), {});
  out->evidence.clear();
  return Status::Ok();
}

}  // namespace gapmap
