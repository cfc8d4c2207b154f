#include "lib/eval/thresholds.h"

#include <doctest/doctest.h>

namespace gapmap {
namespace {

TEST_CASE("thresholds parse metric=value and resolve short names") {
  Result<Threshold> t = ParseThreshold("fourp=0.6", false);
  REQUIRE(t.ok());
  CHECK(t->metric == "fourp_micro_f1");
  CHECK(t->value == doctest::Approx(0.6));
  CHECK_FALSE(t->is_max);
  CHECK(ParseThreshold("kind=0.97", false).ok());
  CHECK(ParseThreshold("unaligned=0", true).ok());
}

TEST_CASE("bad thresholds are usage errors that say what is valid") {
  Result<Threshold> unknown = ParseThreshold("knd=0.9", false);
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().code() == StatusCode::kUsage);
  CHECK(unknown.status().message().find("one of: kind, agency") != std::string::npos);
  CHECK_FALSE(ParseThreshold("kind", false).ok());
  CHECK_FALSE(ParseThreshold("kind=high", false).ok());
  CHECK_FALSE(ParseThreshold("kind=0.9x", false).ok());
  CHECK_FALSE(ParseThreshold("kind=-1", false).ok());
}

TEST_CASE("a threshold fails below a floor or above a ceiling and says which") {
  std::vector<NamedFigure> figures = {{"kind", 0.97, {}},
                                      {"stance", std::nullopt, "not scored: no stance labels"},
                                      {"unaligned", 2.0, {}}};
  auto check = [&](const char* spec, bool is_max) {
    return CheckThresholds({*ParseThreshold(spec, is_max)}, figures);
  };
  CHECK(check("kind=0.97", false).empty());  // equal meets the floor
  std::vector<std::string> low = check("kind=0.98", false);
  REQUIRE(low.size() == 1);
  CHECK(low[0] == "kind 0.970 < 0.98 (--min kind=0.98)");
  std::vector<std::string> unscored = check("stance=0.5", false);
  REQUIRE(unscored.size() == 1);
  CHECK(unscored[0] == "stance not scored: no stance labels (--min stance=0.5)");
  CHECK(check("unaligned=2", true).empty());
  std::vector<std::string> high = check("unaligned=0", true);
  REQUIRE(high.size() == 1);
  CHECK(high[0] == "unaligned 2.000 > 0 (--max unaligned=0)");
}

}  // namespace
}  // namespace gapmap
