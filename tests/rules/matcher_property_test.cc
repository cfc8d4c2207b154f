// Property test: the one-pass matcher (token hashing for terms; for regexes
// the atom prefilter and windows, or one RE2::Set scan) finds exactly what
// the one-pattern-at-a-time reference (each term through its regex
// translation, each regex on its own over the whole unit) finds, on many
// randomised rule sets and units.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "lib/rules/reference_matcher.h"
#include "lib/rules/regex.h"
#include "lib/rules/regex_length.h"
#include "lib/rules/regex_prefilter.h"
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
    "\\bfund(?:s|ing)?\\b", "\\bs\\b", "\\b(?:a|ab) b", "\\bk", "(?-i:\\bHIV\\b)",
    // Anchored inside a flag group around the whole pattern, or only in part.
    "(?-i:^Victims?)", "(?i:^child)|aids", "(?s:^(?:a|ab)\\b)",
    // Anchored phrase lists (found by a trie at the unit's start), in one
    // case and without case; "assistance" also as RE2 folds U+017F into it.
    "(?-i:^(?:Victims|Child|HIV) )", "^(?:assistance|fund)\\b",
    // Bounded regexes the prefilter searches only around their atoms, whose
    // atoms also occur where they do not match: windows at the unit's ends,
    // `$` and \b at a window's edge, classes of more than one byte, and
    // letters RE2 folds from U+017F and U+212A ("assist", "k").
    "\\bchild(?:ren)? (?:victims?|fund)\\b", "(?:assist|fund)\\w{0,4} (?:co|x2)\\b",
    "\\baids$", "hiv.{0,6}aids", "\\bfund(?:s|ing)? [^ ]{1,3}\\b", "victims?,? (?:a|ab)\\b",
    "\\bassist(?:ance)?\\b", "(?:counter|co)-?(?:operation|trafficking)", "ck\\b",
    // Unbounded regexes searched in the stretches free of the bytes their
    // matches cannot hold.
    "\\bvictims?\\b[^.;,]*\\bfund\\w*", "aids\\s*$", "\\bchild[^()]*\\)"};
// Text-only words with U+017F (long s) and U+212A (Kelvin sign), which RE2
// matches case-insensitively as s and k: the prefilter must not miss them.
const std::vector<std::string> kFoldWords = {"a\u017F\u017Fistance", "\u212A", "chil\u212A",
                                             "\u017F", "victim\u017F", "tra\u017Fficking"};

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
    } else if (rng() % 30 == 0) {
      text += kFoldWords[rng() % kFoldWords.size()];
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

// The rule set of one file `yaml`; the test fails (with the loader's
// messages) if it does not load.
std::shared_ptr<const RuleSet> LoadOrFail(const std::string& yaml, const RuleSetOptions& options) {
  std::vector<Diagnostic> errors;
  auto rules = testing::LoadRules({{"t.yaml", yaml}}, &errors, options);
  INFO(testing::Messages(errors));
  REQUIRE(rules != nullptr);
  return rules;
}

TEST_CASE("the one-pass matcher agrees with the reference on random units") {
  std::mt19937 rng(20240601);
  int compared = 0, with_hits = 0, regex_hits = 0, fallback_rounds = 0;
  for (int round = 0; round < 40; ++round) {
    std::string yaml = "dimension: topic\nlabels:\n";
    int labels = 1 + rng() % 4;
    for (int l = 0; l < labels; ++l) {
      yaml += "  l" + std::to_string(l) + ":\n    any: [";
      int terms = 1 + rng() % 5;
      for (int t = 0; t < terms; ++t) yaml += (t ? ", " : "") + Quote(RandomTerm(rng));
      yaml += "]\n    exact: [" + Quote(RandomTerm(rng)) + "]\n";
      if (rng() % 3 == 0) yaml += "    first: [" + Quote(RandomTerm(rng)) + "]\n";
      if (rng() % 2) {
        yaml += "    regex: [" + Quote(kRegexes[rng() % kRegexes.size()]);
        if (rng() % 2) yaml += ", " + Quote(kRegexes[rng() % kRegexes.size()]);
        yaml += "]\n";
      }
    }
    RuleSetOptions options;
    options.simulate_set_out_of_memory = round % 5 == 4;  // the fallback path must agree too
    INFO(yaml);
    auto rules = LoadOrFail(yaml, options);
    Result<ReferenceMatcher> reference = ReferenceMatcher::Create(rules->compiled);
    REQUIRE(reference.ok());
    MatchScratch scratch;
    // The word memo carries words from unit to unit; a tiny one makes them
    // evict each other all the time.
    if (round % 3 == 1) scratch.word_memo.bits = 1;
    std::vector<Hit> fast;
    int fold_units = 0;
    for (int u = 0; u < 60; ++u) {
      std::string text = RandomText(rng);
      REQUIRE(rules->compiled.matcher.Match(text, &scratch, &fast).ok());
      std::vector<Hit> slow = reference->Match(text);
      INFO("text: " << text);
      const bool fold = text.find("\u017F") != std::string::npos ||
                        text.find("\u212A") != std::string::npos;
      if (fold) {
        // Terms fold case by word_scan.h, not by RE2's rules (their regex
        // translation would match "aſſistance" for "assist*"): compare the
        // regex hits only.
        auto is_term = [&](const Hit& h) { return rules->compiled.patterns[h.pattern].regex < 0; };
        fast.erase(std::remove_if(fast.begin(), fast.end(), is_term), fast.end());
        slow.erase(std::remove_if(slow.begin(), slow.end(), is_term), slow.end());
      }
      REQUIRE(fast.size() == slow.size());
      CHECK(fast == slow);
      ++compared;
      with_hits += !fast.empty();
      fold_units += fold;
      // The windows rest on this bound; it holds on text without U+017F or
      // U+212A (units with them are scanned whole).
      for (const Hit& hit : slow) {
        const CompiledPattern& pattern = rules->compiled.patterns[hit.pattern];
        if (pattern.regex < 0 || fold) continue;
        const std::string& regex = rules->compiled.regexes[pattern.regex].pattern();
        int bound = MaxMatchBytes(regex);
        if (bound >= 0) CHECK(hit.end - hit.begin <= static_cast<uint32_t>(bound));
        // So do the stretches around the atoms of unbounded ones (read,
        // as the prefilter reads it, with the case flag spelled out).
        const std::bitset<256> matchable =
            MatchableBytes(pattern.case_sensitive ? regex : "(?i)" + regex);
        for (uint32_t i = hit.begin; i < hit.end; ++i) {
          CHECK(matchable[static_cast<unsigned char>(text[i])]);
        }
        ++regex_hits;
      }
    }
    // Units with those code points take the set scan; with no memory for it,
    // its fallback must agree too.
    if (options.simulate_set_out_of_memory && rules->compiled.matcher.set_regex_count() > 0 &&
        fold_units > 0) {
      CHECK(scratch.set_fallbacks > 0);
      ++fallback_rounds;
    }
  }
  CHECK(compared == 2400);
  // The test is only worth something if many units have hits.
  CHECK(with_hits > 1000);
  CHECK(regex_hits > 300);
  CHECK(fallback_rounds > 0);
}

// Matches each of `texts` with the one-pass matcher of the rules in `yaml`
// and with the reference, checks they agree, and returns the reference's
// hits per text.
std::vector<std::vector<Hit>> MatchBoth(const std::string& yaml,
                                        const std::vector<std::string>& texts) {
  auto rules = LoadOrFail(yaml, RuleSetOptions{});
  Result<ReferenceMatcher> reference = ReferenceMatcher::Create(rules->compiled);
  REQUIRE(reference.ok());
  MatchScratch scratch;
  std::vector<Hit> fast;
  std::vector<std::vector<Hit>> all;
  for (const std::string& text : texts) {
    INFO("text: " << text);
    REQUIRE(rules->compiled.matcher.Match(text, &scratch, &fast).ok());
    all.push_back(reference->Match(text));
    CHECK(fast == all.back());
  }
  return all;
}

// Windows end their search after a match once no atom of theirs starts at
// or after its end: matches that touch, one starting right at the last atom
// of a window, and windows at both ends of the unit must all be found.
TEST_CASE("the one-pass matcher finds touching matches in one window") {
  const std::vector<std::vector<Hit>> hits = MatchBoth(
      "dimension: topic\nlabels:\n  l0:\n    any: [zzz]\n"
      "    regex: ['victims?', 'fund(?:s|ing)? ?victim', '(?:co)?operation']\n",
      {"victimvictim", "victimsvictim victimvictimsvictim", "fundvictimvictim",
       "fundingvictimfundsvictim", "cooperationoperationcooperation", "xvictimvictimx",
       "operationcooperation victim victims"});
  for (const std::vector<Hit>& unit : hits) CHECK(unit.size() >= 2);
}

// Anchored phrase lists are found by a trie at the unit's start, which does
// not see the letters RE2 folds from U+017F and U+212A: there RE2 answers.
TEST_CASE("the one-pass matcher finds anchored phrase lists as RE2 does") {
  const std::vector<std::vector<Hit>> hits = MatchBoth(
      "dimension: topic\nlabels:\n  l0:\n    any: [zzz]\n"
      "    regex: ['^(?:assistance|fund|kit)\\b', '(?-i:^(?:Victims|Child) )', '^\\W*k']\n",
      {"assistance to victims", "ASSISTANCE", "Fund", "fundraising", "a\u017F\u017Fistance here",
       "\u212Ait", "Victims of", "victims of", "Child ", "Children ", " Victims of", "x fund",
       "\u212A", "kit\u212A"});
  int matched = 0;
  for (const std::vector<Hit>& unit : hits) matched += !unit.empty();
  CHECK(matched >= 8);
}

std::string Utf8(char32_t cp) {
  std::string s;
  if (cp < 0x80) {
    s += static_cast<char>(cp);
  } else if (cp < 0x800) {
    s += static_cast<char>(0xC0 | (cp >> 6));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    s += static_cast<char>(0xE0 | (cp >> 12));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    s += static_cast<char>(0xF0 | (cp >> 18));
    s += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    s += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    s += static_cast<char>(0x80 | (cp & 0x3F));
  }
  return s;
}

// The prefilter compares ASCII letters without case and sends units with the
// non-ASCII code points RE2 folds to ASCII down the set scan: the list of
// such code points must be complete for this RE2.
TEST_CASE("the prefilter knows every non-ASCII code point RE2 folds to ASCII") {
  Result<Regex> ascii = Regex::Compile("[\\x00-\\x7F]", RegexOptions{.case_insensitive = true});
  REQUIRE(ascii.ok());
  int folding = 0;
  for (char32_t cp = 0x80; cp < 0x110000; ++cp) {
    if (cp >= 0xD800 && cp < 0xE000) continue;
    if (ascii->FullMatch(Utf8(cp))) {
      INFO("U+" << std::hex << static_cast<uint32_t>(cp));
      CHECK(RegexPrefilter::FoldsWithAscii(cp));
      ++folding;
    }
  }
  CHECK(folding == 2);
}

TEST_CASE("the regex length bound") {
  CHECK(MaxMatchBytes("(?i)\\bcalls? (?:up)?on\\b") == 10);
  CHECK(MaxMatchBytes("a{2,5}b{3}") == 8);
  CHECK(MaxMatchBytes("[^.;]x|.") == 5);
  CHECK(MaxMatchBytes("(?-i:\\b[Tt]he [A-Z]{2,6})") == 10);
  CHECK(MaxMatchBytes("\u00e9") == 4);
  CHECK(MaxMatchBytes("\\x{41}\\pL\\d\\.") == 10);
  for (const char* unbounded : {"a*", "a+", "a{2,}", "(?:ab)+?", "\\Qa*\\E", "(unclosed", "a{x}"}) {
    INFO(unbounded);
    CHECK(MaxMatchBytes(unbounded) == -1);
  }
}

}  // namespace
}  // namespace gapmap
