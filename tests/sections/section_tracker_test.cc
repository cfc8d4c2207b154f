#include "lib/sections/section_tracker.h"

#include <doctest/doctest.h>

#include "tests/segment/segment_testing.h"

namespace gapmap {
namespace {

using testing::Segment;
using testing::SegmentRun;

// "kind agency part path0>path1 | text" for each unit.
// Every run is repeated with recycled storage (SegmentRun::recycle): the
// paths, longer or shorter than the ones they are copied over, must not differ.
std::vector<std::string> Stamped(const std::string& text, const DocumentInfo& doc) {
  std::vector<std::string> first;
  for (size_t run_number = 0; run_number < 2 * std::size(testing::kChunkSizes); ++run_number) {
    size_t chunk = testing::kChunkSizes[run_number / 2];
    CAPTURE(chunk);
    SegmentRun run;
    run.document = doc;
    run.track = true;
    run.recycle = run_number % 2 == 1;
    CAPTURE(run.recycle);
    std::vector<std::string> out;
    for (const Unit& u : Segment(text, chunk, run)) {
      std::string path;
      for (const std::string& p : u.section.path) path += (path.empty() ? "" : ">") + p;
      out.push_back(fmt::format("{} {} {} {} | {}", KindName(u.kind),
                                u.section.agency.empty() ? "-" : u.section.agency,
                                u.section.part.empty() ? "-" : u.section.part, path, u.text));
    }
    if (first.empty()) {
      first = out;
    } else {
      CHECK(out == first);
    }
  }
  return first;
}

DocumentInfo IcatDocument() {
  DocumentInfo doc;
  doc.doc_id = "icat";
  doc.issuer = "ICAT";
  doc.default_agency = "ICAT";
  return doc;
}

const char* const kReport =
    "INTRODUCTION\n"                                                          // 1
    "\n"                                                                      // 2
    "The purpose of this document is to provide an overview of mandates.\n"   // 3
    "\n"                                                                      // 4
    "International Organization for Migration (IOM)\n"                        // 5
    "\n"                                                                      // 6
    "Established in 1951, IOM is the leading organization on migration.\n"    // 7
    "\n"                                                                      // 8
    "Our Vision\n"                                                            // 9
    "\n"                                                                      // 10
    "To fight against exploitation of migrants in all its forms, always.\n"   // 11
    "\n"                                                                      // 12
    "United Nations Joint Programme on HIV/AIDS (UNAIDS)\n"                   // 13
    "\n"                                                                      // 14
    "Gap analysis\n"                                                          // 15
    "\n"                                                                      // 16
    "1.1. Re-Addressing the 3Ps\n"                                            // 17
    "\n"                                                                      // 18
    "1.1.1. Prevention\n"                                                     // 19
    "\n"                                                                      // 20
    "Prevention efforts have focused on information campaigns so far.1\n"     // 21
    "\n"                                                                      // 22
    "1.2. Priorities\n"                                                       // 23
    "\n"                                                                      // 24
    "There is a need to address trafficking through a rights-based frame.\n"  // 25
    "\n"                                                                      // 26
    "1\n"                                                                     // 27
    " A footnote about the paragraph above.\n"                                // 28
    "\n\n\n"                                                                  // 29-31
    "Recommendations\n"                                                       // 32
    "\n"                                                                      // 33
    "States should strengthen their data collection on trafficking now.\n"    // 34
    "\n"                                                                      // 35
    "Gap analysis & Recommendations\n"                                        // 36
    "\n"                                                                      // 37
    "More research is needed on the numbers of trafficked persons today.\n";  // 38

TEST_CASE("agency chapters and their parts are stamped on every unit") {
  CHECK(Stamped(kReport, IcatDocument()) ==
        std::vector<std::string>{
            "heading ICAT intro INTRODUCTION | INTRODUCTION",
            "text ICAT intro INTRODUCTION | The purpose of this document is to provide an "
            "overview of mandates.",
            "heading IOM mandate International Organization for Migration (IOM) | International "
            "Organization for Migration (IOM)",
            "text IOM mandate International Organization for Migration (IOM) | Established in "
            "1951, IOM is the leading organization on migration.",
            "heading IOM mandate International Organization for Migration (IOM)>Our Vision | Our "
            "Vision",
            "text IOM mandate International Organization for Migration (IOM)>Our Vision | To "
            "fight against exploitation of migrants in all its forms, always.",
            "heading UNAIDS mandate United Nations Joint Programme on HIV/AIDS (UNAIDS) | United "
            "Nations Joint Programme on HIV/AIDS (UNAIDS)",
            "heading UNAIDS gap_analysis United Nations Joint Programme on HIV/AIDS "
            "(UNAIDS)>Gap analysis | Gap analysis",
            "heading UNAIDS gap_analysis United Nations Joint Programme on HIV/AIDS "
            "(UNAIDS)>Gap analysis>1.1. Re-Addressing the 3Ps | 1.1. Re-Addressing the 3Ps",
            "heading UNAIDS gap_analysis United Nations Joint Programme on HIV/AIDS "
            "(UNAIDS)>Gap analysis>1.1. Re-Addressing the 3Ps>1.1.1. Prevention | 1.1.1. "
            "Prevention",
            "text UNAIDS gap_analysis United Nations Joint Programme on HIV/AIDS (UNAIDS)>Gap "
            "analysis>1.1. Re-Addressing the 3Ps>1.1.1. Prevention | Prevention efforts have "
            "focused on information campaigns so far.1",
            "heading UNAIDS gap_analysis United Nations Joint Programme on HIV/AIDS "
            "(UNAIDS)>Gap analysis>1.2. Priorities | 1.2. Priorities",
            "text UNAIDS gap_analysis United Nations Joint Programme on HIV/AIDS (UNAIDS)>Gap "
            "analysis>1.2. Priorities | There is a need to address trafficking through a "
            "rights-based frame.",
            "footnote - - United Nations Joint Programme on HIV/AIDS (UNAIDS)>Gap analysis>1.2. "
            "Priorities | 1 A footnote about the paragraph above.",
            "heading UNAIDS recommendations United Nations Joint Programme on HIV/AIDS "
            "(UNAIDS)>Recommendations | Recommendations",
            "text UNAIDS recommendations United Nations Joint Programme on HIV/AIDS "
            "(UNAIDS)>Recommendations | States should strengthen their data collection on "
            "trafficking now.",
            "heading UNAIDS gap_analysis United Nations Joint Programme on HIV/AIDS "
            "(UNAIDS)>Gap analysis & Recommendations | Gap analysis & Recommendations",
            "text UNAIDS gap_analysis United Nations Joint Programme on HIV/AIDS (UNAIDS)>Gap "
            "analysis & Recommendations | More research is needed on the numbers of trafficked "
            "persons today.",
        });
}

// The heading path of the unit whose text starts with `prefix`.
std::string PathOf(const std::vector<std::string>& units, const std::string& prefix) {
  for (const std::string& u : units) {
    size_t bar = u.find(" | ");
    if (bar != std::string::npos && u.compare(bar + 3, prefix.size(), prefix) == 0) {
      size_t path = u.find(' ', u.find(' ', u.find(' ') + 1) + 1) + 1;
      return u.substr(path, bar - path);
    }
  }
  return "(no unit starts with " + prefix + ")";
}

TEST_CASE("list items that continue a numbered heading's numbering are its siblings") {
  // "2. Tackling ..." was styled as a heading but is item 2 of the list that
  // goes on with 3. and 4.: they are not about tackling the demand.
  std::vector<std::string> units = Stamped(
      "International Organization for Migration (IOM)\n\nRecommendations\n\n"
      "2. Tackling the demand of human trafficking\n\n"
      "IOM sees a need to increase prevention efforts in countries of destination.\n\n"
      "3. To promote the establishment of national coordination structures such as\n"
      "National Rapporteurs to improve the exchange of information.\n\n"
      "4. To establish referral mechanisms to ensure the proper identification of\n"
      "trafficking victims and the provision of adequate assistance.\n",
      IcatDocument());
  const std::string recommendations = "International Organization for Migration (IOM)>"
                                      "Recommendations";
  CHECK(PathOf(units, "IOM sees") ==
        recommendations + ">2. Tackling the demand of human trafficking");
  CHECK(PathOf(units, "To promote") == recommendations);
  CHECK(PathOf(units, "To establish") == recommendations);
}

TEST_CASE("a numbered heading keeps its own numbered list") {
  // The heading's own list passes the heading's number (1., 2., 3. under
  // "2. ..."): only the first item decides.
  std::vector<std::string> units = Stamped(
      "International Organization for Migration (IOM)\n\nRecommendations\n\n"
      "2. Tackling the demand of human trafficking\n\n"
      "1. To raise awareness among employers of the risks of forced labour in supply chains.\n\n"
      "2. To promote the establishment of national coordination structures to improve the\n"
      "exchange of information.\n\n"
      "3. To establish referral mechanisms to ensure the proper identification of victims.\n",
      IcatDocument());
  const std::string heading = "International Organization for Migration (IOM)>"
                              "Recommendations>2. Tackling the demand of human trafficking";
  CHECK(PathOf(units, "To raise") == heading);
  CHECK(PathOf(units, "To promote") == heading);
  CHECK(PathOf(units, "To establish") == heading);
}

TEST_CASE("a document whose issuer is no agency has null agency and part") {
  DocumentInfo doc;
  doc.doc_id = "polaris";
  doc.issuer = "Polaris";
  std::vector<std::string> units = Stamped(
      "Executive Summary\n\nThe study sheds light on the experiences of survivors today.\n\n"
      "Recommendations\n\nPolicymakers should act on the findings of this survey soon.\n",
      doc);
  CHECK(units == std::vector<std::string>{
                     "heading - - Executive Summary | Executive Summary",
                     "text - - Executive Summary | The study sheds light on the experiences of "
                     "survivors today.",
                     "heading - - Recommendations | Recommendations",
                     "text - - Recommendations | Policymakers should act on the findings of "
                     "this survey soon."});
}

TEST_CASE("markdown headings nest by their number of hashes") {
  DocumentInfo doc;
  doc.doc_id = "treaty";
  std::vector<std::string> units = Stamped(
      "###I\n\n####General Provisions\n\n### Article 1\n\n####Scope\n\n"
      "1. This Protocol applies to the offences.\n",
      doc);
  // The treaty marks its chapters ("###I") and articles with the same level.
  CHECK(units[1] == "heading - - I>General Provisions | General Provisions");
  CHECK(units.back() == "bullet - - Article 1>Scope | This Protocol applies to the offences.");
}

TEST_CASE("stamping units built by hand") {
  AgencyRegistry agencies;
  agencies.agencies.push_back({"ILO",
                               "International Labour Organization",
                               {"International Labour Organization"},
                               {"ILO"},
                               {},
                               {}, {}});
  StructureRules rules;
  rules.before_first_chapter = "intro";
  rules.chapter_default = "mandate";
  DocumentInfo doc;
  doc.default_agency = "ICAT";
  SectionTracker tracker(rules, agencies, doc);
  Unit text;
  text.kind = UnitKind::kText;
  tracker.Stamp(&text);
  CHECK(text.section.agency == "ICAT");
  CHECK(text.section.part == "intro");
  Unit title;
  title.kind = UnitKind::kHeading;
  title.text = "International Labour Organization (ILO)";
  tracker.Stamp(&title);
  Unit furniture;
  furniture.kind = UnitKind::kFurniture;
  tracker.Stamp(&furniture);
  CHECK(furniture.section.agency.empty());
  CHECK(furniture.section.path == std::vector<std::string>{title.text});
  tracker.Stamp(&text);
  CHECK(text.section.agency == "ILO");
  CHECK(text.section.part == "mandate");
}

TEST_CASE("a unit handed back keeps serving the path only while the path is the same") {
  // Recycle() lets Stamp() skip copying a path it stamped last when the
  // heading path has not changed since; each change must be seen.
  StructureRules rules;
  AgencyRegistry agencies;
  DocumentInfo doc;
  SectionTracker tracker(rules, agencies, doc);
  auto heading = [](std::string text, std::string marker) {
    Unit u;
    u.kind = UnitKind::kHeading;
    u.text = std::move(text);
    u.marker = std::move(marker);
    return u;
  };
  auto item = [](std::string marker) {
    Unit u;
    u.kind = UnitKind::kBullet;
    u.marker = std::move(marker);
    return u;
  };
  using Path = std::vector<std::string>;
  Unit done;  // the unit written last, handed back before the next is stamped
  auto stamp = [&](Unit u) {
    tracker.Recycle(&done);
    tracker.Stamp(&u);
    done = std::move(u);
    return done.section.path;
  };
  CHECK(stamp(heading("Scope", "1.")) == Path{"Scope"});
  CHECK(stamp(Unit{}) == Path{"Scope"});
  CHECK(stamp(Unit{}) == Path{"Scope"});
  CHECK(stamp(heading("Aims", "1.1.")) == Path{"Scope", "Aims"});
  CHECK(stamp(Unit{}) == Path{"Scope", "Aims"});
  // "1.2." continues the numbering of "1.1. Aims": the heading leaves the path.
  CHECK(stamp(item("1.2.")) == Path{"Scope"});
  CHECK(stamp(Unit{}) == Path{"Scope"});
  CHECK(stamp(heading("Means", "")) == Path{"Scope", "Means"});
  // A path replaced after it was stamped is not taken as it is.
  done.section.path = Path{"stale", "path"};
  CHECK(stamp(Unit{}) == Path{"Scope", "Means"});
}

}  // namespace
}  // namespace gapmap
