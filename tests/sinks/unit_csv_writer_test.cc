#include "lib/sinks/unit_csv_writer.h"

#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "lib/sinks/csv.h"
#include "tests/aggregate/matrix_fixture.h"

namespace gapmap {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_CASE("units become CSV rows with labels joined by semicolons") {
  testing::MatrixFixture f;
  std::string path = (std::filesystem::temp_directory_path() /
                      ("gapmap-unit-csv-" + std::to_string(::getpid()) + ".csv"))
                         .string();
  {
    auto out = Output::Open(path);
    REQUIRE(out.ok());
    UnitCsvWriter writer(&f.schema, out->get());
    TaggedUnit u =
        f.Unit("r", 7, "IOM", "gap", {"protection", "prevention"}, {"awareness"}, {"IOM"});
    u.unit.line_start = 10;
    u.unit.line_end = 12;
    u.unit.section.part = "gap_analysis";
    u.unit.text = "=cmd(), \"quoted\"";
    REQUIRE(writer.Write(u).ok());
    TaggedUnit h = f.Unit("r", 8, "", "", {}, {}, {}, UnitKind::kHeading);
    h.unit.text = "- Gap analysis";
    REQUIRE(writer.Write(h).ok());
    REQUIRE(writer.Finish().ok());
    REQUIRE((*out)->Commit().ok());
  }
  std::string csv = Slurp(path);
  std::remove(path.c_str());
  CHECK(csv ==
        "id,doc,line_start,line_end,kind,agency,part,stance,fourp,rectype,mentions,text\n"
        "r:0007,r,10,12,text,IOM,gap_analysis,gap,prevention;protection,awareness,IOM,"
        "\"'=cmd(), \"\"quoted\"\"\"\n"
        "r:0008,r,0,0,heading,,,,,,,'- Gap analysis\n");
  auto records = ParseCsv(csv, "u.csv");
  REQUIRE(records.ok());
  CHECK(UnneutraliseCsvField((*records)[1][11]) == "=cmd(), \"quoted\"");
}

TEST_CASE("kind lists parse and reject unknown kinds") {
  auto kinds = ParseKindList("text,bullet");
  REQUIRE(kinds.ok());
  CHECK((*kinds)[static_cast<int>(UnitKind::kText)]);
  CHECK((*kinds)[static_cast<int>(UnitKind::kBullet)]);
  CHECK_FALSE((*kinds)[static_cast<int>(UnitKind::kHeading)]);
  CHECK_FALSE(ParseKindList("text,para").ok());
  CHECK_FALSE(ParseKindList("").ok());
}

}  // namespace
}  // namespace gapmap
