#include "lib/eval/thresholds.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

namespace gapmap {
namespace {

std::string CanonicalMetric(std::string_view name) {
  if (name == "fourp" || name == "rectype" || name == "mentions") {
    return std::string(name) + "_micro_f1";
  }
  return std::string(name);
}

std::string ValidNames() {
  std::string names;
  for (const NamedFigure& f : NamedFigures(EvalScores{})) {
    if (!names.empty()) names += ", ";
    names += f.name;
  }
  return names;
}

// Shortest decimal text of `v`: 0.97, not 0.96999999999999997.
std::string Shortest(double v) { return fmt::format("{}", v); }

}  // namespace

Result<Threshold> ParseThreshold(std::string_view spec, bool is_max) {
  const char* option = is_max ? "--max" : "--min";
  size_t eq = spec.find('=');
  if (eq == std::string_view::npos) {
    return Status::Usage(fmt::format("{} {}: expected metric=value", option, spec));
  }
  Threshold t;
  t.metric = CanonicalMetric(spec.substr(0, eq));
  t.is_max = is_max;
  bool known = false;
  for (const NamedFigure& f : NamedFigures(EvalScores{})) known = known || f.name == t.metric;
  if (!known) {
    return Status::Usage(fmt::format("{} {}: unknown metric '{}' (one of: {})", option, spec,
                                     spec.substr(0, eq), ValidNames()));
  }
  std::string_view number = spec.substr(eq + 1);
  auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), t.value);
  if (ec != std::errc() || ptr != number.data() + number.size() || !std::isfinite(t.value) ||
      t.value < 0) {
    return Status::Usage(
        fmt::format("{} {}: '{}' is not a non-negative number", option, spec, number));
  }
  return t;
}

std::vector<std::string> CheckThresholds(const std::vector<Threshold>& thresholds,
                                         const std::vector<NamedFigure>& figures) {
  // Figures are ratios of integers; the tolerance only absorbs the rounding of
  // the division, so 97/100 meets a floor of 0.97.
  constexpr double kTolerance = 1e-9;
  std::vector<std::string> failures;
  for (const Threshold& t : thresholds) {
    const char* option = t.is_max ? "--max" : "--min";
    std::string given = fmt::format("({} {}={})", option, t.metric, Shortest(t.value));
    const NamedFigure* figure = nullptr;
    for (const NamedFigure& f : figures) {
      if (f.name == t.metric) figure = &f;
    }
    if (figure == nullptr || !figure->value) {
      std::string why = figure == nullptr ? "unknown" : figure->missing;
      failures.push_back(fmt::format("{} {} {}", t.metric, why, given));
      continue;
    }
    double v = *figure->value;
    if (t.is_max && v > t.value + kTolerance) {
      failures.push_back(fmt::format("{} {:.3f} > {} {}", t.metric, v, Shortest(t.value), given));
    } else if (!t.is_max && v < t.value - kTolerance) {
      failures.push_back(fmt::format("{} {:.3f} < {} {}", t.metric, v, Shortest(t.value), given));
    }
  }
  return failures;
}

}  // namespace gapmap
