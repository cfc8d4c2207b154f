// Property test: the one-pass matcher (token hashing for terms, one RE2::Set
// scan for regexes) finds exactly what the one-pattern-at-a-time reference
// (each term through its regex translation, each regex on its own) finds, on
// many randomised rule sets and units.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "lib/rules/reference_matcher.h"
#include "tests/rules/rules_fixture.h"

namespace gapmap {
namespace {

const std::vector<std::string> kWords = {
    "victim", "victims", "assist", "assistance", "co",    "operation", "cooperation",
    "counter", "trafficking", "child", "children", "s",   "fund",      "hiv",
    "aids",   "école",  "a",     "ab",         "b",     "x2",        "übung"};
const std::vector<std::string> kTextSeparators = {
    " ", " ", " ", "\n", "-", "- ", "-\n", " - ", "  ", ", ", ". ", "/", " / ", "'",
    "\u2019", "\u2013", "\u00a0", "(", ") ", "*", "", "_", "é"};
const std::vector<std::string> kTermSeparators = {" ", " ", "-", "/", "'", " - "};
const std::vector<std::string> kRegexes = {
    "\\bvict\\w*", "traffick(ing|ed)", "hiv\\s*/\\s*aids", "[a-z]+ion\\b", "\\d+",
    "fund(s|ing)?", "(?-i)Co", "ch.ld", "^\\W*(victim|child)", "(?i)^co\\b|aids$",
    // Word-bounded regexes with literal first words, case flags, one-letter words.
    "\\b(?:victims?|child(?:ren)?) (?:assist\\w*|fund)", "\\bco-?operation\\b",
    "\\bfund(?:s|ing)?\\b", "\\bs\\b", "\\b(?:a|ab) b", "\\bk", "(?-i:\\bHIV\\b)"};

std::string Case(std::mt19937& rng, const std::string& w) {
  std::string out = w;
  switch (rng() % 4) {
    case 0: for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c))); break;
    case 1: out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0]))); break;
    default: break;
  }
  // Accented capitals fold too.
  size_t e = out.find("é");
  if (e != std::string::npos && rng() % 2) out.replace(e, 2, "É");
  return out;
}

std::string RandomTerm(std::mt19937& rng) {
  int words = 1 + rng() % 3;
  std::string term;
  for (int i = 0; i < words; ++i) {
    if (i > 0) term += kTermSeparators[rng() % kTermSeparators.size()];
    std::string w = kWords[rng() % kWords.size()];
    if (rng() % 4 == 0 && w.size() > 1 && static_cast<unsigned char>(w[0]) < 0x80) {
      w = w.substr(0, 1 + rng() % (w.size() - 1)) + "*";
      // A glob ends a word; what follows must not start a new one without a gap.
    }
    term += Case(rng, w);
  }
  // Sometimes alternatives: another word, or an optional part.
  switch (rng() % 5) {
    case 0: return "(" + term + "|" + kWords[rng() % kWords.size()] + ")";
    case 1: return kWords[rng() % kWords.size()] + " (" + term + "|)";
    default: return term;
  }
}

std::string RandomText(std::mt19937& rng) {
  int words = 1 + rng() % 14;
  std::string text;
  for (int i = 0; i < words; ++i) {
    if (i > 0) text += kTextSeparators[rng() % kTextSeparators.size()];
    if (rng() % 10 == 0) {
      text += std::to_string(rng() % 1000);
    } else {
      text += Case(rng, kWords[rng() % kWords.size()]);
    }
  }
  return text;
}

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "''";
    else out += c;
  }
  return out + "'";
}

TEST_CASE("the one-pass matcher agrees with the reference on random units") {
  std::mt19937 rng(20240601);
  int compared = 0, with_hits = 0;
  for (int round = 0; round < 40; ++round) {
    std::string yaml = "dimension: topic\nlabels:\n";
    int labels = 1 + rng() % 4;
    for (int l = 0; l < labels; ++l) {
      yaml += "  l" + std::to_string(l) + ":\n    any: [";
      int terms = 1 + rng() % 5;
      for (int t = 0; t < terms; ++t) yaml += (t ? ", " : "") + Quote(RandomTerm(rng));
      yaml += "]\n    exact: [" + Quote(RandomTerm(rng)) + "]\n";
      if (rng() % 3 == 0) yaml += "    first: [" + Quote(RandomTerm(rng)) + "]\n";
      if (rng() % 2) yaml += "    regex: [" + Quote(kRegexes[rng() % kRegexes.size()]) + "]\n";
    }
    RuleSetOptions options;
    options.simulate_set_out_of_memory = round % 5 == 4;  // the fallback path must agree too
    std::vector<Diagnostic> errors;
    auto rules = testing::LoadRules({{"t.yaml", yaml}}, &errors, options);
    INFO(yaml);
    INFO(testing::Messages(errors));
    REQUIRE(rules != nullptr);
    Result<ReferenceMatcher> reference = ReferenceMatcher::Create(rules->compiled);
    REQUIRE(reference.ok());
    MatchScratch scratch;
    std::vector<Hit> fast;
    for (int u = 0; u < 60; ++u) {
      std::string text = RandomText(rng);
      REQUIRE(rules->compiled.matcher.Match(text, &scratch, &fast).ok());
      std::vector<Hit> slow = reference->Match(text);
      INFO("text: " << text);
      REQUIRE(fast.size() == slow.size());
      CHECK(fast == slow);
      ++compared;
      with_hits += !fast.empty();
    }
    if (options.simulate_set_out_of_memory && rules->compiled.matcher.set_regex_count() > 0) {
      CHECK(scratch.set_fallbacks > 0);
    }
  }
  CHECK(compared == 2400);
  // The test is only worth something if many units have hits.
  CHECK(with_hits > 1000);
}

}  // namespace
}  // namespace gapmap
