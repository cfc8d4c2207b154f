#include "lib/rules/regex.h"

#include <doctest/doctest.h>

#include <algorithm>

namespace gapmap {
namespace {

TEST_CASE("Regex reports RE2's error message") {
  Result<Regex> re = Regex::Compile("(unclosed");
  REQUIRE_FALSE(re.ok());
  CHECK(re.status().message() == "missing ): (unclosed");
}

TEST_CASE("Regex finds spans and groups") {
  Result<Regex> re = Regex::Compile(R"((\d+)\.(\d+))");
  REQUIRE(re.ok());
  size_t b = 0, e = 0;
  REQUIRE(re->Find("see 1.2 and 3.4", 5, &b, &e));
  CHECK(b == 12);
  CHECK(e == 15);
  std::vector<std::string_view> groups;
  REQUIRE(re->FullMatchGroups("10.20", &groups));
  CHECK(groups == std::vector<std::string_view>{"10", "20"});
}

TEST_CASE("RegexSet reports every matching pattern") {
  RegexSet set(RegexOptions{.case_insensitive = true});
  REQUIRE(set.Add(R"(\bshelter)").ok());
  REQUIRE(set.Add(R"(\btraining\b)").ok());
  REQUIRE(set.Add(R"(\bprosecut)").ok());
  REQUIRE(set.Compile().ok());
  std::vector<int> hits;
  REQUIRE(set.Match("Shelters and Training", &hits).ok());
  std::sort(hits.begin(), hits.end());
  CHECK(hits == std::vector<int>{0, 1});
}

TEST_CASE("RegexSet out of memory is an error, never 'no match'") {
  RegexOptions options;
  options.max_mem = 1 << 20;
  RegexSet set(options);
  // Many counted repetitions blow up the DFA for long inputs.
  for (int i = 0; i < 30; ++i) REQUIRE(set.Add("[a-q][^u-z]{13}x" + std::to_string(i)).ok());
  Status compiled = set.Compile();
  if (!compiled.ok()) {
    CHECK(compiled.code() == StatusCode::kRule);
    return;
  }
  std::string text;
  for (int i = 0; i < 200000; ++i) text += static_cast<char>('a' + (i * 7919) % 26);
  std::vector<int> hits;
  Status matched = set.Match(text, &hits);
  if (!matched.ok()) CHECK(matched.code() == StatusCode::kInternal);
}

}  // namespace
}  // namespace gapmap
