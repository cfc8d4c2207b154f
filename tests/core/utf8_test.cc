#include "lib/core/utf8.h"

#include <doctest/doctest.h>

#include "lib/core/json_writer.h"

namespace gapmap {
namespace {

TEST_CASE("UTF-8 validation rejects overlongs, surrogates and truncation") {
  CHECK(IsValidUtf8("plain ascii"));
  CHECK(IsValidUtf8("Children\xE2\x80\x99s"));  // right single quote
  CHECK_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  CHECK_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  CHECK_FALSE(IsValidUtf8("\xE2\x80"));          // truncated
  CHECK_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // > U+10FFFF
  CHECK(FindInvalidUtf8("ab\xFF") == 2);
}

TEST_CASE("repair replaces each bad byte with U+FFFD") {
  std::string out;
  AppendRepairedUtf8(&out, "a\xFF\xFE" "b");
  CHECK(out == "a\xEF\xBF\xBD\xEF\xBF\xBD" "b");
}

TEST_CASE("JSON strings escape quotes, backslashes and control characters") {
  std::string out;
  AppendJsonString(&out, "a\"b\\c\nd\x01");
  CHECK(out == R"("a\"b\\c\nd\u0001")");
}

TEST_CASE("html-safe JSON strings cannot close a script element") {
  std::string out;
  AppendJsonString(&out, "</script>\xE2\x80\xA8", /*html_safe=*/true);
  CHECK(out == R"("\u003c/script\u003e\u2028")");
}

TEST_CASE("JSON writer never emits invalid UTF-8") {
  std::string out;
  AppendJsonString(&out, "x\xFFy");
  CHECK(out == "\"x\xEF\xBF\xBDy\"");
}

}  // namespace
}  // namespace gapmap
