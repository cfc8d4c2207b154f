#include "lib/segment/dehyphenation.h"

#include <algorithm>

namespace gapmap {
namespace {

bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsLower(char c) { return c >= 'a' && c <= 'z'; }

bool Contains(const std::vector<std::string>* words, std::string_view word) {
  if (words == nullptr || word.empty()) return false;
  std::string lower(word);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::binary_search(words->begin(), words->end(), lower);
}

// True if `text` ends in an ASCII letter followed by '-'.
bool EndsInHyphenatedWord(std::string_view text) {
  return text.size() >= 2 && text.back() == '-' && IsAsciiLetter(text[text.size() - 2]);
}

}  // namespace

bool Dehyphenator::KeepsHyphen(std::string_view before, std::string_view next) const {
  if (next.empty() || !IsLower(next.front())) return true;
  std::string_view stem = before.substr(0, before.size() - 1);  // without '-'
  size_t start = stem.size();
  while (start > 0 && IsAsciiLetter(stem[start - 1])) --start;
  if (start > 0) {
    char c = stem[start - 1];
    if (c == '-' || c == '/' || c == '.' || c == '_' || c == '=' || (c >= '0' && c <= '9')) {
      return true;
    }
  }
  if (Contains(keep_prefixes_, stem.substr(start))) return true;
  size_t end = 0;
  while (end < next.size() && IsAsciiLetter(next[end])) ++end;
  return Contains(keep_second_parts_, next.substr(0, end));
}

void Dehyphenator::JoinAfterHyphen(std::string* text, std::string_view next) const {
  if (EndsInHyphenatedWord(*text)) {
    if (!KeepsHyphen(*text, next)) text->pop_back();
    text->append(next);
    return;
  }
  text->push_back(' ');  // a lone or doubled hyphen: no word broken there
  text->append(next);
}

}  // namespace gapmap
