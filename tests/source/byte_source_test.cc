#include "lib/source/byte_source.h"

#include <doctest/doctest.h>

#include <string>

namespace gapmap {
namespace {

TEST_CASE("AppendRemaining reads a source to its end after what was read before") {
  std::string data(200000, 'x');
  data[0] = 'a';
  data.back() = 'z';
  for (size_t piece : {size_t{1}, size_t{7}, size_t{4096}}) {
    // 1-byte pieces over 200 KB would be slow for nothing: cut the input.
    std::string input = piece == 1 ? data.substr(0, 3000) + "z" : data;
    StringSource source(input, "<test>", piece);
    char first[3];
    Result<size_t> n = source.Read(first, sizeof first);
    REQUIRE(n.ok());
    std::string out(first, *n);
    REQUIRE(AppendRemaining(&source, &out).ok());
    CHECK(out == input);
  }
}

TEST_CASE("AppendRemaining on an exhausted source appends nothing") {
  StringSource source("", "<test>");
  std::string out = "kept";
  REQUIRE(AppendRemaining(&source, &out).ok());
  CHECK(out == "kept");
}

}  // namespace
}  // namespace gapmap
