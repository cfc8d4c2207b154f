// Dehyphenation: joining the lines of a unit, deciding for a word broken at a
// line end by a hyphen whether the hyphen belongs to the word.
//
// The rule (word lists from rules/structure.yaml `hyphenation`): at a line
// that ends in letter + '-', the hyphen is KEPT and the halves joined without
// a space ("counter-" + "trafficking" -> "counter-trafficking") when
//   1. the next line does not start with a lowercase letter ("Secretary-" +
//      "General", "COVID-" + "19"), or
//   2. the part before the hyphen is itself a compound or a URL (it follows
//      another '-', a '/', '.', '_', '=' or a digit), or
//   3. that part is a hyphen-keeping prefix (`keep_prefixes`: anti, counter,
//      non, multi, ...), or
//   4. the word after the hyphen is a hyphen-keeping second part
//      (`keep_second_parts`: based, building, friendly, term, ...).
// Otherwise the hyphen was the typesetter's and is dropped ("Secre-" + "tary"
// -> "Secretary"). Lines not ending in letter + '-' are joined with one space.
#ifndef GAPMAP_SEGMENT_DEHYPHENATION_H_
#define GAPMAP_SEGMENT_DEHYPHENATION_H_

#include <string>
#include <string_view>
#include <vector>

namespace gapmap {

class Dehyphenator {
 public:
  // The word lists must be lowercase and sorted (StructureRules keeps them so).
  Dehyphenator(const std::vector<std::string>* keep_prefixes,
               const std::vector<std::string>* keep_second_parts)
      : keep_prefixes_(keep_prefixes), keep_second_parts_(keep_second_parts) {}

  // Appends the normalised line `next` to `text` (the unit's text so far).
  // Inline: it runs for nearly every line, and the common join (a space)
  // out of line cost more in saved registers than in work.
  void Join(std::string* text, std::string_view next) const {
    if (next.empty()) return;
    if (!text->empty()) {
      if (text->back() == '-') {
        JoinAfterHyphen(text, next);
        return;
      }
      text->push_back(' ');
    }
    text->append(next);
  }

  // Whether `before` (text ending in letter + '-') keeps its hyphen when the
  // next line starts with `next`.
  bool KeepsHyphen(std::string_view before, std::string_view next) const;

 private:
  // Join() of a `text` that ends in '-'.
  void JoinAfterHyphen(std::string* text, std::string_view next) const;

  const std::vector<std::string>* keep_prefixes_;
  const std::vector<std::string>* keep_second_parts_;
};

}  // namespace gapmap

#endif  // GAPMAP_SEGMENT_DEHYPHENATION_H_
