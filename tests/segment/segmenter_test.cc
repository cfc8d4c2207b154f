#include "lib/segment/segmenter.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "tests/segment/segment_testing.h"

namespace gapmap {
namespace {

using testing::SegmentAll;
using testing::SegmentRun;
using Lines = std::vector<std::string>;

std::string Join(const Lines& lines) {
  std::string s;
  for (const std::string& l : lines) s += l + "\n";
  return s;
}

const std::string kSeparator(40, ' ');

TEST_CASE("footnotes and furniture at a page break are emitted after the rejoined paragraph") {
  std::string text = Join({
      "The first paragraph talks about the protection of victims1 and continues",  // 1
      "on the next page where the",                                                // 2
      "",                                                                          // 3
      kSeparator,                                                                  // 4
      "1",                                                                         // 5
      " Res. 2006/27, adopted by the Council.",                                    // 6
      "2 CTOC/COP/2006/CRP.5.",                                                    // 7
      "",                                                                          // 8
      "",                                                                          // 9
      "ICAT",                                                                      // 10
      "",                                                                          // 11
      " 2 ",                                                                       // 12
      "",                                                                          // 13
      "sentence ends here.2",                                                      // 14
      "",                                                                          // 15
      "A new paragraph starts.",                                                   // 16
  });
  CHECK(SegmentAll(text) ==
        Lines{"text 1-14 The first paragraph talks about the protection of victims1 and "
              "continues on the next page where the sentence ends here.2",
              "footnote 5-6 1 Res. 2006/27, adopted by the Council.",
              "footnote 7-7 2 CTOC/COP/2006/CRP.5.", "furniture 10-10 ICAT", "furniture 12-12 2",
              "text 16-16 A new paragraph starts."});
}

TEST_CASE("a footnote inserted in the middle of a paragraph is taken out of it") {
  std::string text = Join({
      "Prevention strategies have to go deeper and beyond criminalization in",  // 1
      "  For example, the Council of Europe cites its Explanatory Report",      // 2
      "http://conventions.coe.int/Treaty/EN/Reports/Html/197.htm",              // 3
      " developed countries: demand for cheap labour.",                         // 4
  });
  CHECK(SegmentAll(text) ==
        Lines{"text 1-4 Prevention strategies have to go deeper and beyond criminalization in "
              "developed countries: demand for cheap labour.",
              "footnote 2-3 For example, the Council of Europe cites its Explanatory Report "
              "http://conventions.coe.int/Treaty/EN/Reports/Html/197.htm"});
}

TEST_CASE("footnote numbers follow the note references of the text") {
  std::string text = Join({
      "Text that refers to a note.5",  // 1
      "",                              // 2
      " 5",                            // 3: jumps past the window, but the text referred to it
      "",                              // 4
      " Document available online.",   // 5
      "5",                             // 6: the extraction repeated the number
      " Second note text.",            // 7
      " on the next page the text resumes.",  // 8
  });
  CHECK(SegmentAll(text) ==
        Lines{"text 1-1 Text that refers to a note.5", "footnote 3-5 5 Document available online.",
              "footnote 6-7 5 Second note text.", "text 8-8 on the next page the text resumes."});
}

TEST_CASE("a note reference is seen wherever it falls in the line") {
  // The search for digits takes 16 bytes at a time and the rest as an
  // overlapping block: move the reference across every position of both.
  for (size_t before = 0; before < 40; ++before) {
    for (size_t after : {0, 1, 7, 15, 16, 17, 30}) {
      CAPTURE(before);
      CAPTURE(after);
      // Appended piece by piece: `"A" + std::string(...)` trips GCC 12's
      // -Wrestrict false positive inside libstdc++.
      std::string line = "A";
      line.append(before, 'a').append(" refers to a note.5");
      if (after > 0) line.append(" ").append(after - 1, 'y');
      std::string text = Join({line, "", " 5", "", " Document available online."});
      Lines units = SegmentAll(text);
      REQUIRE(units.size() == 2);
      CHECK(units[1] == "footnote 3-5 5 Document available online.");
      // Without the reference the number is past the footnote window.
      line.replace(line.find(".5"), 2, ". ");
      units = SegmentAll(Join({line, "", " 5", "", " Document available online."}));
      CHECK(std::count(units.begin(), units.end(), "footnote 3-5 5 Document available online.") ==
            0);
    }
  }
}

TEST_CASE("a number alone is a page number by the header and residue elsewhere") {
  std::string text = Join({"Some text without notes.", "", "17", "", "More text here."});
  CHECK(SegmentAll(text) ==
        Lines{"text 1-1 Some text without notes.", "furniture 3-3 17", "text 5-5 More text here."});
}

TEST_CASE("a chapter title glued to the end of a paragraph is split off") {
  std::string text = Join({
      "Interpol also carries out strategic analytical studies.",                   // 1
      " International Organization for Migration (IOM) ",                          // 2
      "",                                                                          // 3
      "Established in 1951, IOM is the leading intergovernmental organization.",   // 4
      "The ILO decent work agenda was endorsed by UN member States.",              // 5
      " Office of the UN High Commissioner for Human Rights ",                     // 6
      "(OHCHR) ",                                                                  // 7
      "",                                                                          // 8
      "The Office of the High Commissioner for Human Rights is mandated to act.",  // 9
  });
  CHECK(SegmentAll(text) ==
        Lines{"text 1-1 Interpol also carries out strategic analytical studies.",
              "heading 2-2 International Organization for Migration (IOM)",
              "text 4-5 Established in 1951, IOM is the leading intergovernmental organization. "
              "The ILO decent work agenda was endorsed by UN member States.",
              "heading 6-7 Office of the UN High Commissioner for Human Rights (OHCHR)",
              "text 9-9 The Office of the High Commissioner for Human Rights is mandated to act."});
}

TEST_CASE("bullets keep their marker and continuation lines") {
  std::string text = Join({
      "ICAT has the following goals:",                                                         // 1
      "",                                                                                      // 2
      "a) To provide a platform for exchange of information and good practices on anti-",      // 3
      "trafficking activities;",                                                               // 4
      "",                                                                                      // 5
      "b) To encourage, support and review the activities of the UN and other international",  // 6
      "",                                                                                      // 7
      "organizations with the aim of ensuring implementation;",                                // 8
      "\u2022 Respect for human rights; ",                                                     // 9
      "- To host annual consultations; ",                                                      // 10
      "- To use ICAT to improve coordination",                                                 // 11
      "",                                                                                      // 12
      "In pursuing these goals, the members agreed.",                                          // 13
  });
  CHECK(SegmentAll(text) ==
        Lines{"text 1-1 ICAT has the following goals:",
              "bullet 3-4 [a)] To provide a platform for exchange of information and good "
              "practices on anti-trafficking activities;",
              "bullet 6-8 [b)] To encourage, support and review the activities of the UN and "
              "other international organizations with the aim of ensuring implementation;",
              "bullet 9-9 [\u2022] Respect for human rights;",
              "bullet 10-10 [-] To host annual consultations;",
              "bullet 11-11 [-] To use ICAT to improve coordination",
              "text 13-13 In pursuing these goals, the members agreed."});
}

TEST_CASE("list items after a lead-in paragraph point at it") {
  std::string text = Join({"Intro without colon.", "", "The goals are:", "", "\u2022 one;",
                           "\u2022 two.", "", "After the list.", "", "\u2022 not led in"});
  std::vector<Unit> units = testing::Segment(text, 4096);
  REQUIRE(units.size() == 6);
  CHECK(units[1].ordinal == 2);
  CHECK(units[2].lead_in_ordinal == 2);
  CHECK(units[3].lead_in_ordinal == 2);
  CHECK(units[0].lead_in_ordinal == 0);
  CHECK(units[5].lead_in_ordinal == 0);
}

TEST_CASE("an item that leads in to a nested list is its lead-in") {
  std::string text = Join({"Article 5", "", "1. Each Party shall adopt measures.",
                           "2. Each Party shall also establish as offences:", "",
                           "a) attempting to commit an offence;", "", "b) aiding it.",
                           "3. Each Party shall report.", "", "c) not nested"});
  std::vector<Unit> units = testing::Segment(text, 4096);
  REQUIRE(units.size() == 7);
  CHECK(units[2].text == "Each Party shall also establish as offences:");
  CHECK(units[2].lead_in_ordinal == 0);
  CHECK(units[3].lead_in_ordinal == units[2].ordinal);
  CHECK(units[4].lead_in_ordinal == units[2].ordinal);
  CHECK(units[5].lead_in_ordinal == 0);  // back at the level of "2."
  CHECK(units[6].lead_in_ordinal == 0);
}

TEST_CASE("a dash inside a sentence does not start an item") {
  std::string text = Join({"\u2022 Research: better research is needed on the risks they face",
                           "\u2013 to exploitation throughout the migratory process."});
  CHECK(SegmentAll(text) ==
        Lines{"bullet 1-2 [\u2022] Research: better research is needed on the risks they face "
              "- to exploitation throughout the migratory process."});
}

TEST_CASE("a numbered line standing alone is a heading and numbered items are a list") {
  std::string text = Join({
      "1.1. Re-Addressing the 3Ps",                                              // 1
      "",                                                                        // 2
      "  1.1.1. Prevention ",                                                    // 3
      "",                                                                        // 4
      "In practice, prevention efforts have focused on information campaigns.",  // 5
      "",                                                                        // 6
      "1. Prevention and awareness-raising",                                     // 7
      "2. Data collection and research",                                         // 8
      "",                                                                        // 9
      "3. To promote the establishment of national coordination structures as",  // 10
      "National Rapporteurs.",                                                   // 11
  });
  CHECK(SegmentAll(text) ==
        Lines{"heading 1-1 [1.1.] 1.1. Re-Addressing the 3Ps",
              "heading 3-3 [1.1.1.] 1.1.1. Prevention",
              "text 5-5 In practice, prevention efforts have focused on information campaigns.",
              "bullet 7-7 [1.] Prevention and awareness-raising",
              "bullet 8-8 [2.] Data collection and research",
              "bullet 10-11 [3.] To promote the establishment of national coordination "
              "structures as National Rapporteurs."});
}

TEST_CASE("a lowercase line after a caption cut mid-sentence does not continue the paragraph") {
  std::string text = Join({
      "The survey asked the respondents about their childhood and the state,",       // 1
      "and a paragraph of body text stops at the foot of the page without",          // 2
      "",                                                                            // 3
      "F I G U R E 6 When you were under the age of 18, did anyone from the child",  // 4
      "",                                                                            // 5
      "welfare system contact any of your primary guardians with concerns",          // 6
  });
  CHECK(SegmentAll(text) ==
        Lines{"text 1-2 The survey asked the respondents about their childhood and the state, and "
              "a paragraph of body text stops at the foot of the page without",
              "furniture 4-4 F I G U R E 6 When you were under the age of 18, did anyone from the "
              "child",
              "text 6-6 welfare system contact any of your primary guardians with concerns"});
}

TEST_CASE("a short block is a heading over body text and a label among labels") {
  std::string text = Join({
      "One Goal",                                                                        // 1
      "",                                                                                // 2
      "\u2022 To ensure from the outset of any operation that trafficking is managed.",  // 3
      "",                                                                                // 4
      "Less than 2 years",                                                               // 5
      "",                                                                                // 6
      "55%",                                                                             // 7
      "",                                                                                // 8
      "Over 7 years ago",                                                                // 9
      "",                                                                                // 10
      "29%",                                                                             // 11
  });
  CHECK(SegmentAll(text) ==
        Lines{"heading 1-1 One Goal",
              "bullet 3-3 [\u2022] To ensure from the outset of any operation that trafficking "
              "is managed.",
              "text 5-5 Less than 2 years", "furniture 7-7 55%", "text 9-9 Over 7 years ago",
              "furniture 11-11 29%"});
}

TEST_CASE("whether an over-long line ends a sentence is asked of its first piece") {
  // The reader cuts a line longer than its cap into pieces; the segmenter
  // joins them into one line of the draft. Whether that line ends a sentence
  // (which splits off a chapter title glued after it) is decided by its first
  // piece, as when it was worked out for every line on arrival.
  DocumentInfo doc;
  doc.doc_id = "doc";
  Segmenter segmenter(testing::ShippedStructure(), testing::ShippedAgencies(), doc);
  std::vector<Unit> units;
  auto add = [&](uint32_t number, std::string_view text, bool continued) {
    Line line;
    line.number = number;
    line.text = text;
    line.continued = continued;
    REQUIRE(segmenter.AddLine(line, &units).ok());
  };
  add(1, "Interpol also carries out strategic analytical studies.", false);
  add(1, " and more", true);
  add(2, "International Organization for Migration (IOM)", false);
  add(3, "", false);
  segmenter.Finish(&units);
  REQUIRE(units.size() == 2);
  CHECK(units[0].kind == UnitKind::kText);
  CHECK(units[1].kind == UnitKind::kHeading);
  CHECK(units[1].text == "International Organization for Migration (IOM)");
}

TEST_CASE("a sub-heading glued to the end of a paragraph is split off") {
  std::string text = Join({"As in all things, prevention is better than cure.",
                           "IOM could involve trafficked persons.", "Technical Cooperation", "",
                           "IOM continues to advocate the necessity of prosecution."});
  CHECK(SegmentAll(text) ==
        Lines{"text 1-2 As in all things, prevention is better than cure. IOM could involve "
              "trafficked persons.",
              "heading 3-3 Technical Cooperation",
              "text 5-5 IOM continues to advocate the necessity of prosecution."});
}

TEST_CASE("hyphenated line ends are joined by the dehyphenation rule") {
  std::string text = Join({"The report describes the counter-", "trafficking work of the Secre-",
                           "tary of the conference and the Secretary-", "General of the UN."});
  CHECK(SegmentAll(text) == Lines{"text 1-4 The report describes the counter-trafficking work of "
                                  "the Secretary of the conference and the Secretary-General of "
                                  "the UN."});
}

TEST_CASE("a form feed is a page break that a paragraph continues across") {
  std::string text =
      "A paragraph at the foot of the page that ends without\n"
      "\fpunctuation goes on at the top of the next page.\n"
      "\fA Page Title\n\nThe body of the next page starts here and is long.\n";
  CHECK(SegmentAll(text) ==
        Lines{"text 1-2 A paragraph at the foot of the page that ends without punctuation goes "
              "on at the top of the next page.",
              "heading 3-3 A Page Title",
              "text 5-5 The body of the next page starts here and is long."});
}

TEST_CASE("markdown headings and numbered paragraphs of a treaty") {
  std::string text = Join({
      "<meta http-equiv='Content-Type' content='text/html; charset=utf-8' />",  // 1
      "",                                                                       // 2
      "Preamble The States Parties to this Protocol agree.",                    // 3
      "###I ",                                                                  // 4
      "",                                                                       // 5
      "### Article  1  ",                                                       // 6
      "",                                                                       // 7
      "1.   This Protocol supplements the Convention.",                         // 8
      "2.   The provisions of the Convention shall apply.",                     // 9
  });
  CHECK(SegmentAll(text) ==
        Lines{"furniture 1-1 <meta http-equiv='Content-Type' content='text/html; charset=utf-8' />",
              "text 3-3 Preamble The States Parties to this Protocol agree.", "heading 4-4 [###] I",
              "heading 6-6 [###] Article 1",
              "bullet 8-8 [1.] This Protocol supplements the Convention.",
              "bullet 9-9 [2.] The provisions of the Convention shall apply."});
}

TEST_CASE("curly quotes are straight in the emitted text") {
  CHECK(SegmentAll("The United Nations Children\u2019s Fund \u201cprotects\u201d.\n") ==
        Lines{"text 1-1 The United Nations Children's Fund \"protects\"."});
}

TEST_CASE("units longer than max_unit_bytes are split and never longer") {
  SegmentRun run;
  run.options.max_unit_bytes = 64;
  std::string text;
  for (int i = 0; i < 10; ++i) text += "words words words words\n";  // 23 bytes a line
  std::vector<Unit> units = testing::Segment(text, 7, run);
  CHECK(SegmentAll(text, run).size() == units.size());
  REQUIRE(units.size() == 5);
  for (const Unit& u : units) CHECK(u.text.size() <= 64);
  CHECK(units[0].text == "words words words words words words words words");
  CHECK(units[0].line_end == 2);
  CHECK(units[4].line_start == 9);
}

TEST_CASE("furniture held back beyond the limit releases the paragraph it waits for") {
  SegmentRun run;
  run.options.max_unit_bytes = 40;
  std::string text = "A paragraph that does not end\n\n";
  for (int i = 0; i < 12; ++i) text += "ICAT\n\n";
  text += "here but continues.\n";
  std::vector<Unit> units = testing::Segment(text, 7, run);
  REQUIRE(units.size() == 14);
  CHECK(units[0].text == "A paragraph that does not end");
  CHECK(units[0].line_end == 1);
  CHECK(units[13].text == "here but continues.");
}

TEST_CASE("units held back again and again keep document order") {
  // Each paragraph waits for its continuation with the furniture found inside
  // it held back: the queue of waiting units fills and empties forty times
  // in one document and must not lose, repeat or reorder a unit.
  std::string text;
  Lines expected;
  int line = 1;
  for (int i = 0; i < 40; ++i) {
    text += fmt::format(
        "Paragraph {} of the report, long enough to be body text, does not end\n\nICAT\n\n"
        "here but goes on after the page furniture that interrupted it.\n\n",
        i);
    expected.push_back(
        fmt::format("text {}-{} Paragraph {} of the report, long enough to be body text, does not "
                    "end here but goes on after the page furniture that interrupted it.",
                    line, line + 4, i));
    expected.push_back(fmt::format("furniture {}-{} ICAT", line + 2, line + 2));
    line += 6;
  }
  CHECK(SegmentAll(text) == expected);
}

TEST_CASE("a document without structure rules falls back to blocks of text") {
  StructureRules empty;
  SegmentRun run;
  run.rules = &empty;
  CHECK(SegmentAll("One block\nof two lines.\n\n\u2022 no bullets known\n", run) ==
        Lines{"text 1-2 One block of two lines.", "text 4-4 \u2022 no bullets known"});
}

TEST_CASE("empty input gives no units") {
  CHECK(SegmentAll("").empty());
  CHECK(SegmentAll("\n\n   \n").empty());
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST_CASE("the ICAT report segments the same at every buffer size") {
  std::string text = ReadFile(GAPMAP_SOURCE_DIR "/corpus/icat-2010-analytical-review.txt");
  REQUIRE(text.size() > 100000);
  std::vector<std::string> units = SegmentAll(text);
  CHECK(units.size() > 400);
  // A few units a reader of the report knows.
  CHECK(std::find(units.begin(), units.end(),
                  "heading 290-290 Department for Peacekeeping Operations (DPKO)") != units.end());
  CHECK(std::find(units.begin(), units.end(), "furniture 2195-2195 46") != units.end());
  CHECK(std::find(units.begin(), units.end(), "heading 1708-1708 [1.1.2.] 1.1.2. Protection") !=
        units.end());
}

TEST_CASE("the extra documents segment the same at every buffer size") {
  for (const char* name :
       {"un-tip-protocol-2000", "coe-convention-thb-2005", "polaris-in-harms-way-2023"}) {
    CAPTURE(name);
    std::string text = ReadFile(std::string(GAPMAP_SHARED_DIR "/corpus-extra/") + name + ".txt");
    if (text.empty()) continue;  // ../shared is not there
    std::vector<std::string> units = SegmentAll(text);
    CHECK(units.size() > 50);
  }
}

}  // namespace
}  // namespace gapmap
