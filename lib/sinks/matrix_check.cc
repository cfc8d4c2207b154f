#include "lib/sinks/matrix_check.h"

#include <fmt/format.h>

#include <algorithm>

#include "lib/aggregate/matrix_diff.h"
#include "lib/sinks/matrix_reader.h"

namespace gapmap {
namespace {

int FirstDifferentLine(const std::string& a, const std::string& b) {
  size_t n = std::min(a.size(), b.size());
  size_t i = 0;
  while (i < n && a[i] == b[i]) ++i;
  return 1 +
         static_cast<int>(std::count(a.begin(), a.begin() + static_cast<std::ptrdiff_t>(i), '\n'));
}

// What differs besides the cells.
std::string OtherDifferences(const LoadedMatrix& old, const GapMatrix& matrix,
                             const MatrixProvenance& provenance) {
  std::vector<std::string> what;
  if (!old.from_json) return "same cells, but the files differ (layout or formatting)";
  const MatrixProvenance& p = old.provenance;
  if (p.rules_hash != provenance.rules_hash) {
    what.push_back(fmt::format("rules content hash {} -> {}",
                               p.rules_hash.empty() ? "none" : p.rules_hash,
                               provenance.rules_hash.empty() ? "none" : provenance.rules_hash));
  }
  if (p.tool_version != provenance.tool_version) {
    what.push_back(fmt::format("gapmap {} -> {}", p.tool_version, provenance.tool_version));
  }
  for (const InputDigest& in : provenance.inputs) {
    auto same_name = std::find_if(p.inputs.begin(), p.inputs.end(),
                                  [&](const InputDigest& o) { return o.name == in.name; });
    if (same_name == p.inputs.end()) {
      what.push_back(fmt::format("new input {}", in.name));
    } else if (same_name->sha256 != in.sha256) {
      what.push_back(
          fmt::format("input {} changed ({} -> {} bytes)", in.name, same_name->bytes, in.bytes));
    }
  }
  for (const InputDigest& o : p.inputs) {
    if (std::none_of(provenance.inputs.begin(), provenance.inputs.end(),
                     [&](const InputDigest& in) { return in.name == o.name; })) {
      what.push_back(fmt::format("input {} gone", o.name));
    }
  }
  if (!(old.matrix.options() == matrix.options()) || p.normalize != provenance.normalize) {
    what.push_back("options changed");
  }
  if (old.matrix.content_units() != matrix.content_units() ||
      old.matrix.units_without_owner() != matrix.units_without_owner()) {
    what.push_back(fmt::format("content units {} -> {}, without owner {} -> {}",
                               old.matrix.content_units(), matrix.content_units(),
                               old.matrix.units_without_owner(), matrix.units_without_owner()));
  }
  bool categories_changed = old.matrix.Dimensions() != matrix.Dimensions();
  for (const std::string& d : matrix.Dimensions()) {
    categories_changed = categories_changed || old.matrix.Categories(d) != matrix.Categories(d);
  }
  if (categories_changed || old.matrix.Stances() != matrix.Stances()) {
    what.push_back("known categories or stances changed");
  }
  if (what.empty()) return "same cells, but the files differ (formatting)";
  return fmt::format("cells unchanged; {}", fmt::join(what, "; "));
}

}  // namespace

Result<CheckReport> CheckMatrix(const std::string& expected_path, const std::string& rendered,
                                const GapMatrix& matrix, const MatrixProvenance& provenance) {
  Result<std::string> expected = ReadWholeFile(expected_path);
  if (!expected.ok()) return expected.status();
  CheckReport report;
  if (*expected == rendered) {
    report.equal = true;
    report.summary = "unchanged";
    return report;
  }
  Result<LoadedMatrix> old = ParseMatrix(*expected, expected_path, matrix.options());
  if (!old.ok()) {
    report.summary = fmt::format(
        "differs from line {} on (it is not a tidy CSV or JSON matrix, so no cell diff: {})",
        FirstDifferentLine(*expected, rendered), old.status().message());
    return report;
  }
  Normalize old_normalize = old->from_json ? old->provenance.normalize : provenance.normalize;
  std::vector<CellChange> changes =
      DiffRows(old->matrix.Rows(old_normalize), matrix.Rows(provenance.normalize));
  report.changed_cells = static_cast<int>(changes.size());
  if (changes.empty()) {
    report.summary = OtherDifferences(*old, matrix, provenance);
  } else {
    report.summary =
        fmt::format("{} cell{} changed", changes.size(), changes.size() == 1 ? "" : "s");
    report.details = FormatDiff(changes);
  }
  return report;
}

}  // namespace gapmap
