#include "lib/rules/manifest.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>

namespace gapmap {
namespace {

AgencyRegistry Registry() {
  AgencyRegistry r;
  r.agencies.push_back({"ICAT", "ICAT", {}, {"ICAT"}, {}, {}, {}});
  return r;
}

std::string WriteTemp(const std::string& text) {
  char name[] = "/tmp/gapmap-manifest-XXXXXX";
  int fd = mkstemp(name);
  REQUIRE(fd >= 0);
  close(fd);
  std::ofstream(name) << text;
  return name;
}

TEST_CASE("the shipped corpus manifest loads") {
  Manifest m;
  std::vector<Diagnostic> errors;
  REQUIRE(LoadManifest(GAPMAP_SOURCE_DIR "/corpus/manifest.yaml", Registry(), &m, &errors));
  const DocumentInfo* icat = m.Find("icat-2010-analytical-review");
  REQUIRE(icat != nullptr);
  CHECK(icat->issuer == "ICAT");
  CHECK(icat->default_agency == "ICAT");
  CHECK(icat->year == 2010);
  const DocumentInfo* polaris = m.Find("polaris-in-harms-way-2023");
  REQUIRE(polaris != nullptr);
  CHECK(polaris->default_agency.empty());
  CHECK(m.Find("nope") == nullptr);
}

TEST_CASE("manifest errors point at the place") {
  std::string path = WriteTemp("documents:\n  doc:\n    titel: x\n    year: later\n");
  Manifest m;
  std::vector<Diagnostic> errors;
  CHECK(!LoadManifest(path, Registry(), &m, &errors));
  std::vector<std::string> messages;
  for (const Diagnostic& d : errors) messages.push_back(d.location.ToString() + ": " + d.message);
  REQUIRE(messages.size() == 3);
  CHECK(messages[0] == path + ":3:5: document 'doc': unknown key 'titel'; did you mean 'title'?");
  CHECK(messages[1] ==
        path + ":3:5: document 'doc': missing 'issuer:' (who published the document)");
  CHECK(messages[2].find(path + ":4:11: document 'doc' year: expected a whole number") == 0);
  std::remove(path.c_str());
}

}  // namespace
}  // namespace gapmap
