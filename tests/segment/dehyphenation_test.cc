#include "lib/segment/dehyphenation.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace gapmap {
namespace {

const std::vector<std::string> kPrefixes = {"anti", "counter", "non"};
const std::vector<std::string> kSecondParts = {"based", "building", "friendly"};

std::string JoinLines(std::initializer_list<std::string_view> lines) {
  Dehyphenator d(&kPrefixes, &kSecondParts);
  std::string text;
  for (std::string_view l : lines) d.Join(&text, l);
  return text;
}

TEST_CASE("a hyphen-keeping prefix keeps its hyphen") {
  CHECK(JoinLines({"the counter-", "trafficking work"}) == "the counter-trafficking work");
  CHECK(JoinLines({"Anti-", "trafficking"}) == "Anti-trafficking");
  CHECK(JoinLines({"non-", "governmental"}) == "non-governmental");
}

TEST_CASE("a typesetter's hyphen inside a word is dropped") {
  CHECK(JoinLines({"the Secre-", "tary of State"}) == "the Secretary of State");
  CHECK(JoinLines({"traf-", "ficking"}) == "trafficking");
}

TEST_CASE("a hyphen before a capital or digit is kept") {
  CHECK(JoinLines({"the Secretary-", "General"}) == "the Secretary-General");
  CHECK(JoinLines({"COVID-", "19 pandemic"}) == "COVID-19 pandemic");
}

TEST_CASE("a known second part keeps the hyphen") {
  CHECK(JoinLines({"rights-", "based approach"}) == "rights-based approach");
  CHECK(JoinLines({"Capacity-", "building,"}) == "Capacity-building,");
  CHECK(JoinLines({"child-", "friendly"}) == "child-friendly");
}

TEST_CASE("compounds and web addresses keep their hyphens") {
  CHECK(JoinLines({"http://www.unicef-irc.org/cgi-", "bin/unicef"}) ==
        "http://www.unicef-irc.org/cgi-bin/unicef");
  CHECK(JoinLines({"vaw-gp-", "docs"}) == "vaw-gp-docs");
}

TEST_CASE("lines without a hyphenated word are joined with one space") {
  CHECK(JoinLines({"first line", "second line"}) == "first line second line");
  CHECK(JoinLines({"a dash -", "and more"}) == "a dash - and more");
  CHECK(JoinLines({"", "only"}) == "only");
}

}  // namespace
}  // namespace gapmap
