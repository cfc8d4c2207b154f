#include "lib/eval/metrics.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>

namespace gapmap {
namespace {

constexpr const char* kUnalignedColumn = "-";
constexpr const char* kNullColumn = "null";

// Adds one unit's set comparison to `scores`.
void CountSets(const std::vector<std::string>& gold, const std::vector<std::string>& tagged,
               DimensionScores* scores) {
  // Both sorted: a merge walk.
  size_t i = 0;
  size_t j = 0;
  while (i < gold.size() || j < tagged.size()) {
    if (j == tagged.size() || (i < gold.size() && gold[i] < tagged[j])) {
      ++scores->per_label[gold[i++]].fn;
      ++scores->micro.fn;
    } else if (i == gold.size() || tagged[j] < gold[i]) {
      ++scores->per_label[tagged[j++]].fp;
      ++scores->micro.fp;
    } else {
      ++scores->per_label[gold[i]].tp;
      ++scores->micro.tp;
      ++i;
      ++j;
    }
  }
}

// A single-valued dimension: one label or null on each side.
void CountSingle(const std::vector<std::string>& gold, const std::vector<std::string>& tagged,
                 DimensionScores* scores) {
  ++scores->accuracy.denominator;
  if (gold == tagged) {
    ++scores->accuracy.numerator;
    if (!gold.empty()) {
      ++scores->per_label[gold.front()].tp;
      ++scores->micro.tp;
    }
    return;
  }
  if (!gold.empty()) {
    ++scores->per_label[gold.front()].fn;
    ++scores->micro.fn;
  }
  if (!tagged.empty()) {
    ++scores->per_label[tagged.front()].fp;
    ++scores->micro.fp;
  }
}

void CountRatio(bool right, Ratio* ratio) {
  ++ratio->denominator;
  if (right) ++ratio->numerator;
}

}  // namespace

std::optional<double> DimensionScores::macro_f1() const {
  if (per_label.empty()) return std::nullopt;
  double sum = 0;
  for (const auto& [label, counts] : per_label) sum += counts.f1().value();
  return sum / static_cast<double>(per_label.size());
}

std::string KindClass(UnitKind kind) {
  if (IsContent(kind)) return "content";
  if (kind == UnitKind::kHeading) return "heading";
  return "noise";
}

EvalScores Score(const std::vector<EvalUnit>& gold, const std::vector<EvalUnit>& tagged,
                 const Alignment& alignment, const DimensionPresence& presence) {
  EvalScores s;
  s.gold_units = static_cast<int64_t>(gold.size());
  s.tagged_units = static_cast<int64_t>(tagged.size());
  s.unaligned = alignment.unaligned;
  DimensionScores* dims[kEvalDimensionCount] = {&s.stance, &s.fourp, &s.rectype, &s.mentions};
  for (int d = 0; d < kEvalDimensionCount; ++d) dims[d]->scored = presence[d];

  static const EvalUnit kNothing;  // what an unaligned gold unit is compared with
  constexpr int kStance = static_cast<int>(EvalDimension::kStance);
  constexpr int kMentions = static_cast<int>(EvalDimension::kMentions);
  for (size_t g = 0; g < gold.size(); ++g) {
    const EvalUnit& want = gold[g];
    int t = alignment.tagged_index[g];
    const EvalUnit& got = t >= 0 ? tagged[t] : kNothing;
    bool aligned = t >= 0;

    std::string gold_class = KindClass(want.kind);
    std::string got_class = aligned ? KindClass(got.kind) : kUnalignedColumn;
    bool kind_right = aligned && (got_class == gold_class ||
                                  (want.kind_alt && got_class == KindClass(*want.kind_alt)));
    CountRatio(kind_right, &s.kind);
    ++s.kind_confusion[gold_class][got_class];

    bool content = IsContent(want.kind);
    bool heading = want.kind == UnitKind::kHeading;
    if (content) {
      ++s.gold_content;
    } else if (heading) {
      ++s.gold_headings;
    } else {
      ++s.gold_noise;
    }
    if (content) {
      CountRatio(aligned && got.agency == want.agency, &s.agency);
      CountRatio(aligned && got.part == want.part, &s.part);
      if (s.stance.scored) {
        const auto& w = want.labels[kStance];
        const auto& h = got.labels[kStance];
        CountSingle(w, h, &s.stance);
        std::string row = w.empty() ? kNullColumn : w.front();
        std::string column = !aligned ? kUnalignedColumn : h.empty() ? kNullColumn : h.front();
        ++s.stance_confusion[row][column];
      }
      for (int d = kStance + 1; d < kMentions; ++d) {
        if (dims[d]->scored) CountSets(want.labels[d], got.labels[d], dims[d]);
      }
    }
    if ((content || heading) && s.mentions.scored) {
      CountSets(want.labels[kMentions], got.labels[kMentions], &s.mentions);
    }
  }
  return s;
}

std::vector<NamedFigure> NamedFigures(const EvalScores& s) {
  std::vector<NamedFigure> figures;
  auto add = [&](std::string name, const Ratio& r, const char* population) {
    if (r.defined()) {
      figures.push_back({std::move(name), r.value(), {}});
    } else {
      figures.push_back(
          {std::move(name), std::nullopt, fmt::format("not defined: no {}", population)});
    }
  };
  auto add_dimension = [&](std::string name, const DimensionScores& d, std::optional<double> value,
                           const char* population) {
    if (!d.scored) {
      std::string why = fmt::format("not scored: the tagged units carry no {} labels",
                                    name.substr(0, name.find('_')));
      figures.push_back({std::move(name), std::nullopt, std::move(why)});
    } else if (!value) {
      figures.push_back(
          {std::move(name), std::nullopt, fmt::format("not defined: no {}", population)});
    } else {
      figures.push_back({std::move(name), value, {}});
    }
  };
  auto ratio = [](const Ratio& r) -> std::optional<double> {
    return r.defined() ? std::optional<double>(r.value()) : std::nullopt;
  };
  add("kind", s.kind, "gold units");
  add("agency", s.agency, "gold content units");
  add("part", s.part, "gold content units");
  add_dimension("stance", s.stance, ratio(s.stance.accuracy), "gold content units");
  add_dimension("fourp_micro_f1", s.fourp, ratio(s.fourp.micro_f1()),
                "fourp labels on either side");
  add_dimension("fourp_macro_f1", s.fourp, s.fourp.macro_f1(), "fourp labels on either side");
  add_dimension("rectype_micro_f1", s.rectype, ratio(s.rectype.micro_f1()),
                "rectype labels on either side");
  add_dimension("rectype_macro_f1", s.rectype, s.rectype.macro_f1(),
                "rectype labels on either side");
  add_dimension("mentions_micro_f1", s.mentions, ratio(s.mentions.micro_f1()),
                "mentions on either side");
  figures.push_back({"unaligned", static_cast<double>(s.unaligned.size()), {}});
  return figures;
}

}  // namespace gapmap
