// AtomScanner: which of a fixed set of strings ("atoms") occur in a text, in
// one pass over its bytes (Aho–Corasick).
//
// The regex prefilter (regex_prefilter.h) asks it for the literal atoms its
// regexes need. Letters are compared without ASCII case (the atoms come
// lowercased); every other byte exactly. Bytes that occur in no atom share one
// column of the transition table, and each table entry already holds the next
// row's offset, so a byte costs a table load and a test: the scan must be
// cheaper than the RE2 set scan it lets the matcher skip.
//
// Build once, then Scan() from many threads, each with its own scratch.
#ifndef GAPMAP_RULES_ATOM_SCANNER_H_
#define GAPMAP_RULES_ATOM_SCANNER_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "lib/rules/match_types.h"

namespace gapmap {

class AtomScanner {
 public:
  // Adds a non-empty atom; its id is the number of atoms added before it.
  void Add(std::string_view atom);
  // False if the table would not fit its 31-bit offsets (then no Scan()).
  bool Build();

  // Sets `found` to the ids of the atoms that occur in `text`, each once, in
  // no particular order, and scratch->hits to every (state, end) where atoms
  // end, in text order: AtomsAt(state) are those atoms.
  void Scan(std::string_view text, AtomScanScratch* scratch, std::vector<int>* found) const;

  // The atoms that end where the scan reached `state`: [first, second).
  std::pair<const int*, const int*> AtomsAt(uint32_t state) const {
    return {state_atoms_.data() + atoms_begin_[state], state_atoms_.data() + atoms_begin_[state + 1]};
  }
  size_t atom_length(int atom) const { return atoms_[atom].size(); }

  size_t atom_count() const { return atoms_.size(); }
  size_t state_count() const { return state_count_; }

 private:
  static constexpr uint32_t kHasAtoms = 1u << 31;  // in a table entry: the state ends atoms

  std::vector<std::string> atoms_;
  std::array<uint8_t, 256> column_{};  // byte -> table column
  uint32_t columns_ = 1;
  size_t state_count_ = 0;
  // [state * columns_ + column] = next state * columns_ (| kHasAtoms).
  std::vector<uint32_t> next_;
  // Atoms ending at each state (its own and those of its suffixes): CSR.
  std::vector<uint32_t> atoms_begin_;
  std::vector<int> state_atoms_;
};

}  // namespace gapmap

#endif  // GAPMAP_RULES_ATOM_SCANNER_H_
