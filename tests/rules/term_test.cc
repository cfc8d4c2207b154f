#include "lib/rules/term.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "lib/rules/term_matcher.h"
#include "lib/rules/unit_matcher.h"

namespace gapmap {
namespace {

// The matched substrings of `text` for one term.
// The texts `terms` find in `text`, in hit order.
std::vector<std::string> MatchTerms(const std::vector<Term>& terms, const std::string& text) {
  TermMatcher matcher;
  for (const Term& t : terms) matcher.Add(t, 0);
  REQUIRE(matcher.Build().ok());
  MatchScratch scratch;
  std::vector<Hit> hits;
  matcher.Match(text, &scratch, &hits);
  NormalizeHits(&hits);
  std::vector<std::string> out;
  for (const Hit& h : hits) out.push_back(text.substr(h.begin, h.end - h.begin));
  return out;
}

std::vector<std::string> Find(const std::string& term_text, const std::string& text,
                              bool case_sensitive = false) {
  Result<Term> term = ParseTerm(term_text, case_sensitive);
  REQUIRE_MESSAGE(term.ok(), term.status().message());
  return MatchTerms({*term}, text);
}

using Strings = std::vector<std::string>;

TEST_CASE("terms are case-insensitive whole words") {
  CHECK(Find("victim", "Victim, VICTIM and victims") == Strings{"Victim", "VICTIM"});
  CHECK(Find("victim", "postvictim") == Strings{});
  CHECK(Find("IOM", "IOM and iom", /*case_sensitive=*/true) == Strings{"IOM"});
}

TEST_CASE("a trailing star is a suffix glob covering the whole word") {
  CHECK(Find("reintegrat*", "reintegration, Reintegrating and reintegrate") ==
        Strings{"reintegration", "Reintegrating", "reintegrate"});
  CHECK(Find("reintegrat*", "reintegra") == Strings{});
  CHECK(Find("shelter*", "shelter") == Strings{"shelter"});
  CHECK(Find("traffick* in person*", "Trafficking in Persons") == Strings{"Trafficking in Persons"});
}

TEST_CASE("a phrase survives line breaks and hyphenated line ends") {
  CHECK(Find("victim assistance", "direct victim\nassistance is") == Strings{"victim\nassistance"});
  CHECK(Find("victim assistance", "victim  \n  assistance") == Strings{"victim  \n  assistance"});
  // A line ending in a hyphen: "counter-\ntrafficking".
  CHECK(Find("counter trafficking", "the counter-\ntrafficking response") ==
        Strings{"counter-\ntrafficking"});
  CHECK(Find("counter-trafficking", "the counter-\ntrafficking response") ==
        Strings{"counter-\ntrafficking"});
  CHECK(Find("counter trafficking", "counter-trafficking") == Strings{"counter-trafficking"});
  // A space must separate: "counter trafficking" is not "countertrafficking".
  CHECK(Find("counter trafficking", "countertrafficking") == Strings{});
}

TEST_CASE("a hyphen in a term matches a hyphen, spaces or nothing") {
  CHECK(Find("co-operation", "co-operation, cooperation, co operation, co-\noperation") ==
        Strings{"co-operation", "cooperation", "co operation", "co-\noperation"});
  CHECK(Find("co-operat*", "Cooperating") == Strings{"Cooperating"});
  CHECK(Find("co-operation", "co.operation") == Strings{});
}

TEST_CASE("other punctuation between words must be there") {
  CHECK(Find("HIV/AIDS", "HIV/AIDS and HIV / AIDS and HIV AIDS") ==
        Strings{"HIV/AIDS", "HIV / AIDS"});
  CHECK(Find("victim assistance", "victim, assistance") == Strings{});
  // Curly and straight apostrophes are the same punctuation.
  CHECK(Find("Children's Fund", "United Nations Children\u2019s Fund") ==
        Strings{"Children\u2019s Fund"});
  CHECK(Find("Children\u2019s Fund", "the Children's Fund") == Strings{"Children's Fund"});
}

TEST_CASE("typographic dashes and spaces count as dashes and spaces") {
  CHECK(Find("counter trafficking", "counter\u2013trafficking") == Strings{"counter\u2013trafficking"});
  CHECK(Find("victim assistance", "victim\u00a0assistance") == Strings{"victim\u00a0assistance"});
}

TEST_CASE("case folding covers accented capitals without moving offsets") {
  CHECK(Find("école", "L'ÉCOLE et l'École") == Strings{"ÉCOLE", "École"});
  CHECK(Find("vis-à-vis", "VIS-À-VIS") == Strings{"VIS-À-VIS"});
}

TEST_CASE("overlapping occurrences are all found") {
  CHECK(Find("a a", "a a a") == Strings{"a a", "a a"});
}

TEST_CASE("term syntax errors say what is wrong") {
  auto error = [](const std::string& t) {
    Result<Term> term = ParseTerm(t, false);
    REQUIRE_FALSE(term.ok());
    return term.status().message();
  };
  CHECK(error("*ing") ==
        "'*' must come at the end of a word, as in 'reintegrat*'; '*ing' has it at the start");
  CHECK(error("traf*ficking") == "'*' must come at the end of a word, as in 'reintegrat*'; "
                                 "'traf*ficking' has it inside a word");
  CHECK(error("anti-*") == "'*' must come at the end of a word, as in 'reintegrat*'; "
                           "'anti-*' has it after a non-letter");
  CHECK(error("(ICAT)") == "term '(ICAT)' contains '(': terms are plain words (only a trailing "
                           "'*' is special); write a /regex/ for a pattern");
  CHECK(error("sensiti?ation") == "term 'sensiti?ation' contains '?': terms are plain words (only "
                                  "a trailing '*' is special); write a /regex/ for a pattern");
  CHECK(error("U.S.") == "term 'U.S.' ends with '.': a term begins and ends with a letter or "
                         "digit (leave the punctuation out, or write a /regex/)");
  CHECK(error("'quoted") == "term ''quoted' starts with ''': a term begins and ends with a "
                            "letter or digit (leave the punctuation out, or write a /regex/)");
  CHECK(error("  ") == "empty pattern");
  CHECK(error("a-b-c-d-e-f-g-h") == "term 'a-b-c-d-e-f-g-h' has 7 hyphens between words; at most "
                                    "6 are allowed (write a /regex/)");
}

// The matched substrings of `text` for one entry with alternatives.
std::vector<std::string> FindEntry(const std::string& entry, const std::string& text) {
  Result<std::vector<Term>> terms = ParseTermEntry(entry, false);
  REQUIRE_MESSAGE(terms.ok(), terms.status().message());
  return MatchTerms(*terms, text);
}

TEST_CASE("alternatives in parentheses expand into plain terms") {
  auto expand = [](const std::string& s) {
    Result<std::vector<std::string>> r = ExpandAlternatives(s);
    REQUIRE_MESSAGE(r.ok(), r.status().message());
    return *r;
  };
  CHECK(expand("(has|have) developed") == Strings{"has developed", "have developed"});
  CHECK(expand("victim(s|)") == Strings{"victims", "victim"});
  CHECK(expand("(has|had) (also |)(launch*|run)") ==
        Strings{"has also launch*", "has also run", "has launch*", "has run", "had also launch*",
                "had also run", "had launch*", "had run"});
  CHECK(FindEntry("(has|have|had) (also|) (developed|launched)",
                  "It has developed and has also launched; they had\nlaunched.") ==
        Strings{"has developed", "has also launched", "had\nlaunched"});
  // The longest alternative wins at a given start.
  CHECK(FindEntry("(victim|victim assistance)", "victim assistance") ==
        Strings{"victim assistance"});
}

TEST_CASE("alternatives errors say what is wrong") {
  auto error = [](const std::string& t) {
    Result<std::vector<Term>> r = ParseTermEntry(t, false);
    REQUIRE_FALSE(r.ok());
    return r.status().message();
  };
  CHECK(error("(has|have developed") == "'(has|have developed' has '(' without ')' after it");
  CHECK(error("has) developed") == "'has) developed' has ')' without '(' before it");
  CHECK(error("has|have") == "'has|have' has '|' outside parentheses: alternatives are written "
                             "'(a|b|c)'");
  CHECK(error("((a|b)|c)") == "'((a|b)|c)' nests parentheses; alternatives do not nest");
  CHECK(error("(developed) aid") == "'(developed) aid' has '(developed)' with no '|': write "
                                    "alternatives as '(a|b)', or '(a|)' to make a part optional");
  CHECK(error("(a|) (*b|c)") == "'(a|) (*b|c)' gives 'a *b': '*' must come at the end of a "
                                "word, as in 'reintegrat*'; 'a *b' has it after a non-letter");
  CHECK(error("(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)") ==
        "'(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)' expands to more than 256 terms; split it");
}

TEST_CASE("hyphens expand into split and joined variants") {
  Result<Term> term = ParseTerm("co-operation", false);
  REQUIRE(term.ok());
  std::vector<TermVariant> variants = ExpandVariants(*term);
  REQUIRE(variants.size() == 2);
  CHECK(variants[0].words.size() == 2);
  CHECK(variants[1].words.size() == 1);
  CHECK(variants[1].words[0].text == "cooperation");
  // A glob before a hyphen cannot be joined: only the split variant.
  Result<Term> glob = ParseTerm("anti*-slavery", false);
  REQUIRE(glob.ok());
  CHECK(ExpandVariants(*glob).size() == 1);
}

TEST_CASE("terms translate to grep EREs") {
  Result<Term> term = ParseTerm("co-operat* in Europe", false);
  REQUIRE(term.ok());
  CHECK(TermToEre(*term) ==
        "\\bco[[:space:]-]*operat[[:alnum:]]*[[:space:]-]+in[[:space:]-]+europe\\b");
}


// The word memo (word_memo.h) stands in for the trie walk of words it saw
// before: what a unit yields must not depend on what the scratch matched
// earlier. A fresh scratch walks every word (the memo learns only after a
// unit's walks), so it is the reference.
struct MatchResult {
  std::vector<Hit> hits;
  std::vector<uint32_t> term_words;
};
MatchResult MatchWith(const TermMatcher& matcher, const std::string& text, MatchScratch* scratch) {
  MatchResult out;
  matcher.Match(text, scratch, &out.hits);
  std::sort(out.hits.begin(), out.hits.end(), HitLess);
  for (const WordToken& t : scratch->tokens) out.term_words.push_back(t.term_word);
  return out;
}

TEST_CASE("the word memo gives what a walk gives") {
  // Words of 16 bytes (the longest memoised), 17 (walked always) and 15,
  // sharing prefixes with each other and with globs; non-ASCII words with
  // capitals that fold; a case-sensitive term.
  const std::string w15 = "abcdefghijklmno", w16 = "abcdefghijklmnop", w17 = "abcdefghijklmnopq";
  std::vector<Term> terms;
  for (const auto& [text, case_sensitive] : std::vector<std::pair<std::string, bool>>{
           {w16, false}, {w17 + " victim", false}, {"abcdefgh*", false}, {w15 + "*", false},
           {"\u00e9cole", false}, {"\u00fcbung* fund", false}, {"victim assistance", false},
           {"IOM", true}, {"chil*", false}, {"the children", false}}) {
    Result<Term> term = ParseTerm(text, case_sensitive);
    REQUIRE_MESSAGE(term.ok(), term.status().message());
    terms.push_back(*term);
  }
  TermMatcher matcher;
  for (size_t i = 0; i < terms.size(); ++i) matcher.Add(terms[i], static_cast<uint32_t>(i));
  REQUIRE(matcher.Build().ok());
  const std::vector<std::string> texts = {
      w16 + " " + w17 + " victim " + w15 + " " + w15 + "x",
      "ABCDEFGHIJKLMNOP abcdefghijklmnopqr abcdefghijklmnopQ Victim abcdefgh abcdefg",
      "\u00c9cole \u00e9cole \u00dcbungen fund \u00fcbung-fund IOM iom Iom",
      "victim assistance, the children; children the Children chil child",
      w17 + " victims " + w16 + w16 + " " + w16 + "-" + w16};
  // The same texts through scratches that keep their memo: a normal one, and
  // one of two sets of two, so that words evict each other all the time.
  MatchScratch normal, tiny;
  tiny.word_memo.bits = 1;
  for (int pass = 0; pass < 3; ++pass) {
    for (const std::string& text : texts) {
      INFO("pass " << pass << ": " << text);
      MatchScratch fresh;
      const MatchResult walked = MatchWith(matcher, text, &fresh);
      CHECK(!walked.hits.empty());
      const MatchResult from_normal = MatchWith(matcher, text, &normal);
      CHECK(from_normal.hits == walked.hits);
      CHECK(from_normal.term_words == walked.term_words);
      const MatchResult from_tiny = MatchWith(matcher, text, &tiny);
      CHECK(from_tiny.hits == walked.hits);
      CHECK(from_tiny.term_words == walked.term_words);
    }
  }
  // The normal memo did learn the words (so the later passes read it).
  size_t known = 0;
  for (const WordMemo::Set& set : normal.word_memo.sets) {
    for (const WordMemo::Entry& e : set.way) known += e.low != 0;
  }
  CHECK(known >= 15);
}

TEST_CASE("a scratch's word memo is not read for another matcher") {
  auto build = [](const std::string& text) {
    auto matcher = std::make_unique<TermMatcher>();
    Result<Term> term = ParseTerm(text, false);
    REQUIRE(term.ok());
    matcher->Add(*term, 0);
    REQUIRE(matcher->Build().ok());
    return matcher;
  };
  auto victims = build("victims");
  auto victim = build("victim");
  MatchScratch scratch;
  const std::string text = "victim victims victim";
  std::vector<Hit> hits;
  victims->Match(text, &scratch, &hits);
  CHECK(hits.size() == 1);
  hits.clear();
  victim->Match(text, &scratch, &hits);
  CHECK(hits.size() == 2);
  hits.clear();
  victims->Match(text, &scratch, &hits);
  CHECK(hits.size() == 1);
}

}  // namespace
}  // namespace gapmap

namespace gapmap {
namespace {

TEST_CASE("a word under nested glob prefixes yields every entry it hits") {
  // "victim" is an exact entry, the second word of a pair and under four
  // glob prefixes: the most index entries one word can hit here, every
  // one of them a hit, in every word of a long unit.
  std::vector<Term> terms;
  for (const char* text : {"vic*", "vict*", "victi*", "victim*", "victim", "the victim"}) {
    Result<Term> term = ParseTerm(text, false);
    REQUIRE(term.ok());
    terms.push_back(*term);
  }
  TermMatcher matcher;
  for (size_t i = 0; i < terms.size(); ++i) matcher.Add(terms[i], static_cast<uint32_t>(i));
  REQUIRE(matcher.Build().ok());
  std::string text;
  for (int i = 0; i < 200; ++i) text += "the victim ";
  MatchScratch scratch;
  std::vector<Hit> hits;
  matcher.Match(text, &scratch, &hits);
  std::vector<size_t> per_pattern(terms.size(), 0);
  for (const Hit& h : hits) ++per_pattern[h.pattern];
  for (size_t p = 0; p < terms.size(); ++p) {
    INFO("pattern " << p);
    CHECK(per_pattern[p] == 200);
  }
}

}  // namespace
}  // namespace gapmap
