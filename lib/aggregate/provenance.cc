#include "lib/aggregate/provenance.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

namespace gapmap {

void SortInputs(std::vector<InputDigest>* inputs) {
  std::stable_sort(inputs->begin(), inputs->end(), [](const InputDigest& a, const InputDigest& b) {
    return std::tie(a.name, a.sha256, a.bytes) < std::tie(b.name, b.sha256, b.bytes);
  });
}

Status MergeProvenance(MatrixProvenance* into, const MatrixProvenance& other) {
  if (into->rules_hash != other.rules_hash) {
    return Status::Input(fmt::format("computed with different rules (content hash {} vs {})",
                                     into->rules_hash.empty() ? "none" : into->rules_hash,
                                     other.rules_hash.empty() ? "none" : other.rules_hash));
  }
  if (into->tool_version != other.tool_version) {
    return Status::Input(fmt::format("computed by different gapmap versions ({} vs {})",
                                     into->tool_version, other.tool_version));
  }
  into->inputs.insert(into->inputs.end(), other.inputs.begin(), other.inputs.end());
  SortInputs(&into->inputs);
  return Status::Ok();
}

}  // namespace gapmap
