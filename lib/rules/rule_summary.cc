#include "lib/rules/rule_summary.h"

#include <fmt/format.h>

#include <filesystem>
#include <set>

namespace gapmap {
namespace {

std::string Count(size_t n, std::string_view noun) {
  bool es = noun.size() > 1 && noun.back() == 'x';
  return fmt::format("{} {}{}", n, noun, n == 1 ? "" : (es ? "es" : "s"));
}

std::string Kinds(uint8_t mask) {
  std::vector<std::string_view> names;
  for (int k = 0; k < kUnitKindCount; ++k) {
    if (mask & (1u << k)) names.push_back(KindName(static_cast<UnitKind>(k)));
  }
  return fmt::format("{}", fmt::join(names, ", "));
}

}  // namespace

std::string FormatRuleSummary(const RuleSet& rules) {
  const CompiledRules& c = rules.compiled;
  std::string out = fmt::format("rules: {} ({} files, content sha256 {})\n", rules.dir,
                                rules.files.size(), rules.content_hash);
  // Patterns per dimension (distinct within the dimension).
  std::vector<std::set<uint32_t>> patterns(c.dimensions.size());
  for (uint32_t p = 0; p < c.patterns.size(); ++p) {
    for (const PatternUse& use : c.patterns[p].uses) {
      patterns[c.labels[use.label].dimension].insert(p);
    }
  }
  for (size_t d = 0; d < c.dimensions.size(); ++d) {
    const CompiledDimension& dim = c.dimensions[d];
    std::string file = std::filesystem::path(rules.agencies.file).filename().string();
    int examples = 0;
    if (dim.name == kMentionsDimension) {
      for (const Agency& a : rules.agencies.agencies)
        examples += static_cast<int>(a.examples.size());
    }
    for (const DimensionSpec& spec : rules.dimensions) {
      if (spec.name != dim.name) continue;
      file = std::filesystem::path(spec.file).filename().string();
      for (const LabelSpec& l : spec.labels) examples += static_cast<int>(l.examples.size());
    }
    std::string shape =
        dim.multi ? "multi-valued"
                  : fmt::format("single-valued, default {}, decide by {}",
                                rules.schema.label_name(static_cast<int>(d), dim.default_label),
                                dim.decide == Decide::kPriority ? "priority" : "score");
    out += fmt::format("  {:<16} {}: {}, {}, {} ({}; kinds {})\n", file, dim.name,
                       Count(dim.end_label - dim.first_label, "label"),
                       Count(patterns[d].size(), "pattern"), Count(examples, "example"), shape,
                       Kinds(dim.kind_mask));
  }
  size_t terms = 0;
  for (const CompiledPattern& p : c.patterns) terms += p.kind == PatternSpec::Kind::kTerm;
  out += fmt::format(
      "compiled: {}: {} ({} word variants, {} KiB of tables), {} (RE2 program size {}, "
      "{} in the one-pass set), {}\n",
      Count(c.patterns.size(), "distinct pattern"), Count(terms, "term"),
      c.matcher.terms().variant_count(), (c.matcher.terms().memory_bytes() + 1023) / 1024,
      Count(c.matcher.regex_count(), "regex"), c.matcher.regex_program_size(),
      c.matcher.set_regex_count(), Count(c.section_regexes.size(), "section regex"));
  return out;
}

}  // namespace gapmap
