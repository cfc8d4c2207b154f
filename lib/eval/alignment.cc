#include "lib/eval/alignment.h"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>
#include <tuple>

namespace gapmap {

Alignment Align(const std::vector<EvalUnit>& gold, const std::vector<EvalUnit>& tagged) {
  Alignment result;
  result.tagged_index.assign(gold.size(), -1);

  // Group both sides by document.
  std::map<std::string_view, std::pair<std::vector<int>, std::vector<int>>> by_doc;
  for (int t = 0; t < static_cast<int>(tagged.size()); ++t)
    by_doc[tagged[t].doc].first.push_back(t);
  for (int g = 0; g < static_cast<int>(gold.size()); ++g) by_doc[gold[g].doc].second.push_back(g);

  for (auto& [doc, sides] : by_doc) {
    auto& [units, queries] = sides;
    if (units.empty() || queries.empty()) continue;
    std::sort(units.begin(), units.end(), [&](int a, int b) {
      return std::tie(tagged[a].line_start, a) < std::tie(tagged[b].line_start, b);
    });
    std::stable_sort(queries.begin(), queries.end(),
                     [&](int a, int b) { return gold[a].line_start < gold[b].line_start; });
    // Sweep the lines upwards: `active` holds the units that started at or
    // before the current line, best candidate first. A unit that ended before
    // the current line stays ended for every later line, so it is dropped
    // lazily when it reaches the front.
    using Candidate = std::tuple<uint32_t /*span*/, uint32_t /*ordinal*/, int /*index*/>;
    std::set<Candidate> active;
    size_t next = 0;
    for (int g : queries) {
      uint32_t line = gold[g].line_start;
      for (; next < units.size() && tagged[units[next]].line_start <= line; ++next) {
        const EvalUnit& u = tagged[units[next]];
        active.emplace(u.line_end - u.line_start, u.ordinal, units[next]);
      }
      // Ended units are not necessarily at the front; skip them without
      // losing ones that still contain later lines.
      for (auto it = active.begin(); it != active.end();) {
        const EvalUnit& u = tagged[std::get<2>(*it)];
        if (u.line_end >= line) {
          result.tagged_index[g] = std::get<2>(*it);
          break;
        }
        it = active.erase(it);
      }
    }
  }
  for (int g = 0; g < static_cast<int>(gold.size()); ++g) {
    if (result.tagged_index[g] < 0) result.unaligned.push_back(g);
  }
  return result;
}

}  // namespace gapmap
