#include "lib/report/report_writer.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "lib/report/html_escape.h"
#include "lib/report/report_template.h"
#include "tests/aggregate/matrix_fixture.h"

namespace gapmap {
namespace {

using testing::MatrixFixture;

size_t Count(std::string_view haystack, std::string_view needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string_view::npos;
       at = haystack.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

// The JSON between the data element's tags.
nlohmann::json DataOf(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"gapmap-data\">";
  size_t begin = html.find(open);
  REQUIRE(begin != std::string::npos);
  begin += open.size();
  size_t end = html.find("</script>", begin);
  REQUIRE(end != std::string::npos);
  return nlohmann::json::parse(html.substr(begin, end - begin));
}

struct Built {
  GapMatrix matrix{MatrixOptions{MatrixBy::kAgency, {}, {}, -1}};
  MatrixProvenance provenance;
  ReportUnits units;
  MatrixFixture f;

  void Add(TaggedUnit t) {
    matrix.Add(t, f.schema);
    CHECK(units.Observe(t, f.schema).ok());
  }
  Result<std::string> Render(std::string title = "t") {
    units.Finish();
    provenance.tool_version = "9.9";
    provenance.rules_hash = "abc";
    provenance.inputs.push_back(InputDigest{"in/<b>.txt", 12, "00ff"});
    ReportDataOptions options;
    options.title = std::move(title);
    return FormatReport(matrix, provenance, units, options);
  }
};

TEST_CASE("report data cells carry the matrix counts and their units") {
  Built b;
  b.matrix.DeclareSchema(b.f.schema);
  b.Add(b.f.Unit("r", 1, "IOM", "gap", {"protection", "prevention"}));
  b.Add(b.f.Unit("r", 2, "IOM", "gap", {"protection"}));
  b.Add(b.f.Unit("r", 3, "ILO", "recommendation", {"prevention"}));
  b.Add(b.f.Unit("r", 4, "", "gap", {"protection"}));  // no owner: not in any cell
  Result<std::string> html = b.Render();
  REQUIRE(html.ok());
  nlohmann::json d = DataOf(*html);
  CHECK(d["version"] == 1);
  CHECK(d["rows"] == nlohmann::json({"ILO", "IOM"}));
  CHECK(d["units"].size() == 3);  // unit 4 is in no cell
  CHECK(d["withoutOwner"] == 1);
  CHECK(d["contentUnits"] == 4);
  CHECK(d["tool"] == "gapmap 9.9");
  CHECK(d["inputs"][0][0] == "in/<b>.txt");

  // Every view cell equals the matrix's cell; its units are that many ids.
  std::map<std::tuple<std::string, std::string, std::string, std::string>, int64_t> expected;
  for (const MatrixRow& r : b.matrix.Rows(Normalize::kNone))
    expected[{r.agency, r.dimension, r.category, r.stance}] = r.paragraphs;
  int checked = 0;
  for (const auto& v : d["views"]) {
    for (size_t a = 0; a < v["agencies"].size(); ++a) {
      std::string agency = d["rows"][v["agencies"][a].get<int>()];
      for (size_t c = 0; c < v["cats"].size(); ++c) {
        auto key = std::make_tuple(agency, v["dim"].get<std::string>(),
                                   v["cats"][c].get<std::string>(), v["stance"].get<std::string>());
        int64_t want = expected.count(key) ? expected[key] : 0;
        CHECK(v["counts"][a][c] == want);
        CHECK(v["units"][a][c].size() == static_cast<size_t>(want));
        checked += want > 0;
      }
    }
  }
  CHECK(checked ==
        static_cast<int>(std::count_if(expected.begin(), expected.end(), [](const auto& e) {
          return std::get<2>(e.first) != "all";
        })));

  // IOM x protection x gap lists r:0001 and r:0002.
  for (const auto& v : d["views"]) {
    if (v["dim"] != "fourp" || v["stance"] != "gap") continue;
    size_t protection =
        std::find(v["cats"].begin(), v["cats"].end(), "protection") - v["cats"].begin();
    REQUIRE(v["agencies"].size() == 1);  // ILO has no gap paragraph
    REQUIRE(d["rows"][v["agencies"][0].get<int>()] == "IOM");
    std::vector<std::string> ids;
    for (int u : v["units"][0][protection]) {
      ids.push_back(d["docs"][d["units"][u][0].get<int>()].get<std::string>() + ":" +
                    std::to_string(d["units"][u][1].get<int>()));
    }
    CHECK(ids == std::vector<std::string>{"r:1", "r:2"});
    // prosecution is declared by the rules and addressed by nobody.
    size_t prosecution =
        std::find(v["cats"].begin(), v["cats"].end(), "prosecution") - v["cats"].begin();
    CHECK(v["cover"][prosecution] == 0);
    CHECK(v["crowded"] == 3);  // half of 1 agency, at least 3
  }
}

TEST_CASE("report escapes document text agency names labels and the title") {
  Built b;
  TaggedUnit t =
      b.f.Unit("d", 1, "<script>alert('agency')</script>", "gap", {"<img src=x onerror=alert(1)>"});
  t.unit.text = "before <script>alert(1)</script> and </script><!-- & \xE2\x80\xA8 after";
  t.unit.section.path = {"</title><script>alert(2)</script>"};
  b.Add(t);
  Result<std::string> html = b.Render("</title><script>alert(3)</script>");
  REQUIRE(html.ok());
  // Only the template's two script elements exist; nothing of the inputs is
  // markup.
  CHECK(Count(*html, "<script") == 2);
  CHECK(Count(*html, "</script") == 2);
  CHECK(Count(*html, "<img") == 0);
  CHECK(Count(*html, "<!--") == 0);
  CHECK(Count(*html, "\xE2\x80\xA8") == 0);  // a line terminator in JavaScript
  CHECK(html->find("<title>&lt;/title&gt;&lt;script&gt;alert(3)&lt;/script&gt;</title>") !=
        std::string::npos);
  // The data still holds the text as it was.
  nlohmann::json d = DataOf(*html);
  CHECK(d["units"][0][9] == t.unit.text);
  CHECK(d["agencies"][0] == "<script>alert('agency')</script>");
  CHECK(d["rows"][0] == "<script>alert('agency')</script>");
}

TEST_CASE("report rendering is deterministic and refuses data that is not html safe") {
  std::string first, second;
  for (std::string* out : {&first, &second}) {
    Built b;
    b.Add(b.f.Unit("r", 2, "IOM", "gap", {"protection"}));
    b.Add(b.f.Unit("r", 1, "ILO", "gap", {"prevention"}));
    Result<std::string> html = b.Render();
    REQUIRE(html.ok());
    *out = *html;
  }
  CHECK(first == second);
  CHECK_FALSE(RenderReportHtml("t", "{\"a\":\"</script>\"}").ok());
}

TEST_CASE("report data needs a matrix that keeps every example id") {
  MatrixFixture f;
  GapMatrix matrix(MatrixOptions{MatrixBy::kAgency, {}, {}, 5});
  ReportUnits units;
  units.Finish();
  CHECK_FALSE(FormatReportData(matrix, MatrixProvenance{}, units, ReportDataOptions{}).ok());
}

TEST_CASE("the report template cannot close its own script or style elements early") {
  CHECK(kReportJs.find("</script") == std::string_view::npos);
  CHECK(kReportJs.find("<!--") == std::string_view::npos);
  CHECK(kReportCss.find("</style") == std::string_view::npos);
  for (std::string_view placeholder : {"{{title}}", "{{style}}", "{{script}}", "{{data}}"})
    CHECK(kReportHtml.find(placeholder) != std::string_view::npos);
  // No external resource: nothing is loaded from a URL.
  for (std::string_view part : {kReportHtml, kReportCss, kReportJs}) {
    CHECK(part.find("http://") == std::string_view::npos);
    CHECK(part.find("https://") == std::string_view::npos);
    CHECK(part.find("@import") == std::string_view::npos);
    CHECK(part.find("innerHTML") == std::string_view::npos);
  }
}

TEST_CASE("html escaping replaces markup characters and repairs UTF-8") {
  std::string out;
  AppendHtmlEscaped(&out, "a<b>&\"c'\xFF");
  CHECK(out == "a&lt;b&gt;&amp;&quot;c&#39;\xEF\xBF\xBD");
}

}  // namespace
}  // namespace gapmap
