// AtomScanner: which of a fixed set of strings ("atoms") occur in a text, in
// one pass over its bytes (Aho–Corasick).
//
// The regex prefilter (regex_prefilter.h) asks it for the literal atoms its
// regexes need. Letters are compared without ASCII case (the atoms come
// lowercased); every other byte exactly. Bytes that occur in no atom share one
// column of the transition table, and each table entry already holds the next
// row's offset, so a byte costs a table load: the scan must be cheaper than
// the RE2 set scan it lets the matcher skip. Each load waits for the one
// before (the table is too big for the first-level cache), so the text is
// read by several streams side by side, one per part: their waits overlap.
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

#include "lib/core/flat_lists.h"
#include "lib/rules/match_types.h"

namespace gapmap {

class AtomScanner {
 public:
  // Adds a non-empty atom; its id is the number of atoms added before it.
  void Add(std::string_view atom);
  // False if the table would not fit its 16-bit entries (then no Scan()).
  bool Build();

  // Sets `found` to the ids of the atoms that occur in `text`, each once, in
  // no particular order, and scratch->hits to (state, end) for every end of
  // atoms, in no particular order and some of them twice: AtomsAt(state) are
  // the atoms that end there.
  void Scan(std::string_view text, AtomScanScratch* scratch, std::vector<int>* found) const;

  // The atoms that end where the scan reached `state`.
  FlatLists::Items AtomsAt(uint32_t state) const { return state_atoms_[state]; }
  size_t atom_length(int atom) const { return atoms_[atom].size(); }

  size_t atom_count() const { return atoms_.size(); }
  size_t state_count() const { return state_count_; }

 private:
  // Streams that read the parts of one text side by side.
  static constexpr int kStreams = 4;
  // A table entry is the next state's row offset / kScale (an x86 address
  // scale: the step stays one load and an address computation).
  static constexpr uint32_t kScale = 8;

  std::vector<std::string> atoms_;
  std::array<uint8_t, 256> column_{};  // byte -> table column
  uint32_t columns_ = 1;
  uint32_t row_ = kScale;  // entries per row: columns_ rounded up to kScale
  size_t state_count_ = 0;
  // From table_offset_ on: [state * row_ + column] = next state * row_ /
  // kScale. 16 bits, so the table stays small: the scan reads it at random
  // and between units the rest of the pipeline evicts it from the caches.
  // The states that end atoms come last: entries from atoms_from_ on.
  std::vector<uint16_t> table_;
  size_t table_offset_ = 0;
  uint32_t atoms_from_ = 0;
  std::vector<uint32_t> depth_;  // per state: the length of the atom prefix it stands for
  FlatLists state_atoms_;  // per state: the atoms ending there (its own and its suffixes' atoms)
};

}  // namespace gapmap

#endif  // GAPMAP_RULES_ATOM_SCANNER_H_
