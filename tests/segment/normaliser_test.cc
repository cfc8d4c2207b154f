#include "lib/segment/normaliser.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

namespace gapmap {
namespace {

std::string Norm(std::string_view raw) {
  std::string out = "stale";
  NormaliseLine(raw, &out);
  return out;
}

TEST_CASE("curly quotes and apostrophes become straight") {
  CHECK(Norm("Children\u2019s") == "Children's");
  CHECK(Norm("\u201cImproving the coordination\u201d") == "\"Improving the coordination\"");
  CHECK(Norm("\u2018best\u2019 ways") == "'best' ways");
  CHECK(Norm("\u201eGuidelines\u201c") == "\"Guidelines\"");
  CHECK(Norm("``Trafficking in persons\"") == "\"Trafficking in persons\"");
}

TEST_CASE("dashes become hyphens and an em dash keeps its words apart") {
  CHECK(Norm("17\u201320 May") == "17-20 May");
  CHECK(Norm("persons \u2013 what") == "persons - what");
  CHECK(Norm("databases\u2014a vital tool") == "databases - a vital tool");
  CHECK(Norm("\u2014 were employed") == "- were employed");
  CHECK(Norm("a\u2212b") == "a-b");
}

TEST_CASE("ligatures expand and invisible characters go") {
  CHECK(Norm("\uFB01nancial \uFB02ow e\uFB00ort") == "financial flow effort");
  CHECK(Norm("hac\u00ED\u00ADan") == "hac\u00EDan");
  CHECK(Norm("zero\u200Bwidth") == "zerowidth");
  CHECK(Norm("and so\u2026") == "and so...");
}

TEST_CASE("whitespace is collapsed and trimmed") {
  CHECK(Norm("  two   spaces\there  ") == "two spaces here");
  CHECK(Norm("no\u00A0break") == "no break");
  CHECK(Norm("bell\x07here") == "bell here");
  CHECK(Norm("   ") == "");
  CHECK(Norm("") == "");
}

TEST_CASE("plain ascii is copied unchanged and other letters are kept") {
  CHECK(Norm("Plain text, already clean.") == "Plain text, already clean.");
  CHECK(Norm("C\u00F4te d\u2019Ivoire") == "C\u00F4te d'Ivoire");
  CHECK(Norm("\u2022 bullet") == "\u2022 bullet");
}

TEST_CASE("every byte class is seen wherever it falls in a 16-byte block") {
  for (size_t pad = 0; pad < 40; ++pad) {
    std::string a(pad + 1, 'a');
    a[0] = 'x';
    CHECK(Norm(a + "  b") == a + " b");
    CHECK(Norm(a + " b  c") == a + " b c");
    CHECK(Norm(a + "\u2019s " + a) == a + "'s " + a);
    CHECK(Norm(a + "`x\x7Fy\tz" + a) == a + "'x y z" + a);
    CHECK(Norm("x" + a + " \u00A0 " + a + "y") == "x" + a + " " + a + "y");
    CHECK(Norm(a + "b c d e f g h i j k l m n o p q r s t") ==
          a + "b c d e f g h i j k l m n o p q r s t");
  }
}

// The contract, one piece at a time: what each piece the random lines below
// are made of becomes, and a space pending between pieces of text.
struct Piece {
  std::string raw;
  enum { kText, kSpace, kDrop, kSpaced } kind;
  std::string text;  // kText, kSpaced
};

std::string NormOnePieceAtATime(const std::vector<const Piece*>& pieces) {
  std::string out;
  bool space = false;
  auto put = [&](const std::string& s) {
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out += s;
  };
  for (const Piece* p : pieces) {
    switch (p->kind) {
      case Piece::kText:
        put(p->text);
        break;
      case Piece::kSpace:
        space = space || !out.empty();
        break;
      case Piece::kDrop:
        break;
      case Piece::kSpaced:
        space = space || !out.empty();
        put(p->text);
        space = true;
        break;
    }
  }
  return out;
}

TEST_CASE("random lines normalise like the contract applied piece by piece") {
  // Words, single and doubled spaces, tabs, controls and the characters the
  // normaliser maps, at every offset in and across 16-byte blocks.
  const std::vector<Piece> kinds = {
      {"a", Piece::kText, "a"},        {"word", Piece::kText, "word"},
      {"Zq.,", Piece::kText, "Zq.,"},  {"\u00E9", Piece::kText, "\u00E9"},
      {" ", Piece::kSpace, ""},        {"  ", Piece::kSpace, ""},
      {"\t", Piece::kSpace, ""},       {"\x7F", Piece::kSpace, ""},
      {"\u00A0", Piece::kSpace, ""},   {"\u200B", Piece::kDrop, ""},
      {"\u2019", Piece::kText, "'"},   {"\u201C", Piece::kText, "\""},
      {"\u2014", Piece::kSpaced, "-"}, {"\uFB01", Piece::kText, "fi"},
      {"`", Piece::kText, "'"},
  };
  std::mt19937 rng(3);
  for (int round = 0; round < 20000; ++round) {
    std::vector<const Piece*> pieces;
    std::string raw;
    size_t count = rng() % 30;
    // Mostly words and single spaces, as in prose, so long plain runs occur.
    for (size_t k = 0; k < count; ++k) {
      const Piece* p =
          rng() % 3 != 0 ? &kinds[k % 2 == 0 ? rng() % 3 : 4] : &kinds[rng() % kinds.size()];
      // "``" is one double quote, not two single ones: keep backquotes apart.
      if (p->raw == "`" && !raw.empty() && raw.back() == '`') continue;
      pieces.push_back(p);
      raw += p->raw;
    }
    CAPTURE(raw);
    std::string expected = NormOnePieceAtATime(pieces);
    CHECK(Norm(raw) == expected);
    // The view gives the same text, from the line itself or from the scratch.
    std::string scratch = "stale";
    std::string_view view = NormaliseLineView(raw, &scratch);
    CHECK(view == expected);
    bool in_raw = view.data() >= raw.data() && view.data() + view.size() <= raw.data() + raw.size();
    CHECK((in_raw || view.data() == scratch.data()));
  }
}

TEST_CASE("a line that needs no change beyond trimming is viewed in place") {
  std::string scratch = "stale";
  std::string raw = "  Plain words, one space apart.\t";
  std::string_view view = NormaliseLineView(raw, &scratch);
  CHECK(view == "Plain words, one space apart.");
  CHECK(view.data() == raw.data() + 2);
  CHECK(scratch == "stale");  // untouched
  raw = "Two  spaces";
  CHECK(NormaliseLineView(raw, &scratch) == "Two spaces");
  CHECK(scratch == "Two spaces");
}

TEST_CASE("a line is said to hold no digit only when it holds none") {
  // The digit search rides along the plain-line check 16 bytes at a time and
  // the rest as an overlapping block: a digit at every position of lines of
  // many lengths is seen, and a line without one is said to have none.
  std::string scratch;
  for (size_t length : {1, 2, 15, 16, 17, 31, 32, 33, 47, 60}) {
    std::string words;
    for (size_t i = 0; i < length; ++i) words.push_back(i % 6 == 5 ? ' ' : 'w');
    if (words.back() == ' ') words.back() = 'w';
    bool digits = true;
    NormaliseLineView(words, &scratch, &digits);
    CHECK_FALSE(digits);
    for (size_t at = 0; at < length; ++at) {
      for (char d : {'0', '9'}) {
        CAPTURE(length);
        CAPTURE(at);
        std::string line = words;
        line[at] = d;
        digits = false;
        CHECK(NormaliseLineView(line, &scratch, &digits) == Norm(line));
        CHECK(digits);
      }
    }
  }
  // Bytes next to the digits' range are no digits.
  bool digits = true;
  NormaliseLineView("/:/:/:/:/:/:/:/:/:/:", &scratch, &digits);
  CHECK_FALSE(digits);
  // A line that needs normalising is not searched: it may hold one.
  digits = false;
  NormaliseLineView("caf\u00E9 au lait", &scratch, &digits);
  CHECK(digits);
}

TEST_CASE("kept characters and stray bytes are copied as they are, spaces around them collapsed") {
  // They stay in the run of text copied at once; the spaces beside them
  // still collapse to one, and a pending space still comes before them.
  CHECK(Norm("\u2022 item,  \u00E9t\u00E9\u00A0\u00E9t\u00E9 ok") ==
        "\u2022 item, \u00E9t\u00E9 \u00E9t\u00E9 ok");
  CHECK(Norm("a\xFF b  \xFF\u2019c") == "a\xFF b \xFF'c");
  CHECK(Norm("\xFF") == "\xFF");
  CHECK(Norm("x\u200B\u00E9\u200By") == "x\u00E9y");
}

TEST_CASE("leading spaces count the indent") {
  CHECK(LeadingSpaces("  See IOM") == 2);
  CHECK(LeadingSpaces(" \tx") == 2);
  CHECK(LeadingSpaces("x ") == 0);
}

}  // namespace
}  // namespace gapmap
