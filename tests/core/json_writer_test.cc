#include "lib/core/json_writer.h"

#include <doctest/doctest.h>

#include <string>

namespace gapmap {
namespace {

std::string Json(std::string_view s, bool html = false) {
  std::string out;
  AppendJsonString(&out, s, html);
  return out;
}

TEST_CASE("json strings escape what they must at any position") {
  CHECK(Json("plain text") == "\"plain text\"");
  // Escapes before, inside and after 8- and 16-byte blocks (the fast path).
  for (size_t pad = 0; pad < 40; ++pad) {
    std::string prefix(pad, 'a');
    CHECK(Json(prefix + "\"q\\b\n\t\x01\x7F" + prefix) ==
          "\"" + prefix + "\\\"q\\\\b\\n\\t\\u0001\\u007f" + prefix + "\"");
    CHECK(Json(prefix + "caf\xC3\xA9" + prefix) == "\"" + prefix + "caf\xC3\xA9" + prefix + "\"");
    CHECK(Json(prefix + "bad\xFF" + prefix) == "\"" + prefix + "bad\xEF\xBF\xBD" + prefix + "\"");
  }
  CHECK(Json("<a href='x'>&", true) == "\"\\u003ca href='x'\\u003e\\u0026\"");
  for (size_t pad = 0; pad < 40; ++pad) {
    std::string prefix(pad, 'a');
    CHECK(Json(prefix + "<&>" + prefix, true) ==
          "\"" + prefix + "\\u003c\\u0026\\u003e" + prefix + "\"");
    CHECK(Json(prefix + "\xE2\x80\xA8" + prefix, true) ==
          "\"" + prefix + "\\u2028" + prefix + "\"");
  }
  CHECK(Json("<a>") == "\"<a>\"");
}

}  // namespace
}  // namespace gapmap
