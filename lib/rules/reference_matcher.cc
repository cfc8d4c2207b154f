#include "lib/rules/reference_matcher.h"

#include <fmt/format.h>

#include "lib/rules/unit_matcher.h"
#include "lib/rules/word_scan.h"

namespace gapmap {

Result<ReferenceMatcher> ReferenceMatcher::Create(const CompiledRules& rules) {
  ReferenceMatcher m;
  m.rules_ = &rules;
  for (const CompiledPattern& p : rules.patterns) {
    if (p.kind != PatternSpec::Kind::kTerm) {
      m.anchored_.push_back(rules.regexes[p.regex]);  // unused placeholder
      m.alternatives_.emplace_back();
      continue;
    }
    RegexOptions options;
    options.case_insensitive = !p.case_sensitive;
    // Alternatives as a regex alternation; the longest match is kept below.
    std::string alternation;
    for (const Term& t : p.terms) {
      if (!alternation.empty()) alternation.push_back('|');
      alternation.append(TermToRegex(t));
    }
    Result<Regex> re = Regex::Compile("^(?:" + alternation + ")", options);
    if (!re.ok()) {
      return Status::Internal(fmt::format("term '{}' translates to a bad regex: {}", p.display,
                                          re.status().message()));
    }
    m.anchored_.push_back(std::move(*re));
    std::vector<Regex> alternatives;
    for (const Term& t : p.terms) {
      Result<Regex> one = Regex::Compile("^(?:" + TermToRegex(t) + ")", options);
      if (!one.ok()) return one.status();
      alternatives.push_back(std::move(*one));
    }
    m.alternatives_.push_back(std::move(alternatives));
  }
  return m;
}

std::vector<Hit> ReferenceMatcher::Match(std::string_view text) const {
  std::vector<Hit> hits;
  // Word starts, found independently of the token matcher's scanner.
  std::vector<size_t> starts;
  for (size_t i = 0; i < text.size();) {
    size_t len;
    CharClass cls = ClassAt(text, i, &len);
    if (cls == CharClass::kWord && (i == 0 || ClassBefore(text, i) != CharClass::kWord)) {
      starts.push_back(i);
    }
    i += len;
  }
  for (uint32_t p = 0; p < rules_->patterns.size(); ++p) {
    const CompiledPattern& pattern = rules_->patterns[p];
    if (pattern.kind == PatternSpec::Kind::kRegex) {
      AppendRegexHits(rules_->regexes[pattern.regex], text, p, &hits);
      continue;
    }
    for (size_t start : starts) {
      if (pattern.terms[0].at_start && start != starts.front()) break;
      // Every alternative on its own: the alternation's leftmost-first match
      // might end inside a word where a longer alternative would not.
      for (const Regex& re : alternatives_[p]) {
        std::string_view rest = text.substr(start);
        size_t b = 0, e = 0;
        if (!re.Find(rest, 0, &b, &e) || b != 0 || e == 0) continue;
        size_t end = start + e;
        size_t len;
        if (end < text.size() && ClassAt(text, end, &len) == CharClass::kWord) continue;
        hits.push_back(Hit{p, static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
      }
    }
  }
  NormalizeHits(&hits);
  return hits;
}

}  // namespace gapmap
