// The decision procedure of docs/rules.md, construct by construct: each one
// matches what it should and not what it should not.
#include "lib/tag/tagger.h"

#include <doctest/doctest.h>

#include "lib/sinks/jsonl_writer.h"
#include "tests/rules/rules_fixture.h"

namespace gapmap {
namespace {

using testing::EvidenceStrings;
using testing::Labels;
using testing::LoadRules;
using testing::MakeUnit;
using testing::Messages;
using testing::TagOne;
using Strings = std::vector<std::string>;

std::shared_ptr<const RuleSet> Rules(const std::map<std::string, std::string>& files) {
  std::vector<Diagnostic> errors;
  auto rules = LoadRules(files, &errors);
  INFO(Messages(errors));
  REQUIRE(rules != nullptr);
  return rules;
}

Strings Tag(const RuleSet& rules, const std::string& text, const std::string& dim = "topic",
            UnitKind kind = UnitKind::kText, const std::string& part = "",
            std::vector<std::string> path = {}) {
  return Labels(rules, TagOne(rules, MakeUnit(text, kind, part, std::move(path))), dim);
}

TEST_CASE("any weak exact and regex cues") {
  auto rules = Rules({{"t.yaml", R"(dimension: topic
labels:
  shelter:
    any: [shelter*, safe house]
  data:
    weak: [data]          # 0.5 per hit: two hits needed
  who:
    exact: [WHO]
  permit:
    regex: ['\bresidence permits?\b']
)"}});
  CHECK(Tag(*rules, "Shelters and a safe house") == Strings{"shelter"});
  CHECK(Tag(*rules, "no sheltering here? yes: sheltering") == Strings{"shelter"});
  CHECK(Tag(*rules, "a house that is safe") == Strings{});
  CHECK(Tag(*rules, "data") == Strings{});
  CHECK(Tag(*rules, "data and more data") == Strings{"data"});
  CHECK(Tag(*rules, "WHO said") == Strings{"who"});
  CHECK(Tag(*rules, "who said") == Strings{});
  CHECK(Tag(*rules, "Residence Permit granted") == Strings{"permit"});
  CHECK(Tag(*rules, "residence permitted") == Strings{});
}

TEST_CASE("first terms count only at the start of a unit") {
  auto rules = Rules({{"t.yaml", R"(dimension: topic
labels:
  imperative:
    first: [strengthen, ensure that]
  anchored:
    regex: ['^(?:develop|build)\b', '(?i)^adopt\b']
)"}});
  CHECK(Tag(*rules, "Strengthen referral") == Strings{"imperative"});
  CHECK(Tag(*rules, "\"Ensure that victims") == Strings{"imperative"});
  CHECK(Tag(*rules, "We must strengthen referral") == Strings{});
  CHECK(Tag(*rules, "Develop tools") == Strings{"anchored"});
  CHECK(Tag(*rules, "ADOPT laws") == Strings{"anchored"});
  CHECK(Tag(*rules, "We develop tools") == Strings{});
  auto tagged = TagOne(*rules, MakeUnit("Strengthen referral"));
  CHECK(EvidenceStrings(*rules, tagged) ==
        Strings{"topic:imperative topic/imperative 'Strengthen' [0,10)"});
}

TEST_CASE("not vetoes overlapping hits and unless vetoes the label") {
  auto rules = Rules({{"t.yaml", R"(dimension: topic
labels:
  protection:
    any: [protection]
    not: [data protection]
  prevention:
    any: [prevent*]
    unless: [HIV]
)"}});
  CHECK(Tag(*rules, "data protection rules") == Strings{});
  CHECK(Tag(*rules, "data protection and victim protection") == Strings{"protection"});
  CHECK(Tag(*rules, "preventing trafficking") == Strings{"prevention"});
  CHECK(Tag(*rules, "preventing HIV and trafficking") == Strings{});
}

TEST_CASE("near pairs two terms within N words in any order") {
  auto rules = Rules({{"t.yaml", R"(dimension: topic
labels:
  support:
    near:
      - {a: [victim*], b: [assist*, support*], within: 3}
)"}});
  CHECK(Tag(*rules, "victims receive support") == Strings{"support"});
  CHECK(Tag(*rules, "support for the victims") == Strings{"support"});
  CHECK(Tag(*rules, "victims of trafficking in persons receive support") == Strings{});
  CHECK(Tag(*rules, "victims of trafficking get support") == Strings{"support"});
  CHECK(Tag(*rules, "victims only") == Strings{});
  auto tagged = TagOne(*rules, MakeUnit("victims receive support"));
  CHECK(EvidenceStrings(*rules, tagged) ==
        Strings{"topic:support topic/support 'victims receive support' [0,23)"});
}

TEST_CASE("near counts the words between its hits wherever they stand in a long unit") {
  // The words around each hit are found by a search over the unit's words:
  // hits at every place among up to ~70 words, with 0 to 6 words between.
  auto rules = Rules({{"t.yaml", R"(dimension: topic
labels:
  support:
    near:
      - {a: [victim*], b: [support*], within: 3}
)"}});
  for (int before = 0; before < 40; before += 3) {
    for (int between = 0; between <= 6; ++between) {
      for (int after = 0; after < 30; after += 7) {
        // Both orders: a before b, and b before a.
        for (const auto& [first, second] : {std::pair{"victims", "support"}, {"support", "victims"}}) {
          std::string text;
          for (int i = 0; i < before; ++i) text += "filler ";
          text += first;
          for (int i = 0; i < between; ++i) text += " word";
          text += std::string(" ") + second;
          for (int i = 0; i < after; ++i) text += " filler";
          CAPTURE(text);
          CHECK(Tag(*rules, text) == (between <= 3 ? Strings{"support"} : Strings{}));
        }
      }
    }
  }
}

TEST_CASE("near counts the words between hits that span several words") {
  // A hit's first word is searched for, the word after it stepped to (and
  // searched for past a few words): terms of 1 to 8 words on one side.
  const std::string support = "support";
  for (int span = 1; span <= 8; ++span) {
    std::string term = "alpha";
    for (int i = 1; i < span; ++i) term += " w" + std::to_string(i);
    auto rules = Rules({{"t.yaml", "dimension: topic\nlabels:\n  support:\n    near:\n"
                                   "      - {a: ['" + term + "'], b: [support*], within: 3}\n"}});
    for (int before = 0; before < 12; before += 5) {
      for (int between = 0; between <= 5; ++between) {
        for (bool a_first : {true, false}) {
          std::string text;
          for (int i = 0; i < before; ++i) text += "filler ";
          const std::string& near_first = a_first ? term : support;
          const std::string& near_second = a_first ? support : term;
          text += near_first;
          for (int i = 0; i < between; ++i) text += " word";
          text.push_back(' ');
          text += near_second;
          text += " filler filler";
          CAPTURE(text);
          CHECK(Tag(*rules, text) == (between <= 3 ? Strings{"support"} : Strings{}));
        }
      }
    }
  }
}

TEST_CASE("near hits that pair in no clause leave the cues counted as without them") {
  // Hits of one side of a clause only, or of sides of different clauses,
  // add no candidate: the cues alone decide (counted without the near
  // machinery), and a pair in one clause still counts.
  auto rules = Rules({{"t.yaml", R"(dimension: topic
labels:
  both:
    any: [law*, court]
    near:
      - {a: [victim*], b: [support*], within: 3}
      - {a: [judge*], b: [trial*], within: 3}
    min_hits: 2
)"}});
  CHECK(Tag(*rules, "laws and victims") == Strings{});
  CHECK(Tag(*rules, "laws and court") == Strings{"both"});
  CHECK(Tag(*rules, "laws victims and trials") == Strings{});
  CHECK(Tag(*rules, "laws support and judges") == Strings{});
  CHECK(Tag(*rules, "laws and victims receive support") == Strings{"both"});
  CHECK(Tag(*rules, "laws and judges at trial") == Strings{"both"});
  CHECK(Tag(*rules, "victims receive support at the court") == Strings{"both"});
  auto tagged = TagOne(*rules, MakeUnit("laws and court, victims and trials"));
  CHECK(EvidenceStrings(*rules, tagged) ==
        Strings{"topic:both topic/both 'laws' [0,4)", "topic:both topic/both 'court' [9,14)"});
  tagged = TagOne(*rules, MakeUnit("laws of victims, with support"));
  CHECK(EvidenceStrings(*rules, tagged) ==
        Strings{"topic:both topic/both 'laws' [0,4)",
                "topic:both topic/both 'victims, with support' [8,29)"});
}

TEST_CASE("min_hits min_score and weight") {
  auto rules = Rules({{"t.yaml", R"(dimension: topic
labels:
  twice:
    any: [law*]
    min_hits: 2
  heavy:
    any: [{term: court, weight: 3}, judge]
    min_score: 3
  light:
    any: [fund*]
    weight: 0.5
)"}});
  CHECK(Tag(*rules, "the law") == Strings{});
  CHECK(Tag(*rules, "laws and law") == Strings{"twice"});
  CHECK(Tag(*rules, "judge") == Strings{});
  CHECK(Tag(*rules, "court") == Strings{"heavy"});
  CHECK(Tag(*rules, "funding") == Strings{});
  CHECK(Tag(*rules, "funding and funds") == Strings{"light"});
}

TEST_CASE("overlapping hits of a label count once") {
  auto rules = Rules({{"t.yaml", R"(dimension: topic
labels:
  va:
    any: [victim, victim assistance, assistance]
    min_hits: 2
)"}});
  // "victim assistance" covers both single words: one hit.
  CHECK(Tag(*rules, "victim assistance") == Strings{});
  CHECK(Tag(*rules, "victim assistance and assistance") == Strings{"va"});
}

TEST_CASE("salience raises min_score for long units") {
  auto rules = Rules({{"t.yaml", R"(dimension: topic
salience: {per_words: 10, step: 1}
labels:
  law:
    any: [law]
)"}});
  CHECK(Tag(*rules, "the law") == Strings{"law"});
  CHECK(Tag(*rules, "the law is one word in a unit of more than ten words here") == Strings{});
  CHECK(Tag(*rules, "the law and the law in a unit of more than ten words here") ==
        Strings{"law"});
}

TEST_CASE("relative drops labels far weaker than the strongest") {
  auto rules = Rules({{"t.yaml", R"(dimension: topic
relative: 0.5
labels:
  law:
    any: [law, laws, court*]
  money:
    any: [fund*]
)"}});
  // law 3, money 1: below half of 3.
  CHECK(Tag(*rules, "law and laws in court, with funds") == Strings{"law"});
  // law 2, money 1: exactly half is enough.
  CHECK(Tag(*rules, "law and laws, with funds") == Strings{"law", "money"});
  CHECK(Tag(*rules, "funds") == Strings{"money"});
}

TEST_CASE("weak_alone false needs a strong hit or a prior") {
  auto rules = Rules({{"t.yaml", R"(dimension: topic
weak_alone: false
labels:
  law:
    any: [law]
    weak: [legal, rule*]
    prior:
      - {section: 'legislation', score: 0.5}
)"}});
  CHECK(Tag(*rules, "legal rules") == Strings{});
  CHECK(Tag(*rules, "legal law") == Strings{"law"});
  CHECK(Tag(*rules, "legal rules", "topic", UnitKind::kText, "", {"Legislation"}) ==
        Strings{"law"});
  auto lenient = Rules({{"t.yaml", R"(dimension: topic
labels:
  law:
    weak: [legal, rule*]
)"}});
  CHECK(Tag(*lenient, "legal rules") == Strings{"law"});
}

TEST_CASE("scope by kind part and section") {
  auto rules = Rules({{"t.yaml", R"(dimension: topic
kinds: [text, bullet, heading]
labels:
  bullets:
    any: [x]
    scope: {kinds: [bullet]}
  recs:
    any: [x]
    scope: {parts: [recommendations]}
  sec:
    any: [x]
    scope: {sections: ['^protection']}
)"}});
  CHECK(Tag(*rules, "x", "topic", UnitKind::kText) == Strings{});
  CHECK(Tag(*rules, "x", "topic", UnitKind::kBullet) == Strings{"bullets"});
  CHECK(Tag(*rules, "x", "topic", UnitKind::kText, "recommendations") == Strings{"recs"});
  CHECK(Tag(*rules, "x", "topic", UnitKind::kText, "", {"IOM", "1.1 Prevention"}) == Strings{});
  CHECK(Tag(*rules, "x", "topic", UnitKind::kText, "", {"IOM", "Protection of victims"}) ==
        Strings{"sec"});
  // Section patterns are case-insensitive unless they say (?-i).
  CHECK(Tag(*rules, "x", "topic", UnitKind::kText, "", {"PROTECTION"}) == Strings{"sec"});
}

TEST_CASE("dimension kinds decide which units get labels") {
  auto rules = Rules({{"t.yaml", "dimension: topic\nlabels:\n  a: {any: [x]}\n"},
                      {"s.yaml", "dimension: tone\nmulti: false\ndefault: plain\nlabels:\n  loud: {any: [x]}\n"}});
  auto heading = TagOne(*rules, MakeUnit("x", UnitKind::kHeading));
  CHECK(Labels(*rules, heading, "topic") == Strings{});
  CHECK(Labels(*rules, heading, "tone") == Strings{});  // null
  std::string json;
  AppendUnitJson(heading, &rules->schema, &json);
  CHECK(json.find("\"stance\":null,\"fourp\":[],\"rectype\":[],\"mentions\":[],\"tone\":null,"
                  "\"topic\":[]") != std::string::npos);
}

TEST_CASE("single-valued dimensions decide by priority then score then file order") {
  auto rules = Rules({{"s.yaml", R"(dimension: stance
multi: false
default: context
labels:
  recommendation:
    any: [should]
    priority: 3
  gap:
    any: [lack of, lacks]
    priority: 2
  activity:
    any: [provides, supports]
    priority: 1
  other:
    any: [provides, supports]
    priority: 1
)"}});
  CHECK(Tag(*rules, "lack of data", "stance") == Strings{"gap"});
  CHECK(Tag(*rules, "there is a lack of data and States should act", "stance") ==
        Strings{"recommendation"});
  CHECK(Tag(*rules, "it provides shelter but lacks funds", "stance") == Strings{"gap"});
  CHECK(Tag(*rules, "the Protocol entered into force", "stance") == Strings{"context"});
  // activity and other tie on priority and score: the earlier label wins.
  CHECK(Tag(*rules, "it provides shelter", "stance") == Strings{"activity"});
  auto tagged = TagOne(*rules, MakeUnit("the Protocol entered into force"));
  CHECK(EvidenceStrings(*rules, tagged) == Strings{"stance:context stance/default '' [0,0)"});
}

TEST_CASE("decide by score takes the strongest label") {
  auto rules = Rules({{"s.yaml", R"(dimension: tone
multi: false
default: neutral
decide: score
labels:
  positive:
    any: [good, great]
    priority: 5
  negative:
    any: [bad, awful, poor]
)"}});
  CHECK(Tag(*rules, "good but bad and awful", "tone") == Strings{"negative"});
  CHECK(Tag(*rules, "good and great but bad", "tone") == Strings{"positive"});
  // Equal scores: priority breaks the tie.
  CHECK(Tag(*rules, "good but bad", "tone") == Strings{"positive"});
  CHECK(Tag(*rules, "nothing here", "tone") == Strings{"neutral"});
}

TEST_CASE("priors lean on context without overriding strong cues") {
  auto rules = Rules({{"s.yaml", R"(dimension: stance
multi: false
default: context
decide: score
labels:
  recommendation:
    any: [should]
    weak: [priority]
    prior:
      - {part: recommendations, score: 0.6}
  gap:
    any: [lack of]
    weak: [limited]
  activity:
    min_hits: 0
    prior:
      - {kind: bullet, section: '(?i)activities', score: 1}
)"}});
  // A weak cue alone (0.5) is not enough; in a recommendations part it is.
  CHECK(Tag(*rules, "a priority", "stance") == Strings{"context"});
  CHECK(Tag(*rules, "a priority", "stance", UnitKind::kText, "recommendations") ==
        Strings{"recommendation"});
  // The prior adds 0.6 to recommendation's 0.5, but a clear gap (1 + 0.5) wins.
  CHECK(Tag(*rules, "a priority: lack of limited data", "stance", UnitKind::kText,
            "recommendations") == Strings{"gap"});
  // Priors alone assign a label that has no cues.
  CHECK(Tag(*rules, "anything", "stance", UnitKind::kBullet, "", {"Main activities"}) ==
        Strings{"activity"});
  CHECK(Tag(*rules, "anything", "stance", UnitKind::kText, "", {"Main activities"}) ==
        Strings{"context"});
  auto tagged = TagOne(*rules, MakeUnit("a priority", UnitKind::kText, "recommendations"));
  CHECK(EvidenceStrings(*rules, tagged) ==
        Strings{"stance:recommendation stance/recommendation@prior:part=recommendations '' [0,0)",
                "stance:recommendation stance/recommendation 'priority' [2,10)"});
}

// The tagger keeps which of a label's priors hold as one 64-bit mask per
// label and kind; a label of more priors takes a path without it. A prior
// at the mask's last bit (the 64th) and one past it must fire like any other.
TEST_CASE("the 64th prior and those after it fire like the others") {
  for (int count : {64, 65, 70}) {
    CAPTURE(count);
    std::string yaml = R"(dimension: stance
multi: false
default: context
decide: score
labels:
  activity:
    min_hits: 0
    prior:
)";
    for (int p = 0; p + 1 < count; ++p) {
      yaml += "      - {section: 'nowhere " + std::to_string(p) + "', score: 1}\n";
    }
    yaml += "      - {part: recommendations, score: 1}\n";
    auto rules = Rules({{"s.yaml", yaml}});
    CHECK(Tag(*rules, "anything", "stance", UnitKind::kText, "recommendations") ==
          Strings{"activity"});
    CHECK(Tag(*rules, "anything", "stance", UnitKind::kText, "gaps") == Strings{"context"});
    CHECK(Tag(*rules, "anything", "stance", UnitKind::kText, "", {"nowhere 3"}) ==
          Strings{"activity"});
  }
}

TEST_CASE("a label needs a hit or a prior even with zero thresholds") {
  auto rules = Rules({{"t.yaml", R"(dimension: topic
labels:
  loose:
    min_hits: 0
    min_score: 0
    prior: [{part: mandate, score: 0}]
)"}});
  CHECK(Tag(*rules, "anything") == Strings{});
  CHECK(Tag(*rules, "anything", "topic", UnitKind::kText, "mandate") == Strings{"loose"});
  auto tagged = TagOne(*rules, MakeUnit("anything", UnitKind::kText, "mandate"));
  CHECK(EvidenceStrings(*rules, tagged) ==
        Strings{"topic:loose topic/loose@prior:part=mandate '' [0,0)"});
}

TEST_CASE("a list item leans on what its lead-in was tagged") {
  auto rules = Rules({{"s.yaml", R"(dimension: stance
multi: false
default: context
labels:
  recommendation:
    any: [should, recommend*]
    min_hits: 0
    prior:
      - {lead_in: recommendation, score: 1}
)"}});
  Tagger tagger(*rules);
  TaggedUnit lead, item1, furniture, item2, other;
  REQUIRE(tagger.Tag(MakeUnit("IOM recommends the following:", UnitKind::kText, "", {}, 1), &lead).ok());
  Unit u1 = MakeUnit("Training for border officials", UnitKind::kBullet, "", {}, 2);
  u1.lead_in_ordinal = 1;
  REQUIRE(tagger.Tag(u1, &item1).ok());
  REQUIRE(tagger.Tag(MakeUnit("12", UnitKind::kFurniture, "", {}, 3), &furniture).ok());
  Unit u2 = MakeUnit("Data collection", UnitKind::kBullet, "", {}, 4);
  u2.lead_in_ordinal = 1;
  REQUIRE(tagger.Tag(u2, &item2).ok());
  REQUIRE(tagger.Tag(MakeUnit("Data collection", UnitKind::kBullet, "", {}, 5), &other).ok());
  CHECK(Labels(*rules, lead, "stance") == Strings{"recommendation"});
  CHECK(Labels(*rules, item1, "stance") == Strings{"recommendation"});
  CHECK(Labels(*rules, item2, "stance") == Strings{"recommendation"});
  CHECK(Labels(*rules, other, "stance") == Strings{"context"});
  CHECK(EvidenceStrings(*rules, item2) ==
        Strings{"stance:recommendation stance/recommendation@prior:lead_in=recommendation '' [0,0)"});
}

TEST_CASE("priors follow each unit's kind, part, section and lead-in along a document") {
  // One tagger remembers which priors can fire while the part and section
  // path stay; kinds and lead-ins change from unit to unit. Each unit must
  // get what a fresh tagger gives it on its own.
  auto rules = Rules({{"t.yaml", R"(dimension: topic
labels:
  listed:
    min_hits: 0
    prior: [{kind: bullet, score: 1}]
  recs:
    min_hits: 0
    prior: [{part: recommendations, kind: text, score: 1}]
  sectioned:
    min_hits: 0
    prior: [{section: '(?i)training', score: 1}]
  led:
    any: [lead]
    min_hits: 0
    prior: [{lead_in: led, score: 1}]
)"}});
  struct Step {
    UnitKind kind;
    std::string part;
    std::vector<std::string> path;
    uint32_t lead_in;
    Strings want;
  };
  const std::vector<Step> steps = {
      {UnitKind::kText, "", {"Intro"}, 0, {}},
      {UnitKind::kBullet, "", {"Intro"}, 0, {"listed"}},
      {UnitKind::kText, "recommendations", {"Intro"}, 0, {"recs"}},
      {UnitKind::kBullet, "recommendations", {"Intro"}, 0, {"listed"}},
      {UnitKind::kText, "recommendations", {"Intro", "Training"}, 0, {"recs", "sectioned"}},
      {UnitKind::kText, "", {"Intro", "Training"}, 0, {"sectioned"}},
      {UnitKind::kBullet, "", {"Other", "Training"}, 0, {"listed", "sectioned"}},
      {UnitKind::kText, "", {"Other"}, 0, {}},
      {UnitKind::kText, "", {"Intro"}, 0, {}},
      {UnitKind::kBullet, "", {"Intro"}, 7, {"led", "listed"}},
      {UnitKind::kBullet, "", {"Intro"}, 0, {"listed"}},
  };
  Tagger tagger(*rules);
  TaggedUnit lead;
  Unit lead_unit = MakeUnit("a lead", UnitKind::kText, "", {"Intro"}, 7);
  REQUIRE(tagger.Tag(lead_unit, &lead).ok());
  CHECK(Labels(*rules, lead, "topic") == Strings{"led"});
  for (size_t i = 0; i < steps.size(); ++i) {
    const Step& step = steps[i];
    CAPTURE(i);
    Unit unit = MakeUnit("nothing", step.kind, step.part, step.path,
                         static_cast<uint32_t>(8 + i));
    unit.lead_in_ordinal = step.lead_in;
    TaggedUnit along;
    REQUIRE(tagger.Tag(unit, &along).ok());
    CHECK(Labels(*rules, along, "topic") == step.want);
    if (step.lead_in == 0) {
      TaggedUnit alone;
      REQUIRE(Tagger(*rules).Tag(unit, &alone).ok());
      CHECK(alone.labels == along.labels);
      CHECK(alone.evidence == along.evidence);
    }
  }
}

TEST_CASE("implies adds labels of other dimensions with the implying evidence") {
  auto rules = Rules({{"r.yaml", R"(dimension: rectype
labels:
  coordination:
    any: [coordination]
    implies: {fourp: [partnership]}
  networks:
    any: [network*]
    implies: {fourp: [partnership]}
)"},
                      {"f.yaml", R"(dimension: fourp
labels:
  partnership:
    any: [partnership*]
  protection:
    any: [shelter*]
)"}});
  auto tagged = TagOne(*rules, MakeUnit("coordination of shelters"));
  CHECK(Labels(*rules, tagged, "fourp") == Strings{"partnership", "protection"});
  CHECK(EvidenceStrings(*rules, tagged) ==
        Strings{"fourp:partnership rectype/coordination 'coordination' [0,12)",
                "rectype:coordination rectype/coordination 'coordination' [0,12)",
                "fourp:protection fourp/protection 'shelters' [16,24)"});
  // Directly assigned labels keep only their own evidence.
  auto both = TagOne(*rules, MakeUnit("partnerships and networks"));
  CHECK(Labels(*rules, both, "fourp") == Strings{"partnership"});
  CHECK(EvidenceStrings(*rules, both) ==
        Strings{"fourp:partnership fourp/partnership 'partnerships' [0,12)",
                "rectype:networks rectype/networks 'networks' [17,25)"});
}

TEST_CASE("implies_unless blocks an implication when the unit has a label directly") {
  auto rules = Rules({{"r.yaml", R"(dimension: rectype
labels:
  root_causes:
    any: [poverty, income*]
    implies: {fourp: [prevention]}
    implies_unless: {fourp: [protection], stance: [context]}
)"},
                      {"f.yaml", R"(dimension: fourp
labels:
  prevention:
    any: [prevent*]
  protection:
    any: [survivor*]
)"},
                      {"s.yaml", R"(dimension: stance
multi: false
default: other
labels:
  context:
    any: [in 1990]
)"}});
  CHECK(Labels(*rules, TagOne(*rules, MakeUnit("poverty in rural areas")), "fourp") ==
        Strings{"prevention"});
  CHECK(Labels(*rules, TagOne(*rules, MakeUnit("income of survivors")), "fourp") ==
        Strings{"protection"});
  CHECK(Labels(*rules, TagOne(*rules, MakeUnit("poverty in 1990")), "fourp") == Strings{});
  // A directly assigned label is never removed.
  CHECK(Labels(*rules, TagOne(*rules, MakeUnit("income of survivors and prevention")), "fourp") ==
        Strings{"prevention", "protection"});
}

TEST_CASE("mentions come from the agency registry") {
  auto rules = Rules({{"t.yaml", "dimension: topic\nlabels:\n  a: {any: [x]}\n"}});
  auto tagged = TagOne(*rules, MakeUnit("The International Organization\nfor Migration (IOM) and WHO; who?"));
  CHECK(Labels(*rules, tagged, "mentions") == Strings{"IOM", "WHO"});
  CHECK(Labels(*rules, TagOne(*rules, MakeUnit("the WHO Guidelines")), "mentions") == Strings{});
  CHECK(Labels(*rules, TagOne(*rules, MakeUnit("IOM", UnitKind::kHeading)), "mentions") ==
        Strings{"IOM"});
  CHECK(Labels(*rules, TagOne(*rules, MakeUnit("IOM", UnitKind::kFootnote)), "mentions") ==
        Strings{});
}

TEST_CASE("labels and evidence come out in a fixed order") {
  auto rules = Rules({{"t.yaml", R"(dimension: topic
labels:
  zeta: {any: [b]}
  alpha: {any: [a, b]}
  mid: {any: [a]}
)"}});
  auto tagged = TagOne(*rules, MakeUnit("b a"));
  CHECK(Labels(*rules, tagged, "topic") == Strings{"alpha", "mid", "zeta"});
  CHECK(EvidenceStrings(*rules, tagged) ==
        Strings{"topic:alpha topic/alpha 'b' [0,1)", "topic:zeta topic/zeta 'b' [0,1)",
                "topic:alpha topic/alpha 'a' [2,3)", "topic:mid topic/mid 'a' [2,3)"});
}

TEST_CASE("a user-defined dimension reaches the JSONL without code changes") {
  auto rules = Rules({{"fourp.yaml", "dimension: fourp\nlabels:\n  protection: {any: [shelter*]}\n"},
                      {"zz_target_group.yaml", R"(dimension: target_group
description: who an intervention is for
labels:
  children:
    any: [child*, minors]
  migrants:
    any: [migrant*]
)"}});
  auto tagged = TagOne(*rules, MakeUnit("Shelters for migrant children"));
  std::string json;
  AppendUnitJson(tagged, &rules->schema, &json);
  CHECK(json.find("\"fourp\":[\"protection\"],\"rectype\":[],\"mentions\":[],"
                  "\"target_group\":[\"children\",\"migrants\"],\"text\":") != std::string::npos);
  CHECK(json.find("{\"field\":\"target_group\",\"label\":\"migrants\",\"rule\":"
                  "\"target_group/migrants\",\"match\":\"migrant\",\"begin\":13,\"end\":20}") !=
        std::string::npos);
}

TEST_CASE("tagging is deterministic") {
  auto rules = Rules({{"t.yaml", R"(dimension: topic
labels:
  a: {any: [x, y*, x y], weak: [z]}
  b: {regex: ['x|y'], not: [y2]}
  c: {near: [{a: [x], b: [z], within: 2}]}
)"}});
  std::string text = "x y z yy x y2 z x";
  std::string first, second;
  for (std::string* out : {&first, &second}) {
    Tagger tagger(*rules);
    for (int i = 0; i < 3; ++i) {
      TaggedUnit t;
      REQUIRE(tagger.Tag(MakeUnit(text, UnitKind::kText, "", {}, i + 1), &t).ok());
      AppendUnitJson(t, &rules->schema, out);
    }
  }
  CHECK(first == second);
  CHECK(first.find("\"topic\":[\"a\",\"b\",\"c\"]") != std::string::npos);
}

TEST_CASE("without evidence the labels are the same") {
  auto rules = Rules({{"t.yaml", "dimension: topic\nlabels:\n  a: {any: [x]}\n  b: {any: [y], implies: {other: [c]}}\n"},
                      {"u.yaml", "dimension: other\nlabels:\n  c: {any: [z]}\n"}});
  Tagger full(*rules), lean(*rules, TaggerOptions{false});
  TaggedUnit a, b;
  REQUIRE(full.Tag(MakeUnit("x y"), &a).ok());
  REQUIRE(lean.Tag(MakeUnit("x y"), &b).ok());
  CHECK(a.labels == b.labels);
  CHECK(a.evidence.size() == 3);
  CHECK(b.evidence.empty());
}

}  // namespace
}  // namespace gapmap
