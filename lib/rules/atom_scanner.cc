#include "lib/rules/atom_scanner.h"

#include <deque>

namespace gapmap {
namespace {

unsigned char LowerAscii(unsigned char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c - 'A' + 'a') : c;
}

}  // namespace

void AtomScanner::Add(std::string_view atom) { atoms_.emplace_back(atom); }

bool AtomScanner::Build() {
  // Columns: 0 for bytes in no atom, one per other (lowercased) byte.
  column_.fill(0);
  columns_ = 1;
  for (const std::string& atom : atoms_) {
    for (char ch : atom) {
      unsigned char c = LowerAscii(static_cast<unsigned char>(ch));
      if (column_[c] == 0) column_[c] = static_cast<uint8_t>(columns_++);
    }
  }
  for (int c = 'A'; c <= 'Z'; ++c) column_[c] = column_[c - 'A' + 'a'];

  // The trie of the atoms.
  std::vector<std::vector<int32_t>> go(1, std::vector<int32_t>(columns_, -1));
  std::vector<std::vector<int>> own(1);
  for (size_t id = 0; id < atoms_.size(); ++id) {
    int32_t s = 0;
    for (char ch : atoms_[id]) {
      uint8_t col = column_[static_cast<unsigned char>(ch)];
      if (go[s][col] < 0) {
        go[s][col] = static_cast<int32_t>(go.size());
        go.emplace_back(columns_, -1);
        own.emplace_back();
      }
      s = go[s][col];
    }
    own[s].push_back(static_cast<int>(id));
  }
  const size_t n = go.size();
  if (static_cast<uint64_t>(n) * columns_ >= kHasAtoms) return false;

  // Breadth first: failure links, the completed transitions, and each
  // state's atoms (its own plus those of its failure state, done before it).
  std::vector<int32_t> fail(n, 0);
  std::vector<std::vector<int>> out(n);
  std::deque<int32_t> queue;
  for (uint32_t c = 0; c < columns_; ++c) {
    if (go[0][c] < 0) {
      go[0][c] = 0;
    } else {
      queue.push_back(go[0][c]);
    }
  }
  out[0] = own[0];
  while (!queue.empty()) {
    int32_t u = queue.front();
    queue.pop_front();
    out[u] = own[u];
    out[u].insert(out[u].end(), out[fail[u]].begin(), out[fail[u]].end());
    for (uint32_t c = 0; c < columns_; ++c) {
      int32_t v = go[u][c];
      if (v < 0) {
        go[u][c] = go[fail[u]][c];
      } else {
        fail[v] = go[fail[u]][c];
        queue.push_back(v);
      }
    }
  }

  state_count_ = n;
  next_.assign(n * columns_, 0);
  atoms_begin_.assign(n + 1, 0);
  state_atoms_.clear();
  for (size_t s = 0; s < n; ++s) {
    for (uint32_t c = 0; c < columns_; ++c) {
      uint32_t t = static_cast<uint32_t>(go[s][c]);
      next_[s * columns_ + c] = t * columns_ | (out[t].empty() ? 0 : kHasAtoms);
    }
    atoms_begin_[s] = static_cast<uint32_t>(state_atoms_.size());
    state_atoms_.insert(state_atoms_.end(), out[s].begin(), out[s].end());
  }
  atoms_begin_[n] = static_cast<uint32_t>(state_atoms_.size());
  return true;
}

void AtomScanner::Scan(std::string_view text, AtomScanScratch* scratch,
                       std::vector<int>* found) const {
  found->clear();
  if (atoms_.empty()) return;
  // The seen flags are all clear between scans; only their size may change.
  if (scratch->state_seen.size() < state_count_) scratch->state_seen.resize(state_count_, 0);
  if (scratch->atom_seen.size() < atoms_.size()) scratch->atom_seen.resize(atoms_.size(), 0);
  scratch->states.clear();
  scratch->hits.clear();
  const uint32_t* next = next_.data();
  const uint8_t* column = column_.data();
  uint8_t* state_seen = scratch->state_seen.data();
  uint32_t s = 0;
  auto reached_atoms = [&](size_t i) {
    s &= ~kHasAtoms;
    uint32_t state = s / columns_;
    scratch->hits.emplace_back(state, static_cast<uint32_t>(i + 1));
    if (!state_seen[state]) {
      state_seen[state] = 1;
      scratch->states.push_back(state);
    }
  };
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  const size_t n = text.size();
  size_t i = 0;
  // Four bytes per round: the loop's own count and test cost as much as the
  // table step, and most bytes end no atom.
  for (; i + 4 <= n; i += 4) {
    s = next[s + column[bytes[i]]];
    if (s & kHasAtoms) reached_atoms(i);
    s = next[s + column[bytes[i + 1]]];
    if (s & kHasAtoms) reached_atoms(i + 1);
    s = next[s + column[bytes[i + 2]]];
    if (s & kHasAtoms) reached_atoms(i + 2);
    s = next[s + column[bytes[i + 3]]];
    if (s & kHasAtoms) reached_atoms(i + 3);
  }
  for (; i < n; ++i) {
    s = next[s + column[bytes[i]]];
    if (s & kHasAtoms) reached_atoms(i);
  }
  for (uint32_t state : scratch->states) {
    state_seen[state] = 0;
    for (uint32_t i = atoms_begin_[state]; i < atoms_begin_[state + 1]; ++i) {
      int atom = state_atoms_[i];
      if (!scratch->atom_seen[atom]) {
        scratch->atom_seen[atom] = 1;
        found->push_back(atom);
      }
    }
  }
  for (int atom : *found) scratch->atom_seen[atom] = 0;
}

}  // namespace gapmap
