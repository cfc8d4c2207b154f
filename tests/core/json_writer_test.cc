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

TEST_CASE("a text is plain JSON exactly when it is written between quotes as it is") {
  // Every length around the 16-byte blocks and the last partial one (which
  // is checked as the block ending the text), with one byte that needs
  // escaping, or a non-ASCII one, at every position, and none.
  const std::string flagged[] = {"\"", "\\", "\n", "\x01", "\x7F", "\xC3", "\xFF"};
  for (size_t n = 0; n <= 48; ++n) {
    const std::string plain(n, 'a');
    CHECK(IsPlainJson(plain));
    CHECK(Json(plain) == "\"" + plain + "\"");
    for (size_t at = 0; at < n; ++at) {
      for (const std::string& f : flagged) {
        std::string text = plain;
        text.replace(at, 1, f);
        CHECK_MESSAGE(!IsPlainJson(text), "length ", n, ", at ", at);
      }
    }
  }
}

}  // namespace
}  // namespace gapmap
