#include "lib/eval/metrics.h"

#include <doctest/doctest.h>

namespace gapmap {
namespace {

using Labels = std::vector<std::string>;

EvalUnit U(uint32_t line, UnitKind kind, std::string agency, std::string part, Labels stance,
           Labels fourp, Labels rectype, Labels mentions) {
  EvalUnit u;
  u.doc = std::string(1, 'd');  // not = "d": GCC 12 warns falsely (-Wrestrict)
  u.ordinal = line;
  u.line_start = u.line_end = line;
  u.kind = kind;
  u.agency = std::move(agency);
  u.part = std::move(part);
  u.labels = {stance, fourp, rectype, mentions};
  return u;
}

// A small case computed by hand; see the comments for every figure.
struct HandCase {
  std::vector<EvalUnit> gold;
  std::vector<EvalUnit> tagged;
  Alignment alignment;
  HandCase() {
    const auto T = UnitKind::kText, B = UnitKind::kBullet, H = UnitKind::kHeading,
               F = UnitKind::kFootnote;
    gold = {
        U(1, T, "IOM", "mandate", {"activity"}, {"prevention", "protection"}, {"awareness"},
          {"IOM"}),
        U(2, B, "IOM", "gap_analysis", {"gap"}, {"protection"}, {}, {"ILO", "IOM"}),
        U(3, H, "IOM", "gap_analysis", {}, {}, {}, {"IOM"}),
        U(4, F, "IOM", "gap_analysis", {}, {}, {}, {"UNICEF"}),
        U(5, B, "IOM", "recommendations", {"recommendation"}, {"prosecution"}, {}, {}),
        U(6, T, "IOM", "recommendations", {"recommendation"}, {"partnership"}, {}, {"IOM"}),
    };
    gold[4].kind_alt = UnitKind::kHeading;
    tagged = {
        U(1, T, "IOM", "mandate", {"activity"}, {"protection"}, {"awareness", "research_data"},
          {"IOM"}),
        U(2, T, "IOM", "gap_analysis", {"context"}, {"prevention", "protection"}, {}, {"IOM"}),
        U(3, H, "IOM", "gap_analysis", {}, {}, {}, {"ILO", "IOM"}),
        U(4, T, "IOM", "gap_analysis", {"context"}, {}, {}, {"UNICEF"}),
        U(5, H, "IOM", "gap_analysis", {}, {}, {}, {}),
    };
    alignment.tagged_index = {0, 1, 2, 3, 4, -1};
    alignment.unaligned = {5};
  }
};

TEST_CASE("accuracies count unaligned units as wrong and honour kind_alt") {
  HandCase c;
  EvalScores s = Score(c.gold, c.tagged, c.alignment, {true, true, true, true});
  CHECK(s.gold_units == 6);
  CHECK(s.gold_content == 4);
  CHECK(s.gold_headings == 1);
  CHECK(s.gold_noise == 1);
  // kind: 1 ok, 2 ok (bullet vs text: same class), 3 ok, 4 wrong (noise as
  // content), 5 ok through kind_alt, 6 unaligned.
  CHECK(s.kind.numerator == 4);
  CHECK(s.kind.denominator == 6);
  CHECK(s.agency.numerator == 3);  // 6 is unaligned
  CHECK(s.agency.denominator == 4);
  CHECK(s.part.numerator == 2);  // 5 wrong, 6 unaligned
  CHECK(s.stance.accuracy.numerator == 1);
  CHECK(s.stance.accuracy.denominator == 4);
  CHECK(s.kind_confusion["noise"]["content"] == 1);
  CHECK(s.kind_confusion["content"]["heading"] == 1);
  CHECK(s.kind_confusion["content"]["-"] == 1);
  CHECK(s.stance_confusion["gap"]["context"] == 1);
  CHECK(s.stance_confusion["recommendation"]["null"] == 1);
  CHECK(s.stance_confusion["recommendation"]["-"] == 1);
  CHECK(s.stance.per_label["recommendation"].fn == 2);
  CHECK(s.stance.per_label["context"].fp == 1);
  CHECK(s.unaligned == std::vector<int>{5});
}

TEST_CASE("micro and macro F1 match the hand computation") {
  HandCase c;
  EvalScores s = Score(c.gold, c.tagged, c.alignment, {true, true, true, true});
  // fourp: tp protection x2; fp prevention (unit 2); fn prevention (1),
  // prosecution (5), partnership (6). F1 = 2*2 / (2*2 + 1 + 3) = 0.5.
  CHECK(s.fourp.micro.tp == 2);
  CHECK(s.fourp.micro.fp == 1);
  CHECK(s.fourp.micro.fn == 3);
  CHECK(s.fourp.micro_f1().value() == doctest::Approx(0.5));
  CHECK(s.fourp.micro.precision().value() == doctest::Approx(2.0 / 3));
  CHECK(s.fourp.micro.recall().value() == doctest::Approx(0.4));
  // Per-label F1: protection 1, prevention 0, prosecution 0, partnership 0.
  CHECK(s.fourp.per_label.size() == 4);
  CHECK(s.fourp.macro_f1().value() == doctest::Approx(0.25));
  // rectype: awareness tp, research_data fp -> micro 2/3, macro (1 + 0) / 2.
  CHECK(s.rectype.micro_f1().value() == doctest::Approx(2.0 / 3));
  CHECK(s.rectype.macro_f1().value() == doctest::Approx(0.5));
  // mentions over content and heading units (the footnote's UNICEF does not
  // count): tp 3 (1, 2, 3), fp 1 (ILO on 3), fn 2 (ILO on 2, IOM on 6).
  CHECK(s.mentions.micro.tp == 3);
  CHECK(s.mentions.micro.fp == 1);
  CHECK(s.mentions.micro.fn == 2);
  CHECK(s.mentions.micro_f1().value() == doctest::Approx(6.0 / 9));
  CHECK(s.mentions.per_label.count("UNICEF") == 0);
}

TEST_CASE("absent label dimensions are not scored rather than zero") {
  HandCase c;
  EvalScores s = Score(c.gold, c.tagged, c.alignment, {false, false, false, false});
  CHECK_FALSE(s.labels_scored());
  CHECK(s.stance.accuracy.denominator == 0);
  CHECK(s.fourp.per_label.empty());
  std::vector<NamedFigure> figures = NamedFigures(s);
  REQUIRE(figures.size() == 10);
  CHECK(figures[0].name == "kind");
  CHECK(figures[0].value.value() == doctest::Approx(4.0 / 6));
  CHECK(figures[3].name == "stance");
  CHECK_FALSE(figures[3].value.has_value());
  CHECK(figures[3].missing == "not scored: the tagged units carry no stance labels");
  CHECK(figures[9].name == "unaligned");
  CHECK(figures[9].value.value() == 1);
}

TEST_CASE("F1 with nothing expected and nothing predicted is undefined") {
  LabelCounts none;
  CHECK_FALSE(none.f1().defined());
  DimensionScores d;
  CHECK_FALSE(d.macro_f1().has_value());
}

}  // namespace
}  // namespace gapmap
