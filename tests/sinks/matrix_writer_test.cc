#include "lib/sinks/matrix_writer.h"

#include <doctest/doctest.h>

#include "lib/sinks/matrix_reader.h"
#include "tests/aggregate/matrix_fixture.h"

namespace gapmap {
namespace {

using testing::MatrixFixture;

GapMatrix Small(MatrixFixture& f, MatrixOptions options = {MatrixBy::kAgency, {"fourp"}, {}, 5}) {
  GapMatrix m(std::move(options));
  m.DeclareSchema(f.schema);
  m.Add(f.Unit("r", 1, "IOM", "gap", {"prevention", "protection"}), f.schema);
  m.Add(f.Unit("r", 2, "IOM", "recommendation", {"protection"}), f.schema);
  m.Add(f.Unit("r", 3, "IOM", "recommendation", {}), f.schema);
  m.Add(f.Unit("-", 4, "ILO", "gap", {"protection"}), f.schema);  // a stdin doc: "-:0004"
  return m;
}

TEST_CASE("tidy CSV holds one row per non-empty cell in FORMATS.md order") {
  MatrixFixture f;
  GapMatrix m = Small(f);
  CHECK(FormatTidyCsv(m, Normalize::kRow) ==
        "agency,dimension,category,stance,paragraphs,share,example_ids\n"
        "ILO,fourp,all,all,1,1.000,'-:0004\n"
        "ILO,fourp,all,gap,1,1.000,'-:0004\n"
        "ILO,fourp,protection,all,1,1.000,'-:0004\n"
        "ILO,fourp,protection,gap,1,1.000,'-:0004\n"
        "IOM,fourp,all,all,3,1.000,r:0001 r:0002 r:0003\n"
        "IOM,fourp,all,gap,1,1.000,r:0001\n"
        "IOM,fourp,all,recommendation,2,1.000,r:0002 r:0003\n"
        "IOM,fourp,prevention,all,1,0.333,r:0001\n"
        "IOM,fourp,prevention,gap,1,1.000,r:0001\n"
        "IOM,fourp,protection,all,2,0.667,r:0001 r:0002\n"
        "IOM,fourp,protection,gap,1,1.000,r:0001\n"
        "IOM,fourp,protection,recommendation,1,0.500,r:0002\n");
  std::string none = FormatTidyCsv(m, Normalize::kNone);
  CHECK(none.find("IOM,fourp,protection,all,2,,r:0001 r:0002\n") != std::string::npos);
}

TEST_CASE("wide CSV has every known category as a column") {
  MatrixFixture f;
  GapMatrix m = Small(f);
  auto wide = FormatWideCsv(m, Normalize::kRow, "fourp", "all");
  REQUIRE(wide.ok());
  CHECK(*wide ==
        "agency,paragraphs,partnership,prevention,prosecution,protection\n"
        "ILO,1,0.000,0.000,0.000,1.000\n"
        "IOM,3,0.000,0.333,0.000,0.667\n");
  auto counts = FormatWideCsv(m, Normalize::kNone, "fourp", "recommendation");
  REQUIRE(counts.ok());
  CHECK(*counts ==
        "agency,paragraphs,partnership,prevention,prosecution,protection\n"
        "IOM,2,0,0,0,1\n");
  auto missing = FormatWideCsv(m, Normalize::kRow, "rectype", "all");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.status().message() == "the matrix has no dimension 'rectype' (it has: fourp)");
}

void CheckSameRows(const GapMatrix& a, const GapMatrix& b) {
  std::vector<MatrixRow> x = a.Rows(Normalize::kRow);
  std::vector<MatrixRow> y = b.Rows(Normalize::kRow);
  REQUIRE(x.size() == y.size());
  for (size_t i = 0; i < x.size(); ++i) {
    CHECK(x[i].agency == y[i].agency);
    CHECK(x[i].dimension == y[i].dimension);
    CHECK(x[i].category == y[i].category);
    CHECK(x[i].stance == y[i].stance);
    CHECK(x[i].paragraphs == y[i].paragraphs);
    CHECK(x[i].share == y[i].share);
    CHECK(x[i].examples == y[i].examples);
  }
}

TEST_CASE("JSON matrices read back with their options provenance and cells") {
  MatrixFixture f;
  GapMatrix m = Small(f);
  MatrixProvenance p;
  p.tool_version = "9.9.9";
  p.rules_hash = "abc";
  p.inputs = {{"corpus/a.txt", 12, "00ff"}};
  p.normalize = Normalize::kColumn;
  std::string json = FormatMatrixJson(m, p);
  CHECK(
      json.find("\n\"inputs\":[\n{\"name\":\"corpus/a.txt\",\"bytes\":12,\"sha256\":\"00ff\"}],") !=
      std::string::npos);
  CHECK(json.find("\"options\":{\"by\":\"agency\",\"dimensions\":[\"fourp\"],\"stances\":null,"
                  "\"normalize\":\"col\",\"examples\":5}") != std::string::npos);
  CHECK(json.find("\n{\"agency\":\"IOM\",\"dimension\":\"fourp\",\"category\":\"protection\","
                  "\"stance\":\"all\",\"paragraphs\":2,\"share\":0.667,"
                  "\"example_ids\":[\"r:0001\",\"r:0002\"]},") != std::string::npos);
  auto loaded = ParseMatrix(json, "m.json", {});
  REQUIRE(loaded.ok());
  CHECK(loaded->from_json);
  CHECK(loaded->matrix.options() == m.options());
  CHECK(loaded->provenance.rules_hash == "abc");
  CHECK(loaded->provenance.normalize == Normalize::kColumn);
  CHECK(loaded->matrix.content_units() == 4);
  CHECK(loaded->matrix.Categories("fourp") == m.Categories("fourp"));
  CheckSameRows(m, loaded->matrix);
  // Written again, it is the same bytes.
  CHECK(FormatMatrixJson(loaded->matrix, loaded->provenance) == json);
}

TEST_CASE("tidy CSV matrices read back with the same cells") {
  MatrixFixture f;
  MatrixOptions options{MatrixBy::kAgency, {}, {}, 5};
  GapMatrix m = Small(f, options);
  std::string csv = FormatTidyCsv(m, Normalize::kRow);
  auto loaded = ParseMatrix(csv, "m.csv", options);
  REQUIRE(loaded.ok());
  CHECK_FALSE(loaded->from_json);
  CheckSameRows(m, loaded->matrix);
  CHECK(FormatTidyCsv(loaded->matrix, Normalize::kRow) == csv);
  REQUIRE(loaded->provenance.inputs.size() == 1);
  CHECK(loaded->provenance.inputs[0].name == "m.csv");
  CHECK(loaded->provenance.inputs[0].bytes == csv.size());
}

TEST_CASE("inconsistent or malformed matrix files are input errors") {
  const std::string header = "agency,dimension,category,stance,paragraphs,share,example_ids\n";
  auto bad_total = ParseMatrix(
      header + "IOM,fourp,all,gap,3,1.000,\nIOM,rectype,all,gap,4,1.000,\n", "m.csv", {});
  REQUIRE_FALSE(bad_total.ok());
  CHECK(bad_total.status().message().find("IOM has 4 paragraphs in stance gap under rectype") !=
        std::string::npos);
  CHECK_FALSE(ParseMatrix("agency,x\n", "m.csv", {}).ok());
  CHECK_FALSE(ParseMatrix(header + "IOM,fourp,all,gap,many,1.000,\n", "m.csv", {}).ok());
  CHECK_FALSE(ParseMatrix(header + "IOM,fourp,all,gap,1,1.000,no-id\n", "m.csv", {}).ok());
  CHECK_FALSE(ParseMatrix("{\"format\":\"other\"}", "m.json", {}).ok());
  CHECK_FALSE(ParseMatrix("{\"format\":", "m.json", {}).ok());
  CHECK(LooksLikeMatrix(header));
  CHECK(LooksLikeMatrix("{\"format\":\"gapmap-matrix\",\"format_version\":1,"));
  CHECK_FALSE(LooksLikeMatrix("{\"doc\":\"d\",\"id\":\"d:0001\"}"));
  CHECK_FALSE(LooksLikeMatrix("INTRODUCTION\n"));
}

}  // namespace
}  // namespace gapmap

namespace gapmap {
namespace {

TEST_CASE("concatenated matrices parse one by one") {
  testing::MatrixFixture f;
  GapMatrix a = Small(f);
  MatrixProvenance p;
  p.tool_version = "1";
  std::string json = FormatMatrixJson(a, p);
  // One JSON per line (newlines removed, as a mapper emits them), twice.
  std::string line = json;
  line.erase(std::remove(line.begin(), line.end(), '\n'), line.end());
  auto two = ParseMatrices(line + "\n" + line + "\t\n", "parts", {});
  REQUIRE(two.ok());
  REQUIRE(two->size() == 2);
  CHECK(FormatMatrixJson((*two)[1].matrix, (*two)[1].provenance) == json);
  CHECK_FALSE(ParseMatrix(line + "\n" + line, "parts", {}).ok());
  // Tidy CSVs, each with its header.
  std::string csv = FormatTidyCsv(a, Normalize::kRow);
  auto three = ParseMatrices(csv + csv + csv, "parts.csv", a.options());
  REQUIRE(three.ok());
  CHECK(three->size() == 3);
  CHECK((*three)[2].provenance.inputs[0].name == "parts.csv (matrix 3)");
}

}  // namespace
}  // namespace gapmap
