#include "lib/rules/atom_scanner.h"

#include <cstdint>
#include <deque>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace gapmap {
namespace {

// Texts shorter than this are read by one stream: splitting them would save
// little, and each later stream costs its predecessor a short catch-up.
constexpr size_t kMinSplitBytes = 64;

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
  std::vector<uint32_t> trie_depth(1, 0);  // the length of the prefix a state stands for
  for (size_t id = 0; id < atoms_.size(); ++id) {
    int32_t s = 0;
    for (char ch : atoms_[id]) {
      uint8_t col = column_[static_cast<unsigned char>(ch)];
      if (go[s][col] < 0) {
        go[s][col] = static_cast<int32_t>(go.size());
        go.emplace_back(columns_, -1);
        own.emplace_back();
        trie_depth.push_back(trie_depth[s] + 1);
      }
      s = go[s][col];
    }
    own[s].push_back(static_cast<int>(id));
  }
  const size_t n = go.size();
  // A row holds a multiple of kScale entries, so that an entry (the next
  // state's row offset / kScale) fits 16 bits for up to 65535 * kScale / row
  // states; with 32 columns or fewer a row is one cache line.
  row_ = (columns_ + kScale - 1) / kScale * kScale;
  if (static_cast<uint64_t>(n) * (row_ / kScale) > UINT16_MAX) return false;

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

  // States that end atoms are numbered last (each group in breadth-first
  // order, so the shallow states the scan visits most stay together): "ends
  // atoms" is then a comparison of the entry, off the chain of loads.
  std::vector<uint32_t> number(n);
  uint32_t numbered = 0;
  for (size_t s = 0; s < n; ++s) {
    if (out[s].empty()) number[s] = numbered++;
  }
  atoms_from_ = numbered * (row_ / kScale);
  for (size_t s = 0; s < n; ++s) {
    if (!out[s].empty()) number[s] = numbered++;
  }
  state_count_ = n;
  // Rows start at a cache line (the vector's own start need not).
  constexpr size_t kLine = 64 / sizeof(uint16_t);
  table_.assign(n * row_ + kLine, 0);
  const uintptr_t start = reinterpret_cast<uintptr_t>(table_.data()) / sizeof(uint16_t);
  table_offset_ = (kLine - start % kLine) % kLine;
  uint16_t* next = table_.data() + table_offset_;
  for (size_t s = 0; s < n; ++s) {
    for (uint32_t c = 0; c < columns_; ++c) {
      next[number[s] * row_ + c] = static_cast<uint16_t>(number[go[s][c]] * (row_ / kScale));
    }
  }
  depth_.assign(n, 0);
  std::vector<size_t> by_number(n);
  for (size_t s = 0; s < n; ++s) by_number[number[s]] = s;
  state_atoms_ = FlatLists();
  for (size_t k = 0; k < n; ++k) {
    const size_t s = by_number[k];
    depth_[k] = trie_depth[s];
    state_atoms_.Add(out[s].begin(), out[s].end());
  }
  return true;
}

void AtomScanner::Scan(std::string_view text, AtomScanScratch* scratch,
                       std::vector<int>* found) const {
  found->clear();
  scratch->hits.clear();
  if (atoms_.empty()) return;
  // The seen flags are all clear between scans; only their size may change.
  if (scratch->state_seen.size() < state_count_) scratch->state_seen.resize(state_count_, 0);
  if (scratch->atom_seen.size() < atoms_.size()) scratch->atom_seen.resize(atoms_.size(), 0);
  const size_t n = text.size();
  // Each stream writes the state after each byte it reads to that byte's
  // place in `after`, and a second pass picks out the states that end
  // atoms, 8 at a time: recording only those in the scan cost it a
  // compare and a moving record pointer per byte.
  std::vector<uint16_t>& after = scratch->after;
  if (after.size() < n) after.resize(n);
  uint16_t* const states = after.data();
  const uint16_t* next = table_.data() + table_offset_;
  const uint8_t* column = column_.data();
  const uint32_t atoms_from = atoms_from_;
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text.data());
  // Short texts go to the last stream alone (part 0).
  const size_t part = n >= kMinSplitBytes ? n / kStreams : 0;
  uint32_t s[kStreams] = {};
  // Side by side: stream j reads bytes [j * part, (j + 1) * part).
  for (size_t i = 0; i < part; ++i) {
    for (int j = 0; j < kStreams; ++j) {
      s[j] = next[s[j] * kScale + column[bytes[j * part + i]]];
      states[j * part + i] = static_cast<uint16_t>(s[j]);
    }
  }
  // The last stream reads on to the end.
  constexpr int kLast = kStreams - 1;
  for (size_t i = kLast * part + part; i < n; ++i) {
    s[kLast] = next[s[kLast] * kScale + column[bytes[i]]];
    states[i] = static_cast<uint16_t>(s[kLast]);
  }

  // States -> hits: (state, end).
  auto add_hit = [&](uint32_t entry, size_t end) {
    const uint32_t state = entry / (row_ / kScale);
    scratch->hits.emplace_back(state, static_cast<uint32_t>(end));
  };
  size_t i = 0;
#if defined(__SSE2__)
  // x >= atoms_from where atoms_from - x saturates to 0 (SSE2 has no
  // unsigned 16-bit compare).
  const __m128i from = _mm_set1_epi16(static_cast<short>(atoms_from));
  for (; i + 8 <= n; i += 8) {
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(states + i));
    const __m128i ends = _mm_cmpeq_epi16(_mm_subs_epu16(from, x), _mm_setzero_si128());
    // Two mask bits per state: keep the low one.
    for (uint32_t m = static_cast<uint32_t>(_mm_movemask_epi8(ends)) & 0x5555; m != 0; m &= m - 1) {
      const size_t at = i + static_cast<size_t>(__builtin_ctz(m)) / 2;
      add_hit(states[at], at + 1);
    }
  }
#endif
  for (; i < n; ++i) {
    if (states[i] >= atoms_from) add_hit(states[i], i + 1);
  }
  // Stream j + 1 started at `b` = (j + 1) * part without the bytes before,
  // so it misses atoms that begin before b and end after it: stream j reads
  // on while its state (the text's longest suffix that begins an atom) still
  // begins before b. Once it begins at or after b, stream j + 1 is in the
  // same state, and finds all that follows. Most states are shallow, so this
  // takes a few bytes.
  for (int j = 0; j + 1 < kStreams && part > 0; ++j) {
    const size_t b = (j + 1) * part;
    uint32_t state = s[j];
    for (size_t i = b; i < n && depth_[state / (row_ / kScale)] > i - b; ++i) {
      state = next[state * kScale + column[bytes[i]]];
      if (state >= atoms_from) add_hit(state, i + 1);
    }
  }

  uint8_t* state_seen = scratch->state_seen.data();
  for (const auto& [state, end] : scratch->hits) {
    if (state_seen[state]) continue;
    state_seen[state] = 1;
    for (int atom : state_atoms_[state]) {
      if (!scratch->atom_seen[atom]) {
        scratch->atom_seen[atom] = 1;
        found->push_back(atom);
      }
    }
  }
  for (const auto& [state, end] : scratch->hits) state_seen[state] = 0;
  for (int atom : *found) scratch->atom_seen[atom] = 0;
}

}  // namespace gapmap
