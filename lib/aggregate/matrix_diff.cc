#include "lib/aggregate/matrix_diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <tuple>

namespace gapmap {
namespace {

auto KeyOf(const MatrixRow& r) { return std::tie(r.agency, r.dimension, r.category, r.stance); }

std::string ShareText(const std::optional<double>& share) {
  return share ? fmt::format("{:.3f}", *share) : "-";
}

bool Complete(const MatrixRow* row) {
  return row == nullptr || static_cast<int64_t>(row->examples.size()) == row->paragraphs;
}

void Compare(const MatrixRow* old_row, const MatrixRow* new_row, std::vector<CellChange>* out) {
  const MatrixRow& any = old_row != nullptr ? *old_row : *new_row;
  static const std::vector<ExampleId> kNone;
  const auto& old_ids = old_row != nullptr ? old_row->examples : kNone;
  const auto& new_ids = new_row != nullptr ? new_row->examples : kNone;
  CellChange change;
  change.agency = any.agency;
  change.dimension = any.dimension;
  change.category = any.category;
  change.stance = any.stance;
  change.old_paragraphs = old_row != nullptr ? old_row->paragraphs : 0;
  change.new_paragraphs = new_row != nullptr ? new_row->paragraphs : 0;
  if (old_row != nullptr) change.old_share = old_row->share;
  if (new_row != nullptr) change.new_share = new_row->share;
  // Example lists are sorted (GapMatrix keeps them so).
  std::set_difference(new_ids.begin(), new_ids.end(), old_ids.begin(), old_ids.end(),
                      std::back_inserter(change.entered));
  std::set_difference(old_ids.begin(), old_ids.end(), new_ids.begin(), new_ids.end(),
                      std::back_inserter(change.left));
  change.ids_complete = Complete(old_row) && Complete(new_row);
  bool changed = change.old_paragraphs != change.new_paragraphs ||
                 ShareText(change.old_share) != ShareText(change.new_share) ||
                 !change.entered.empty() || !change.left.empty();
  if (changed) out->push_back(std::move(change));
}

std::string JoinIds(const std::vector<ExampleId>& ids) {
  std::string s;
  for (const ExampleId& id : ids) {
    if (!s.empty()) s.push_back(' ');
    s += FormatExampleId(id);
  }
  return s;
}

}  // namespace

std::vector<CellChange> DiffRows(const std::vector<MatrixRow>& old_rows,
                                 const std::vector<MatrixRow>& new_rows) {
  std::vector<CellChange> changes;
  size_t i = 0;
  size_t j = 0;
  while (i < old_rows.size() || j < new_rows.size()) {
    if (j == new_rows.size() || (i < old_rows.size() && KeyOf(old_rows[i]) < KeyOf(new_rows[j]))) {
      Compare(&old_rows[i++], nullptr, &changes);
    } else if (i == old_rows.size() || KeyOf(new_rows[j]) < KeyOf(old_rows[i])) {
      Compare(nullptr, &new_rows[j++], &changes);
    } else {
      Compare(&old_rows[i++], &new_rows[j++], &changes);
    }
  }
  return changes;
}

std::string FormatDiff(const std::vector<CellChange>& changes) {
  std::string out;
  auto o = std::back_inserter(out);
  bool partial = false;
  // Cells whose units changed come first; cells whose share moved only
  // because the agency's (or the column's) total did are listed after them,
  // one short line each, so the reason for a change stays in view.
  std::vector<const CellChange*> share_only;
  for (const CellChange& c : changes) {
    std::string cell = fmt::format("{} {} {} {}", c.agency, c.dimension, c.category, c.stance);
    bool same_units = c.old_paragraphs == c.new_paragraphs && c.entered.empty() && c.left.empty();
    if (same_units) {
      share_only.push_back(&c);
      continue;
    }
    if (c.old_paragraphs == 0) {
      fmt::format_to(o, "{}: new cell, {} paragraphs, share {}\n", cell, c.new_paragraphs,
                     ShareText(c.new_share));
    } else if (c.new_paragraphs == 0) {
      fmt::format_to(o, "{}: cell gone, was {} paragraphs, share {}\n", cell, c.old_paragraphs,
                     ShareText(c.old_share));
    } else {
      std::string share =
          ShareText(c.old_share) == ShareText(c.new_share)
              ? ""
              : fmt::format(", share {} -> {}", ShareText(c.old_share), ShareText(c.new_share));
      if (c.old_paragraphs != c.new_paragraphs) {
        fmt::format_to(o, "{}: {} -> {} paragraphs{}\n", cell, c.old_paragraphs, c.new_paragraphs,
                       share);
      } else {
        fmt::format_to(o, "{}: {} paragraphs, other units{}\n", cell, c.new_paragraphs, share);
      }
    }
    if (!c.entered.empty()) fmt::format_to(o, "    entered: {}\n", JoinIds(c.entered));
    if (!c.left.empty()) fmt::format_to(o, "    left:    {}\n", JoinIds(c.left));
    partial = partial || !c.ids_complete;
  }
  if (!share_only.empty()) {
    fmt::format_to(o, "share only (same paragraphs, the total changed): {} cell{}\n",
                   share_only.size(), share_only.size() == 1 ? "" : "s");
    for (const CellChange* c : share_only) {
      fmt::format_to(o, "  {} {} {} {}: {} -> {}\n", c->agency, c->dimension, c->category,
                     c->stance, ShareText(c->old_share), ShareText(c->new_share));
    }
  }
  if (partial) {
    out.append(
        "(ids compare the example ids kept per cell; a matrix written with --examples all "
        "lists every unit that entered or left)\n");
  }
  return out;
}

}  // namespace gapmap
