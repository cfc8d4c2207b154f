#include "lib/core/unit.h"

#include <doctest/doctest.h>

namespace gapmap {
namespace {

TEST_CASE("MarkerNumberCount counts the numbers of a heading or list marker") {
  CHECK(MarkerNumberCount("1.2.1.") == 3);
  CHECK(MarkerNumberCount("12.3") == 2);
  CHECK(MarkerNumberCount("4.") == 1);
  CHECK(MarkerNumberCount("a)") == 0);
  CHECK(MarkerNumberCount("###") == 0);
  CHECK(MarkerNumberCount("") == 0);
}

TEST_CASE("UnitId pads the ordinal to four digits") {
  CHECK(UnitId("icat", 42) == "icat:0042");
  CHECK(UnitId("icat", 12345) == "icat:12345");
  CHECK(UnitId("icat", 0) == "icat:0000");
  CHECK(UnitId("icat", 7) == "icat:0007");
  CHECK(UnitId("icat", 4294967295u) == "icat:4294967295");
}

TEST_CASE("Kind names round trip") {
  for (UnitKind kind : {UnitKind::kText, UnitKind::kBullet, UnitKind::kHeading, UnitKind::kFootnote,
                        UnitKind::kFurniture}) {
    CHECK(ParseKind(KindName(kind)) == kind);
  }
  CHECK_FALSE(ParseKind("paragraph").has_value());
}

}  // namespace
}  // namespace gapmap
