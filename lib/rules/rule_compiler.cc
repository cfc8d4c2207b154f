#include "lib/rules/rule_compiler.h"

#include <algorithm>
#include <map>
#include <numeric>

#include <fmt/format.h>

#include "lib/rules/term.h"
#include "lib/rules/yaml_access.h"

namespace gapmap {

uint8_t KindMask(const std::vector<UnitKind>& kinds) {
  uint8_t mask = 0;
  for (UnitKind k : kinds) mask |= KindBit(k);
  return mask;
}

std::string_view CueListName(CueList list) {
  switch (list) {
    case CueList::kAny: return "any";
    case CueList::kWeak: return "weak";
    case CueList::kExact: return "exact";
    case CueList::kFirst: return "first";
    case CueList::kRegex: return "regex";
    case CueList::kNot: return "not";
    case CueList::kUnless: return "unless";
    case CueList::kNearA: return "near a";
    case CueList::kNearB: return "near b";
  }
  return "?";
}

namespace {

class Compiler {
 public:
  Compiler(const CompileOptions& options, Schema* schema, CompiledRules* out,
           std::vector<Diagnostic>* errors)
      : options_(options), schema_(schema), out_(out), errors_(errors) {}

  void AddAgencies(const AgencyRegistry& agencies);
  void AddDimensions(const std::vector<DimensionSpec>& dims);
  void Finish();

 private:
  void Error(const SourceLocation& where, std::string message) {
    errors_->push_back(Diagnostic{where, std::move(message)});
  }
  // Returns the pattern index, or -1 after reporting an error.
  int Pattern(const PatternSpec& spec, const std::string& context);
  void Use(const PatternSpec& spec, const std::string& context, uint32_t label, uint16_t near);
  int SectionRegex(const RegexSpec& spec, const std::string& context);
  int AddDimension(const std::string& name, bool multi, uint8_t kinds);

  const CompileOptions& options_;
  Schema* schema_;
  CompiledRules* out_;
  std::vector<Diagnostic>* errors_;
  std::map<std::string, int> pattern_index_;
  std::map<std::string, int> section_index_;
  // Per compiled dimension: its spec (null for mentions).
  std::vector<const DimensionSpec*> specs_;
};

int Compiler::AddDimension(const std::string& name, bool multi, uint8_t kinds) {
  int d = schema_->InternDimension(name, multi);
  CompiledDimension dim;
  dim.name = name;
  dim.multi = multi;
  dim.kind_mask = kinds;
  dim.first_label = dim.end_label = static_cast<uint32_t>(out_->labels.size());
  out_->dimensions.push_back(std::move(dim));
  return d;
}

int Compiler::Pattern(const PatternSpec& spec, const std::string& context) {
  const bool regex = spec.kind == PatternSpec::Kind::kRegex;
  std::string key = fmt::format("{}{}:{}", regex ? 'r' : 't', spec.case_sensitive ? 's' : 'i',
                                spec.text);
  if (!regex) {
    Result<std::vector<Term>> terms = ParseTermEntry(spec.text, spec.case_sensitive);
    if (!terms.ok()) {
      Error(spec.where, fmt::format("{}: {}", context, terms.status().message()));
      return -1;
    }
    const bool at_start = spec.list == CueList::kFirst;
    std::string source = NormalizeLikeText(spec.text);
    for (Term& t : *terms) t.at_start = at_start;
    key = fmt::format("t{}{}:{}", spec.case_sensitive ? 's' : 'i', at_start ? '^' : '-', source);
    auto it = pattern_index_.find(key);
    if (it != pattern_index_.end()) return it->second;
    CompiledPattern p;
    p.kind = spec.kind;
    p.case_sensitive = spec.case_sensitive;
    p.display = at_start ? "^" + source : source;
    p.terms = std::move(*terms);
    p.where = spec.where;
    int index = static_cast<int>(out_->patterns.size());
    out_->patterns.push_back(std::move(p));
    pattern_index_.emplace(key, index);
    return index;
  }
  if (spec.list == CueList::kFirst) {
    Error(spec.where, fmt::format("{}: /{}/: 'first:' holds terms; write a regex that must "
                                  "start the unit under 'regex:', beginning with '^'",
                                  context, spec.text));
    return -1;
  }
  auto it = pattern_index_.find(key);
  if (it != pattern_index_.end()) return it->second;
  RegexOptions ro;
  ro.case_insensitive = !spec.case_sensitive;
  ro.max_mem = options_.per_regex_mem;
  Result<Regex> re = Regex::Compile(spec.text, ro);
  if (!re.ok()) {
    Error(spec.where, fmt::format("{}: invalid regex /{}/: {}", context, spec.text,
                                  re.status().message()));
    return -1;
  }
  if (re->program_size() > options_.max_program_size) {
    Error(spec.where, fmt::format("{}: regex /{}/ compiles to {} instructions, more than the "
                                  "limit of {}; simplify it (fewer or smaller repetitions)",
                                  context, spec.text, re->program_size(),
                                  options_.max_program_size));
    return -1;
  }
  if (re->FullMatch("")) {
    Error(spec.where, fmt::format("{}: regex /{}/ matches the empty string, so it would match "
                                  "every unit",
                                  context, spec.text));
    return -1;
  }
  CompiledPattern p;
  p.kind = spec.kind;
  p.case_sensitive = spec.case_sensitive;
  p.display = "/" + spec.text + "/";
  p.where = spec.where;
  p.regex = static_cast<int>(out_->regexes.size());
  out_->regexes.push_back(*re);
  int index = static_cast<int>(out_->patterns.size());
  out_->patterns.push_back(std::move(p));
  pattern_index_.emplace(key, index);
  return index;
}

void Compiler::Use(const PatternSpec& spec, const std::string& context, uint32_t label,
                   uint16_t near) {
  int p = Pattern(spec, fmt::format("{}: {}", context, CueListName(spec.list)));
  if (p < 0) return;
  out_->patterns[p].uses.push_back(
      PatternUse{label, spec.list, near, static_cast<float>(spec.weight)});
}

int Compiler::SectionRegex(const RegexSpec& spec, const std::string& context) {
  auto it = section_index_.find(spec.pattern);
  if (it != section_index_.end()) return it->second;
  RegexOptions ro;
  ro.case_insensitive = true;
  ro.max_mem = options_.per_regex_mem;
  Result<Regex> re = Regex::Compile(spec.pattern, ro);
  if (!re.ok()) {
    Error(spec.where, fmt::format("{}: invalid regex /{}/: {}", context, spec.pattern,
                                  re.status().message()));
    return -1;
  }
  if (re->program_size() > options_.max_program_size) {
    Error(spec.where, fmt::format("{}: regex /{}/ compiles to {} instructions, more than the "
                                  "limit of {}",
                                  context, spec.pattern, re->program_size(),
                                  options_.max_program_size));
    return -1;
  }
  int index = static_cast<int>(out_->section_regexes.size());
  out_->section_regexes.push_back(*re);
  out_->section_sources.push_back(spec.pattern);
  section_index_.emplace(spec.pattern, index);
  return index;
}

void Compiler::AddAgencies(const AgencyRegistry& agencies) {
  int d = AddDimension(std::string(kMentionsDimension), true, KindMask(MentionKinds()));
  specs_.push_back(nullptr);
  for (const Agency& agency : agencies.agencies) {
    CompiledLabel label;
    label.dimension = d;
    label.id = agency.id;
    label.label = static_cast<uint16_t>(schema_->InternLabel(d, agency.id));
    label.rule = static_cast<uint32_t>(
        schema_->InternRule(fmt::format("{}/{}", kMentionsDimension, agency.id)));
    label.kind_mask = KindMask(MentionKinds());
    label.has_cues = true;
    uint32_t index = static_cast<uint32_t>(out_->labels.size());
    out_->labels.push_back(std::move(label));
    std::string context = fmt::format("agency '{}'", agency.id);
    auto add = [&](const std::vector<std::string>& list, CueList cue, bool cs,
                   std::string_view key) {
      for (const std::string& text : list) {
        PatternSpec p;
        p.text = text;
        p.case_sensitive = cs;
        p.list = cue;
        p.where = agency.where;
        int pattern = Pattern(p, fmt::format("{}: {}", context, key));
        if (pattern < 0) continue;
        out_->patterns[pattern].uses.push_back(PatternUse{index, cue, 0, 1.0f});
      }
    };
    add(agency.names, CueList::kAny, false, "names");
    add(agency.acronyms, CueList::kExact, true, "acronyms");
    add(agency.not_names, CueList::kNot, false, "not");
  }
  out_->dimensions[d].end_label = static_cast<uint32_t>(out_->labels.size());
}

void Compiler::AddDimensions(const std::vector<DimensionSpec>& dims) {
  // A dimension defined twice: name both places.
  std::map<std::string, const DimensionSpec*> first;
  if (!out_->dimensions.empty()) first.emplace(std::string(kMentionsDimension), nullptr);
  std::vector<int> spec_dim(dims.size(), -1);
  for (size_t i = 0; i < dims.size(); ++i) {
    const DimensionSpec& spec = dims[i];
    if (spec.name.empty()) continue;
    auto [it, inserted] = first.emplace(spec.name, &spec);
    if (!inserted) {
      if (it->second == nullptr) {
        Error(spec.where, fmt::format("dimension '{}' is derived from agencies.yaml; it cannot "
                                      "also be defined here",
                                      spec.name));
      } else {
        Error(spec.where, fmt::format("dimension '{}' is defined twice: here and at {}",
                                      spec.name, it->second->where.ToString()));
      }
      continue;
    }
    spec_dim[i] = AddDimension(spec.name, spec.multi, KindMask(spec.kinds));
    specs_.push_back(&spec);
    // Labels first, so that every label has its schema index before priors.
    for (const LabelSpec& l : spec.labels) schema_->InternLabel(spec_dim[i], l.id);
  }
  for (size_t i = 0; i < dims.size(); ++i) {
    if (spec_dim[i] < 0) continue;
    const DimensionSpec& spec = dims[i];
    const int d = spec_dim[i];
    CompiledDimension& dim = out_->dimensions[d];
    dim.first_label = static_cast<uint32_t>(out_->labels.size());
    dim.decide = spec.decide;
    dim.per_words = spec.salience_per_words;
    dim.step = spec.salience_step;
    dim.relative = spec.relative;
    dim.weak_alone = spec.weak_alone;
    if (!spec.multi) {
      dim.default_label = schema_->FindLabel(d, spec.default_label);
      dim.default_rule =
          static_cast<uint32_t>(schema_->InternRule(fmt::format("{}/default", spec.name)));
    }
    for (size_t li = 0; li < spec.labels.size(); ++li) {
      const LabelSpec& ls = spec.labels[li];
      std::string context = fmt::format("rule {}/{}", spec.name, ls.id);
      CompiledLabel label;
      label.dimension = d;
      label.id = ls.id;
      label.label = static_cast<uint16_t>(schema_->FindLabel(d, ls.id));
      label.rule = static_cast<uint32_t>(schema_->InternRule(fmt::format("{}/{}", spec.name, ls.id)));
      label.weight = ls.weight;
      label.min_score = ls.min_score;
      label.min_hits = ls.min_hits;
      label.priority = ls.priority;
      label.has_cues = ls.has_cues();
      label.kind_mask = ls.scope.kinds.empty() ? dim.kind_mask : KindMask(ls.scope.kinds);
      label.parts = ls.scope.parts;
      for (const RegexSpec& s : ls.scope.sections) {
        int r = SectionRegex(s, context + ": scope: sections");
        if (r >= 0) label.sections.push_back(r);
      }
      for (const PriorSpec& ps : ls.priors) {
        CompiledPrior prior;
        prior.parts = ps.parts;
        prior.kind_mask = KindMask(ps.kinds);
        if (ps.section) prior.section = SectionRegex(*ps.section, context + ": prior: section");
        if (!ps.lead_in.empty()) {
          prior.lead_in = schema_->FindLabel(d, ps.lead_in);
          out_->has_lead_in_priors = true;
        }
        prior.score = ps.score;
        prior.rule = static_cast<uint32_t>(schema_->InternRule(
            fmt::format("{}/{}@prior:{}", spec.name, ls.id, ps.condition)));
        label.priors.push_back(std::move(prior));
      }
      for (const NearSpec& n : ls.near) label.near.push_back(CompiledNear{n.within, n.weight});
      label.prior_capable = label.min_hits == 0 && !label.priors.empty();
      label.spec_dimension = static_cast<int>(i);
      label.spec_label = static_cast<int>(li);
      uint32_t index = static_cast<uint32_t>(out_->labels.size());
      out_->labels.push_back(std::move(label));
      for (const PatternSpec& p : ls.cues) Use(p, context, index, 0);
      for (const PatternSpec& p : ls.vetoes) Use(p, context, index, 0);
      for (const PatternSpec& p : ls.unless) Use(p, context, index, 0);
      for (size_t k = 0; k < ls.near.size(); ++k) {
        for (const PatternSpec& p : ls.near[k].a) Use(p, context, index, static_cast<uint16_t>(k));
        for (const PatternSpec& p : ls.near[k].b) Use(p, context, index, static_cast<uint16_t>(k));
      }
    }
    out_->dimensions[d].end_label = static_cast<uint32_t>(out_->labels.size());
  }
  // Implications need every dimension.
  std::vector<std::string> dim_names;
  for (const CompiledDimension& cd : out_->dimensions) dim_names.push_back(cd.name);
  for (CompiledLabel& label : out_->labels) {
    if (label.spec_dimension < 0) continue;
    const LabelSpec& ls = dims[label.spec_dimension].labels[label.spec_label];
    std::string context = fmt::format("rule {}/{}: implies", out_->dimensions[label.dimension].name,
                                      ls.id);
    for (const ImpliesSpec& imp : ls.implies) {
      int target = schema_->FindDimension(imp.dimension);
      if (target < 0) {
        std::string guess = DidYouMean(imp.dimension, dim_names);
        Error(imp.where, fmt::format("{}: unknown dimension '{}'{}", context, imp.dimension,
                                     guess.empty() ? "" : fmt::format("; did you mean '{}'?", guess)));
        continue;
      }
      if (target == label.dimension) {
        Error(imp.where, fmt::format("{}: a label cannot imply labels of its own dimension",
                                     context));
        continue;
      }
      if (!out_->dimensions[target].multi) {
        Error(imp.where, fmt::format("{}: '{}' is single-valued; implied labels go to "
                                     "multi-valued dimensions",
                                     context, imp.dimension));
        continue;
      }
      int l = schema_->FindLabel(target, imp.label);
      if (l < 0) {
        std::string guess = DidYouMean(imp.label, schema_->dimension(target).labels);
        Error(imp.where, fmt::format("{}: '{}' is not a label of dimension '{}'{}", context,
                                     imp.label, imp.dimension,
                                     guess.empty() ? "" : fmt::format("; did you mean '{}'?", guess)));
        continue;
      }
      label.implies.emplace_back(target, static_cast<uint16_t>(l));
    }
    for (const ImpliesSpec& imp : ls.implies_unless) {
      std::string what = context + "_unless";
      int target = schema_->FindDimension(imp.dimension);
      if (target < 0) {
        std::string guess = DidYouMean(imp.dimension, dim_names);
        Error(imp.where,
              fmt::format("{}: unknown dimension '{}'{}", what, imp.dimension,
                          guess.empty() ? "" : fmt::format("; did you mean '{}'?", guess)));
        continue;
      }
      int l = schema_->FindLabel(target, imp.label);
      if (l < 0) {
        std::string guess = DidYouMean(imp.label, schema_->dimension(target).labels);
        Error(imp.where,
              fmt::format("{}: '{}' is not a label of dimension '{}'{}", what, imp.label,
                          imp.dimension,
                          guess.empty() ? "" : fmt::format("; did you mean '{}'?", guess)));
        continue;
      }
      label.implies_unless.push_back(out_->dimensions[target].first_label +
                                     static_cast<uint32_t>(l));
    }
  }
}

void Compiler::Finish() {
  for (uint32_t i = 0; i < out_->labels.size(); ++i) {
    if (out_->labels[i].prior_capable) out_->prior_capable_labels.push_back(i);
  }
  // Name ranks for deterministic, readable ordering.
  auto rank = [](const std::vector<std::string>& names) {
    std::vector<uint32_t> order(names.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](uint32_t a, uint32_t b) { return names[a] < names[b]; });
    std::vector<uint32_t> r(names.size());
    for (uint32_t i = 0; i < order.size(); ++i) r[order[i]] = i;
    return r;
  };
  std::vector<std::string> dims, rules;
  for (int d = 0; d < schema_->dimension_count(); ++d) dims.push_back(schema_->dimension(d).name);
  for (int r = 0; r < schema_->rule_count(); ++r) rules.push_back(schema_->rule_id(r));
  out_->dimension_rank = rank(dims);
  out_->rule_rank = rank(rules);
  out_->label_rank.clear();
  for (int d = 0; d < schema_->dimension_count(); ++d) {
    out_->label_rank.push_back(rank(schema_->dimension(d).labels));
  }
  if (!errors_->empty()) return;
  out_->matcher = UnitMatcher(options_.regex_mem, options_.simulate_set_out_of_memory);
  for (uint32_t p = 0; p < out_->patterns.size(); ++p) {
    const CompiledPattern& pattern = out_->patterns[p];
    if (pattern.kind == PatternSpec::Kind::kTerm) {
      for (const Term& term : pattern.terms) out_->matcher.AddTerm(term, p);
      continue;
    }
    const Regex& re = out_->regexes[pattern.regex];
    std::string set_pattern = pattern.case_sensitive ? re.pattern() : "(?i)" + re.pattern();
    Status s = out_->matcher.AddRegex(re, set_pattern, p);
    if (!s.ok()) Error(pattern.where, fmt::format("regex {}: {}", pattern.display, s.message()));
  }
  Status built = out_->matcher.Build();
  if (!built.ok()) {
    // The set spans every file; point at its largest regex, the first
    // candidate to simplify.
    const CompiledPattern* largest = nullptr;
    for (const CompiledPattern& pattern : out_->patterns) {
      if (pattern.kind == PatternSpec::Kind::kTerm) continue;
      if (largest == nullptr || out_->regexes[pattern.regex].program_size() >
                                    out_->regexes[largest->regex].program_size()) {
        largest = &pattern;
      }
    }
    if (largest == nullptr) {
      Error(SourceLocation{}, built.message());
    } else {
      Error(largest->where,
            fmt::format("{}; the largest of the {} regexes is {} (program size {})",
                        built.message(), out_->regexes.size(), largest->display,
                        out_->regexes[largest->regex].program_size()));
    }
  }
}

}  // namespace

bool CompileRules(const AgencyRegistry* agencies, const std::vector<DimensionSpec>& dimensions,
                  const CompileOptions& options, Schema* schema, CompiledRules* out,
                  std::vector<Diagnostic>* errors) {
  size_t before = errors->size();
  std::vector<Diagnostic> local;
  Compiler compiler(options, schema, out, &local);
  if (agencies != nullptr && !agencies->agencies.empty()) compiler.AddAgencies(*agencies);
  compiler.AddDimensions(dimensions);
  compiler.Finish();
  errors->insert(errors->end(), local.begin(), local.end());
  return errors->size() == before;
}

}  // namespace gapmap
