#include "lib/rules/atom_scanner.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace gapmap {
namespace {

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// The reference: every (atom, end) by trying each atom at each position.
std::set<std::pair<int, size_t>> NaiveHits(const std::vector<std::string>& atoms,
                                           const std::string& text) {
  std::set<std::pair<int, size_t>> hits;
  const std::string lower = Lower(text);
  for (size_t a = 0; a < atoms.size(); ++a) {
    for (size_t pos = lower.find(atoms[a]); pos != std::string::npos;
         pos = lower.find(atoms[a], pos + 1)) {
      hits.emplace(static_cast<int>(a), pos + atoms[a].size());
    }
  }
  return hits;
}

// Hits and atoms of one scan, compared with the naive search.
void CheckScan(const AtomScanner& scanner, const std::vector<std::string>& atoms,
               const std::string& text, AtomScanScratch* scratch) {
  std::vector<int> found;
  scanner.Scan(text, scratch, &found);
  std::set<std::pair<int, size_t>> hits;
  for (const auto& [state, end] : scratch->hits) {
    auto [first, last] = scanner.AtomsAt(state);
    CHECK(first != last);
    for (const int* a = first; a != last; ++a) hits.emplace(*a, end);
  }
  const std::set<std::pair<int, size_t>> expected = NaiveHits(atoms, text);
  CHECK(hits == expected);
  std::set<int> expected_atoms;
  for (const auto& [atom, end] : expected) expected_atoms.insert(atom);
  std::sort(found.begin(), found.end());
  CHECK(found == std::vector<int>(expected_atoms.begin(), expected_atoms.end()));
}

TEST_CASE("AtomScanner finds what a naive search finds, hits and atoms") {
  std::mt19937 rng(7);
  // Few letters, so atoms overlap and share prefixes and suffixes; 0xC5 and
  // a byte in no atom as well.
  const std::string alphabet = "abAB c\xC5x";
  auto random_string = [&](size_t max_len, const std::string& letters) {
    std::string s(1 + rng() % max_len, ' ');
    for (char& c : s) c = letters[rng() % letters.size()];
    return s;
  };
  for (int round = 0; round < 200; ++round) {
    std::vector<std::string> atoms;
    std::set<std::string> distinct;
    const int count = 1 + static_cast<int>(rng() % 12);
    while (static_cast<int>(atoms.size()) < count) {
      std::string atom = Lower(random_string(4, "ab c\xC5"));
      if (distinct.insert(atom).second) atoms.push_back(atom);
    }
    AtomScanner scanner;
    for (const std::string& a : atoms) scanner.Add(a);
    REQUIRE(scanner.Build());
    AtomScanScratch scratch;
    for (int t = 0; t < 5; ++t) CheckScan(scanner, atoms, random_string(40, alphabet), &scratch);
  }
}

// Long texts are read in parts by streams side by side; an atom that
// crosses from one part into the next must still be found, once the streams
// start at every position: every length of text, the atom at every place.
TEST_CASE("AtomScanner finds atoms across the borders of its parts") {
  const std::vector<std::string> atoms = {"abcdefghij", "cdef", "j", "jab", "ab ab ab ab ab"};
  AtomScanner scanner;
  for (const std::string& a : atoms) scanner.Add(a);
  REQUIRE(scanner.Build());
  AtomScanScratch scratch;
  for (size_t n = 1; n <= 140; ++n) {
    for (size_t pos = 0; pos + atoms[0].size() <= n; ++pos) {
      std::string text(n, 'x');
      text.replace(pos, atoms[0].size(), "ABCDEFGhij");
      CheckScan(scanner, atoms, text, &scratch);
    }
    // Overlapping occurrences everywhere: deep states at every border.
    std::string text;
    while (text.size() < n) text += "ab ";
    text.resize(n);
    CheckScan(scanner, atoms, text, &scratch);
  }
}

TEST_CASE("AtomScanner finds what a naive search finds in long texts") {
  std::mt19937 rng(11);
  const std::string letters = "ab c";
  for (int round = 0; round < 100; ++round) {
    std::vector<std::string> atoms;
    std::set<std::string> distinct;
    const int count = 1 + static_cast<int>(rng() % 8);
    while (static_cast<int>(atoms.size()) < count) {
      std::string atom(1 + rng() % 12, ' ');
      for (char& c : atom) c = letters[rng() % letters.size()];
      if (distinct.insert(atom).second) atoms.push_back(atom);
    }
    AtomScanner scanner;
    for (const std::string& a : atoms) scanner.Add(a);
    REQUIRE(scanner.Build());
    AtomScanScratch scratch;
    for (int t = 0; t < 5; ++t) {
      std::string text(rng() % 400, ' ');
      for (char& c : text) c = "abAB cx"[rng() % 7];
      // Atoms planted at random places, so that long ones occur too.
      for (int k = 0; k < 6 && !text.empty(); ++k) {
        const std::string& a = atoms[rng() % atoms.size()];
        const size_t at = rng() % text.size();
        text.replace(at, std::min(a.size(), text.size() - at), a.substr(0, text.size() - at));
      }
      CheckScan(scanner, atoms, text, &scratch);
    }
  }
}

}  // namespace
}  // namespace gapmap
