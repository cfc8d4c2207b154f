#include "lib/rules/fold_text.h"

#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "lib/rules/word_scan.h"

namespace gapmap {
namespace {

struct Folded {
  std::string folded;  // the text's bytes, 0 outside words
  std::vector<bool> word;
  size_t words = 0;
};

// The definition, code point by code point (word_scan.h).
Folded Reference(const std::string& text) {
  Folded out;
  out.folded.assign(text.size(), '\0');
  out.word.assign(text.size(), false);
  bool in_word = false;
  for (size_t i = 0; i < text.size();) {
    size_t len;
    const CharClass cls = ClassAt(text, i, &len);
    if (cls == CharClass::kWord) {
      const std::string folded = FoldCase(text.substr(i, len));
      REQUIRE(folded.size() == len);
      out.folded.replace(i, len, folded);
      if (!in_word) ++out.words;
    }
    for (size_t k = i; k < i + len; ++k) out.word[k] = cls == CharClass::kWord;
    in_word = cls == CharClass::kWord;
    i += len;
  }
  return out;
}

Folded Fast(const std::string& text) {
  // The buffers start dirty where FoldText() promises to write.
  std::string folded(FoldedBufferSize(text.size()), 'x');
  std::vector<uint64_t> word(BitWords(text.size()), 0);
  Folded out;
  out.words = FoldText(text, folded.data(), word.data());
  out.folded = folded.substr(0, text.size());
  for (size_t i = text.size(); i < (text.size() / 64 + 1) * 64; ++i) {
    INFO("padding byte " << i);
    CHECK(folded[i] == '\0');
  }
  for (size_t i = 0; i < text.size(); ++i) out.word.push_back((word[i / 64] >> (i % 64)) & 1);
  for (size_t i = text.size(); i < BitWords(text.size()) * 64; ++i) {
    INFO("bit past the end " << i);
    CHECK(((word[i / 64] >> (i % 64)) & 1) == 0);
  }
  return out;
}

TEST_CASE("folding a text in blocks gives what the code point definition gives") {
  // Pieces that fold, split or end words, of 1 to 4 bytes, so that code
  // points cross the 64-byte blocks at every offset.
  const std::vector<std::string> pieces = {
      "a", "Z", "7", " ", "-", ".", "\t", "\x01", "\x7f", "Trafficking", "\u00c9",
      "\u00e9", "\u0130", "\u0391", "\u2014", "\u00a0", "\u2019", "\xe2\x82", "\xff",
      "\U0001F600", "\u4e2d", "\u0410\u0411"};
  std::mt19937 rng(7);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const size_t target = rng() % 300;
    while (text.size() < target) text += pieces[rng() % pieces.size()];
    INFO("text: " << text);
    const Folded want = Reference(text), got = Fast(text);
    CHECK(got.folded == want.folded);
    CHECK(got.word == want.word);
    CHECK(got.words == want.words);
  }
}

TEST_CASE("a block of plain ASCII and its neighbours") {
  const std::string block(64, 'A');
  for (const std::string& text : {std::string(), block, block + "b", "b" + block,
                                  block + "\u00c9" + block, std::string(63, ' ') + "\u00c9x"}) {
    INFO("text: " << text);
    const Folded want = Reference(text), got = Fast(text);
    CHECK(got.folded == want.folded);
    CHECK(got.word == want.word);
    CHECK(got.words == want.words);
  }
}

}  // namespace
}  // namespace gapmap
