#include "lib/segment/chapter_titles.h"

#include <algorithm>

namespace gapmap {
namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// Collapses whitespace so registry names written over two lines still match.
std::string Squeeze(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : Trim(s)) {
    if (c == ' ' || c == '\t' || c == '\n') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

int Words(std::string_view s) {
  int n = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ';
    if (!space && !in_word) ++n;
    in_word = !space;
  }
  return n;
}

}  // namespace

ChapterTitles::ChapterTitles(const AgencyRegistry& registry) {
  std::vector<Name> names;  // in registry order
  for (size_t i = 0; i < registry.agencies.size(); ++i) {
    const Agency& a = registry.agencies[i];
    int index = static_cast<int>(i);
    for (const std::string& n : a.names) names.push_back({Lower(Squeeze(n)), index, false});
    names.push_back({Lower(Squeeze(a.name)), index, false});
    for (const std::string& n : a.acronyms) names.push_back({Squeeze(n), index, true});
  }
  // Only a name of the candidate's length can equal it: Find() looks at
  // those alone, in registry order.
  for (const Name& n : names) {
    if (n.text.size() >= by_length_.size()) by_length_.resize(n.text.size() + 1);
    by_length_[n.text.size()].push_back(n);
  }
}

static bool EqualsLower(std::string_view text, const std::string& lower) {
  if (text.size() != lower.size()) return false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

int ChapterTitles::Find(std::string_view candidate) const {
  candidate = Trim(candidate);
  if (candidate.empty() || candidate.size() >= by_length_.size()) return -1;
  for (const Name& n : by_length_[candidate.size()]) {
    if (n.exact_case ? n.text == candidate : EqualsLower(candidate, n.text)) return n.agency;
  }
  return -1;
}

int ChapterTitles::Match(std::string_view text) const {
  std::string_view t = Trim(text);
  // A title is a short line or two; longer text is never one.
  if (t.empty() || t.size() > kMaxChars) return -1;
  int agency = FindIn(t);
  // Counting the words is the dearer test and almost every text finds no
  // name, so it is made only for a text that names an agency.
  if (agency >= 0 && Words(t) > kMaxWords) return -1;
  return agency;
}

int ChapterTitles::FindIn(std::string_view t) const {
  if (t.size() > 4 && (t.substr(0, 4) == "The " || t.substr(0, 4) == "the ")) t.remove_prefix(4);
  if (int a = Find(t); a >= 0) return a;
  if (t.back() == ')') {
    size_t open = t.rfind('(');
    if (open != std::string_view::npos && open > 0) {
      if (int a = Find(t.substr(open + 1, t.size() - open - 2)); a >= 0) return a;
      if (int a = Find(t.substr(0, open)); a >= 0) return a;
    }
  }
  size_t comma = t.find(',');
  if (comma != std::string_view::npos) {
    if (int a = Find(t.substr(0, comma)); a >= 0) return a;
  }
  return -1;
}

}  // namespace gapmap
