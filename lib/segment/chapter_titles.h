// ChapterTitles: recognises a heading that is an agency chapter's title, such
// as "International Organization for Migration (IOM)", from the names and
// acronyms of the agency registry (rules/agencies.yaml).
//
// A heading is a chapter title when, after dropping a leading "The", it is
//   - one of an agency's names (any case) or acronyms (exact case), or
//   - anything ending in a parenthesised name or acronym of an agency
//     ("United Nations Joint Programme on HIV/AIDS (UNAIDS)"), or
//   - a name followed by a comma clause ("Division for the Advancement of
//     Women, now part of UN Women").
// A heading that merely mentions an agency ("ICAT Background", "IOM's
// priorities") is not a title. Used by the segmenter (a title glued to the
// end of a paragraph starts a new unit) and the section tracker (the title
// sets the agency of the chapter).
#ifndef GAPMAP_SEGMENT_CHAPTER_TITLES_H_
#define GAPMAP_SEGMENT_CHAPTER_TITLES_H_

#include <string>
#include <string_view>
#include <vector>

#include "lib/rules/agency_registry.h"

namespace gapmap {

class ChapterTitles {
 public:
  explicit ChapterTitles(const AgencyRegistry& registry);

  // Index (into the registry) of the agency whose chapter the normalised
  // heading `text` opens, or -1.
  int Match(std::string_view text) const;

  // The most words and characters a title may have.
  static constexpr int kMaxWords = 20;
  static constexpr size_t kMaxChars = 200;

 private:
  int Find(std::string_view candidate) const;
  // Match() without the limit on words: the name `t` is, or holds in
  // parentheses or before a comma, or -1.
  int FindIn(std::string_view t) const;

  struct Name {
    std::string text;  // names: lowercase; acronyms: as written
    int agency;
    bool exact_case;
  };
  // The names and acronyms in registry order, by the length of their text.
  std::vector<std::vector<Name>> by_length_;
};

}  // namespace gapmap

#endif  // GAPMAP_SEGMENT_CHAPTER_TITLES_H_
