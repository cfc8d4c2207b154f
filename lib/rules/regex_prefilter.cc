#include "lib/rules/regex_prefilter.h"

#include <re2/filtered_re2.h>
#include <re2/re2.h>

#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_map>

#include "lib/rules/regex_length.h"
#include "lib/rules/regex_syntax.h"

namespace gapmap {
namespace {

bool IsAscii(const std::string& s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Atoms of one or two letters or spaces ("a", "in", " ") occur in nearly
// every unit: looking for them would cost the scan a report at most words
// and rule out nothing. Atoms of one character otherwise are kept: `:\s*$`
// has no other.
bool Scannable(const std::string& atom) {
  if (atom.empty() || !IsAscii(atom)) return false;
  if (atom.size() > 2) return true;
  for (char c : atom) {
    if (c != ' ' && !(c >= 'a' && c <= 'z')) return true;
  }
  return false;
}

// UTF-8 of the code points FoldsWithAscii() names: finding one makes the
// scanner's answer unusable for the unit. They are looked for apart from the
// atoms: their bytes would add five columns to the scanner's table, which
// then no longer has rows of one cache line.
constexpr std::string_view kFoldGuards[] = {"\xC5\xBF", "\xE2\x84\xAA"};

// Clauses of atoms to scan for, such that every match of `pattern` holds an
// atom of each clause (none if no such clause exists). FilteredRE2 computes
// the pattern's atoms and an AND/OR formula over them that every match
// satisfies; a set of atoms is such a clause if the formula fails with all
// the other atoms present. Each clause is made minimal, dropping short atoms
// (the frequent ones) first, and later clauses avoid the atoms of earlier
// ones: e.g. `\b(?:is|are) (?:now )?(?:seeking|working)` gets the clauses
// {seeking, working} and {is , are }.
std::vector<std::vector<std::string>> Clauses(const std::string& pattern) {
  constexpr int kMaxClauses = 4;
  std::vector<std::vector<std::string>> clauses;
  re2::FilteredRE2 own(1);
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_log_errors(false);
  int id = -1;
  if (own.Add(pattern, options, &id) != RE2::NoError) return clauses;
  std::vector<std::string> atoms;
  own.Compile(&atoms);
  const int n = static_cast<int>(atoms.size());
  // True if the formula holds with every atom present but those of `absent`.
  std::vector<int> present, passed;
  auto holds_without = [&](const std::vector<bool>& absent) {
    present.clear();
    for (int a = 0; a < n; ++a) {
      if (!absent[a]) present.push_back(a);
    }
    own.AllPotentials(present, &passed);
    return !passed.empty();
  };
  std::vector<int> order;
  for (int a = 0; a < n; ++a) {
    if (Scannable(atoms[a])) order.push_back(a);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](int x, int y) { return atoms[x].size() < atoms[y].size(); });
  std::vector<bool> used(n, false);
  while (static_cast<int>(clauses.size()) < kMaxClauses) {
    std::vector<bool> absent(n, false);
    bool any = false;
    for (int a : order) {
      if (!used[a]) absent[a] = any = true;
    }
    if (!any || holds_without(absent)) break;
    for (int a : order) {
      if (!absent[a]) continue;
      absent[a] = false;
      if (holds_without(absent)) absent[a] = true;  // needed in the clause
    }
    std::vector<std::string> clause;
    for (int a : order) {
      if (absent[a]) {
        clause.push_back(atoms[a]);
        used[a] = true;
      }
    }
    clauses.push_back(std::move(clause));
  }
  return clauses;
}

}  // namespace

RegexPrefilter::RegexPrefilter() = default;
RegexPrefilter::RegexPrefilter(RegexPrefilter&&) noexcept = default;
RegexPrefilter& RegexPrefilter::operator=(RegexPrefilter&&) noexcept = default;
RegexPrefilter::~RegexPrefilter() = default;

void RegexPrefilter::Add(std::string_view pattern) { patterns_.emplace_back(pattern); }

void RegexPrefilter::Build() {
  const int regexes = static_cast<int>(patterns_.size());
  if (regexes == 0) return;
  std::unordered_map<std::string, int> scanner_id;
  std::vector<std::vector<int>> atom_clauses, window_regexes;
  auto atom_id = [&](const std::string& atom) {
    auto [it, added] = scanner_id.emplace(atom, static_cast<int>(atom_clauses.size()));
    if (added) {
      scanner_.Add(atom);
      atom_clauses.emplace_back();
      window_regexes.emplace_back();
    }
    return it->second;
  };
  reach_.assign(regexes, -1);
  stops_.assign(regexes, std::bitset<256>());
  clause_count_.assign(regexes, 0);
  at_end_.assign(regexes, 0);
  for (int r = 0; r < regexes; ++r) {
    std::vector<std::vector<std::string>> clauses = Clauses(patterns_[r]);
    if (clauses.empty()) {
      always_.push_back(r);
      continue;
    }
    for (size_t c = 0; c < clauses.size(); ++c) {
      const int clause = static_cast<int>(clause_regex_.size());
      clause_regex_.push_back(r);
      for (const std::string& atom : clauses[c]) {
        int id = atom_id(atom);
        atom_clauses[id].push_back(clause);
        // Windows go around the atoms of the first clause, the most selective.
        if (c == 0) window_regexes[id].push_back(r);
      }
    }
    clause_count_[r] = static_cast<int>(clauses.size());
    reach_[r] = MaxMatchBytes(patterns_[r]);
    std::optional<RegexNode> tree = ParseRegexSyntax(patterns_[r]);
    at_end_[r] = tree && AnchoredAtEnd(*tree);
    if (reach_[r] < 0) stops_[r] = ~MatchableBytes(patterns_[r]);
  }
  atom_clauses_.Assign(atom_clauses);
  window_regexes_.Assign(window_regexes);
  built_ = scanner_.Build();
}

bool RegexPrefilter::HoldsAsciiFold(std::string_view text) {
  for (std::string_view guard : kFoldGuards) {
    if (text.find(guard) != std::string_view::npos) return true;
  }
  return false;
}

bool RegexPrefilter::Candidates(std::string_view text, PrefilterScratch* scratch,
                                std::vector<int>* candidates) const {
  if (!built_ || HoldsAsciiFold(text)) return false;
  scanner_.Scan(text, &scratch->scan, &scratch->found);
  std::vector<uint8_t>& clause_hit = scratch->clause_hit;
  std::vector<uint16_t>& clauses_met = scratch->clauses_met;
  if (clause_hit.size() < clause_regex_.size()) clause_hit.resize(clause_regex_.size(), 0);
  if (clauses_met.size() < patterns_.size()) clauses_met.resize(patterns_.size(), 0);
  *candidates = always_;
  scratch->clauses.clear();
  for (int atom : scratch->found) {
    for (int clause : atom_clauses_[atom]) {
      if (clause_hit[clause]) continue;
      clause_hit[clause] = 1;
      scratch->clauses.push_back(clause);
      int r = clause_regex_[clause];
      if (++clauses_met[r] == clause_count_[r]) candidates->push_back(r);
    }
  }
  for (int clause : scratch->clauses) {
    clause_hit[clause] = 0;
    clauses_met[clause_regex_[clause]] = 0;
  }
  FindWindows(*candidates, text, scratch);
  return true;
}

void RegexPrefilter::FindWindows(const std::vector<int>& candidates, std::string_view text,
                                 PrefilterScratch* scratch) const {
  const size_t text_size = text.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  // One pass over the atoms found makes the windows of every candidate (a
  // pass per candidate cost more than its RE2 search): (regex, begin, end),
  // then sorted by regex and merged.
  std::vector<uint8_t>& windowed = scratch->windowed;
  if (windowed.size() < patterns_.size()) windowed.resize(patterns_.size(), 0);
  std::vector<RegexWindow>& stretch = scratch->stretches;
  if (stretch.size() < patterns_.size()) stretch.resize(patterns_.size());
  bool any = false;
  for (int r : candidates) {
    if (reach_[r] >= 0 || stops_[r].any()) {
      windowed[r] = 1;
      stretch[r] = RegexWindow{};  // none yet: no atom ends at 0
      any = true;
    }
  }
  std::vector<PrefilterScratch::Window>& all = scratch->all_windows;
  all.clear();
  if (!any) return;
  for (const auto& [state, end] : scratch->scan.hits) {
    auto [first, last] = scanner_.AtomsAt(state);
    for (const int* a = first; a != last; ++a) {
      const size_t length = scanner_.atom_length(*a);
      for (int r : window_regexes_[*a]) {
        if (!windowed[r]) continue;
        size_t begin = end - length, stop = end;
        if (reach_[r] >= 0) {
          // A match holding the atom [end - length, end) is at most `reach`
          // long: it starts at or after end - reach and ends by the atom's
          // start + reach.
          const size_t reach = std::max(static_cast<size_t>(reach_[r]), length);
          begin = end >= reach ? end - reach : 0;
          stop = std::min(text_size, end - length + reach);
        } else if (RegexWindow& known = stretch[r]; known.begin <= begin && stop <= known.end) {
          // In the stretch found for an earlier atom: the same stretch (read
          // again, many atoms in a long stretch would cost their number
          // times its length).
          begin = known.begin;
          stop = known.end;
        } else {
          // A match holding the atom holds none of the stop bytes: it lies
          // in the stretch around the atom that is free of them.
          const std::bitset<256>& stops = stops_[r];
          while (begin > 0 && !stops[bytes[begin - 1]]) --begin;
          while (stop < text_size && !stops[bytes[stop]]) ++stop;
          known = RegexWindow{static_cast<uint32_t>(begin), static_cast<uint32_t>(stop), 0};
        }
        // Every match of a regex that ends in `$` ends at the text's end:
        // a window short of it holds none (`:\s*$` around a ':' mid-unit).
        if (at_end_[r] && stop != text_size) continue;
        all.push_back({r, {static_cast<uint32_t>(begin), static_cast<uint32_t>(stop),
                           static_cast<uint32_t>(end - length)}});
      }
    }
  }
  for (int r : candidates) windowed[r] = 0;
  std::sort(all.begin(), all.end(), [](const auto& x, const auto& y) {
    return x.regex != y.regex ? x.regex < y.regex : x.range.begin < y.range.begin;
  });
  size_t out = 0;
  for (size_t i = 0; i < all.size(); ++i) {
    const RegexWindow& w = all[i].range;
    if (out > 0 && all[out - 1].regex == all[i].regex && w.begin <= all[out - 1].range.end) {
      RegexWindow& last = all[out - 1].range;
      last.end = std::max(last.end, w.end);
      last.last_atom = std::max(last.last_atom, w.last_atom);
    } else {
      all[out++] = all[i];
    }
  }
  all.resize(out);
}

bool RegexPrefilter::Windows(int r, PrefilterScratch* scratch) const {
  if (reach_[r] < 0 && stops_[r].none()) return false;
  const std::vector<PrefilterScratch::Window>& all = scratch->all_windows;
  auto it = std::lower_bound(all.begin(), all.end(), r,
                             [](const PrefilterScratch::Window& w, int x) { return w.regex < x; });
  scratch->windows.clear();
  for (; it != all.end() && it->regex == r; ++it) scratch->windows.push_back(it->range);
  return true;
}

}  // namespace gapmap
