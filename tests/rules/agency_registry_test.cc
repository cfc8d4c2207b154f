#include "lib/rules/agency_registry.h"

#include <doctest/doctest.h>

#include <set>

namespace gapmap {
namespace {

TEST_CASE("the shipped registry holds every agency id of the taxonomy") {
  AgencyRegistry registry;
  std::vector<Diagnostic> errors;
  REQUIRE(LoadAgencyRegistry(GAPMAP_SOURCE_DIR "/rules/agencies.yaml", &registry, &errors));
  CHECK(errors.empty());
  std::set<std::string> ids;
  for (const Agency& a : registry.agencies) ids.insert(a.id);
  const std::set<std::string> taxonomy = {
      "ICAT", "DPKO", "ICAO", "INTERPOL", "IOM", "ILO", "OHCHR", "UNAIDS",
      "UNDP", "DAW", "UNFPA", "UNHCR", "UNICEF", "UNIFEM", "UNICRI", "UNESCO",
      "INSTRAW", "UNODC", "WORLDBANK", "UNWOMEN", "WHO", "OSCE"};
  CHECK(ids == taxonomy);
  CHECK(registry.Find("IOM") >= 0);
  CHECK(registry.Find("nope") == -1);
}

}  // namespace
}  // namespace gapmap
