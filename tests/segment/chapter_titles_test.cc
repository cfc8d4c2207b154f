#include "lib/segment/chapter_titles.h"

#include <doctest/doctest.h>

namespace gapmap {
namespace {

AgencyRegistry TestRegistry() {
  AgencyRegistry r;
  r.agencies.push_back({"IOM",
                        "International Organization for Migration",
                        {"International Organization for Migration"},
                        {"IOM"},
                        {},
                        {}, {}});
  r.agencies.push_back({"UNAIDS",
                        "Joint United Nations Programme on HIV/AIDS",
                        {"Joint United Nations Programme on HIV/AIDS"},
                        {"UNAIDS"},
                        {},
                        {}, {}});
  r.agencies.push_back({"DAW",
                        "Division for the Advancement of Women",
                        {"Division for the Advancement of Women"},
                        {"DAW"},
                        {},
                        {}, {}});
  r.agencies.push_back({"UNWOMEN", "UN Women", {"UN Women"}, {}, {}, {}, {}});
  r.agencies.push_back({"WORLDBANK", "The World Bank", {"World Bank"}, {}, {}, {}, {}});
  r.agencies.push_back({"UNESCO",
                        "United Nations Educational, Scientific and Cultural Organization",
                        {"United Nations Educational, Scientific and Cultural Organization"},
                        {"UNESCO"},
                        {},
                        {}, {}});
  r.agencies.push_back({"ICAT",
                        "Inter-Agency Coordination Group against Trafficking in Persons",
                        {},
                        {"ICAT"},
                        {},
                        {}, {}});
  return r;
}

std::string Title(const ChapterTitles& t, const AgencyRegistry& r, std::string_view heading) {
  int i = t.Match(heading);
  return i < 0 ? "" : r.agencies[i].id;
}

TEST_CASE("a heading that is an agency's name opens its chapter") {
  AgencyRegistry r = TestRegistry();
  ChapterTitles t(r);
  CHECK(Title(t, r, "International Organization for Migration (IOM)") == "IOM");
  CHECK(Title(t, r, "international organization for migration") == "IOM");
  CHECK(Title(t, r, "The World Bank") == "WORLDBANK");
  CHECK(Title(t, r, "United Nations Educational, Scientific and Cultural Organization (UNESCO)") ==
        "UNESCO");
}

TEST_CASE("a parenthesised acronym names the agency of an unlisted name") {
  AgencyRegistry r = TestRegistry();
  ChapterTitles t(r);
  CHECK(Title(t, r, "United Nations Joint Programme on HIV/AIDS (UNAIDS)") == "UNAIDS");
}

TEST_CASE("a name before a comma clause opens the chapter of that name") {
  AgencyRegistry r = TestRegistry();
  ChapterTitles t(r);
  CHECK(Title(t, r, "Division for the Advancement of Women, now part of UN Women") == "DAW");
  CHECK(Title(t, r, "UN Women") == "UNWOMEN");
}

TEST_CASE("a heading that only mentions an agency is not a title") {
  AgencyRegistry r = TestRegistry();
  ChapterTitles t(r);
  CHECK(Title(t, r, "ICAT Mission statement") == "");
  CHECK(Title(t, r, "IOM's counter-trafficking activities") == "");
  CHECK(Title(t, r, "(IOM)") == "");
  CHECK(Title(t, r, "iom") == "");  // acronyms are matched in exact case
  CHECK(Title(t, r, "") == "");
}

TEST_CASE("text of more than kMaxWords words or kMaxChars characters is never a title") {
  AgencyRegistry r = TestRegistry();
  ChapterTitles t(r);
  // The name before the comma would match; the length alone rules it out.
  std::string clause = "Division for the Advancement of Women,";
  int words = 6;
  while (words < ChapterTitles::kMaxWords) {
    clause += " word";
    ++words;
  }
  CHECK(Title(t, r, clause) == "DAW");                // exactly the most words
  CHECK(Title(t, r, clause + " more") == "");         // one word more
  CHECK(Title(t, r, "  " + clause + "  ") == "DAW");  // surrounding spaces are no words
  std::string spaced =
      "Division for the Advancement of Women," + std::string(ChapterTitles::kMaxChars, ' ') + "x";
  CHECK(Title(t, r, spaced) == "");  // few words, too many characters
}

}  // namespace
}  // namespace gapmap
