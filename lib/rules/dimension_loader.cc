#include "lib/rules/dimension_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "lib/rules/rule_file.h"
#include "lib/rules/yaml_access.h"

namespace gapmap {
namespace {

bool IsIdentifier(std::string_view s, bool first_letter) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return !first_letter || (s[0] >= 'a' && s[0] <= 'z');
}

std::vector<std::string> KindNames() {
  std::vector<std::string> names;
  for (int k = 0; k < kUnitKindCount; ++k) {
    names.emplace_back(KindName(static_cast<UnitKind>(k)));
  }
  return names;
}

std::string JoinKinds(const std::vector<UnitKind>& kinds) {
  std::vector<std::string_view> names;
  for (UnitKind k : kinds) names.push_back(KindName(k));
  return fmt::format("{}", fmt::join(names, ", "));
}

class Loader {
 public:
  Loader(const YamlDocument& doc, DimensionSpec* spec, std::vector<Diagnostic>* errors)
      : doc_(doc), spec_(spec), errors_(errors), check_(doc.file(), errors) {}

  void Load();

 private:
  std::string Rule(const std::string& label) const {
    return fmt::format("rule {}/{}", spec_->name.empty() ? "?" : spec_->name, label);
  }
  SourceLocation At(const YamlNode* node) const { return check_.LocationOf(node); }

  std::vector<UnitKind> Kinds(const YamlNode& node, const std::string& what);
  std::vector<std::string> Parts(const YamlNode& node, const std::string& what);
  std::optional<RegexSpec> RegexEntry(const YamlNode& node, const std::string& what);
  void PatternList(const YamlNode& node, const std::string& what, CueList list, bool case_sensitive,
                   double default_weight, std::vector<PatternSpec>* out);
  // A construct written as one map or a list of them (`shape` in the error
  // for anything else): its maps.
  std::vector<const YamlNode*> MapOrMaps(const YamlNode& node, const std::string& what,
                                         std::string_view shape);
  void Near(const YamlNode& node, const std::string& context, LabelSpec* label);
  void Scope(const YamlNode& node, const std::string& context, LabelSpec* label);
  void Priors(const YamlNode& node, const std::string& context, LabelSpec* label);
  void Implies(const YamlNode& node, const std::string& what, std::vector<ImpliesSpec>* out);
  void Examples(const YamlNode& node, const std::string& context, LabelSpec* label);
  void Example(const YamlNode& node, const std::string& context, bool should_match,
               LabelSpec* label);
  void Label(const YamlNode& key, const YamlNode& value);

  const YamlDocument& doc_;
  DimensionSpec* spec_;
  std::vector<Diagnostic>* errors_;
  YamlChecker check_;
};

std::vector<UnitKind> Loader::Kinds(const YamlNode& node, const std::string& what) {
  std::vector<UnitKind> kinds;
  auto names = check_.StringList(node, what);
  if (!names) return kinds;
  std::vector<const YamlNode*> items = node.ItemsOrSelf();
  for (size_t i = 0; i < names->size(); ++i) {
    const YamlNode* item = items[i];
    std::optional<UnitKind> kind = ParseKind((*names)[i]);
    if (!kind) {
      std::string guess = DidYouMean((*names)[i], KindNames());
      check_.Error(
          item,
          fmt::format("{}: unknown unit kind '{}'{}", what, (*names)[i],
                      guess.empty() ? " (expected text, bullet, heading, footnote or furniture)"
                                    : fmt::format("; did you mean '{}'?", guess)));
      continue;
    }
    if (std::find(kinds.begin(), kinds.end(), *kind) == kinds.end()) kinds.push_back(*kind);
  }
  return kinds;
}

std::vector<std::string> Loader::Parts(const YamlNode& node, const std::string& what) {
  std::vector<std::string> parts;
  auto names = check_.StringList(node, what);
  if (!names) return parts;
  std::vector<const YamlNode*> items = node.ItemsOrSelf();
  for (size_t i = 0; i < names->size(); ++i) {
    const YamlNode* item = items[i];
    const std::string& part = (*names)[i];
    const auto& known = KnownParts();
    if (std::find(known.begin(), known.end(), part) == known.end()) {
      std::string guess = DidYouMean(part, known);
      if (!guess.empty()) {
        check_.Error(item,
                     fmt::format("{}: unknown part '{}'; did you mean '{}'?", what, part, guess));
        continue;
      }
      if (!IsIdentifier(part, true)) {
        check_.Error(item,
                     fmt::format("{}: part '{}' is not a name like 'recommendations'", what, part));
        continue;
      }
    }
    parts.push_back(part);
  }
  return parts;
}

std::optional<RegexSpec> Loader::RegexEntry(const YamlNode& node, const std::string& what) {
  auto s = check_.String(node, what);
  if (!s) return std::nullopt;
  if (s->empty()) {
    check_.Error(&node, fmt::format("{}: empty pattern", what));
    return std::nullopt;
  }
  return RegexSpec{*s, At(&node)};
}

void Loader::PatternList(const YamlNode& node, const std::string& what, CueList list,
                         bool case_sensitive, double default_weight,
                         std::vector<PatternSpec>* out) {
  std::vector<const YamlNode*> items;
  if (node.IsSequence()) {
    items = node.items;
    if (items.empty()) check_.Error(&node, fmt::format("{}: empty list", what));
  } else if (node.IsScalar() || node.IsMap()) {
    items.push_back(&node);
  } else {
    check_.Error(&node,
                 fmt::format("{}: expected a list of terms, found {}", what, node.TypeName()));
    return;
  }
  const bool regex_list = list == CueList::kRegex;
  for (const YamlNode* item : items) {
    PatternSpec p;
    p.list = list;
    p.case_sensitive = case_sensitive;
    p.weight = default_weight;
    p.where = At(item);
    const YamlNode* text_node = item;
    if (item->IsMap()) {
      check_.CheckKeys(*item, {"term", "regex", "weight"}, what);
      const YamlNode* term = item->Find("term");
      const YamlNode* regex = item->Find("regex");
      if ((term == nullptr) == (regex == nullptr)) {
        check_.Error(item, fmt::format("{}: an entry written as a mapping needs exactly one of "
                                       "'term:' or 'regex:' (and optionally 'weight:')",
                                       what));
        continue;
      }
      if (regex_list && term != nullptr) {
        check_.Error(term, fmt::format("{}: 'term:' entries belong in any/weak/exact; "
                                       "this list holds regexes",
                                       what));
        continue;
      }
      text_node = term != nullptr ? term : regex;
      p.kind = regex != nullptr ? PatternSpec::Kind::kRegex : PatternSpec::Kind::kTerm;
      p.where = At(text_node);
      if (const YamlNode* w = item->Find("weight")) {
        if (auto v = check_.Number(*w, what + ": weight", 0, 1000)) p.weight = *v;
      }
    } else {
      p.kind = regex_list ? PatternSpec::Kind::kRegex : PatternSpec::Kind::kTerm;
    }
    if (!text_node->IsScalar()) {
      check_.Error(text_node,
                   fmt::format("{}: expected a term, found {}", what, text_node->TypeName()));
      continue;
    }
    std::string text = text_node->scalar;
    if (p.kind == PatternSpec::Kind::kTerm && !item->IsMap() && text.size() >= 2 &&
        text.front() == '/' && text.back() == '/') {
      p.kind = PatternSpec::Kind::kRegex;
      text = text.substr(1, text.size() - 2);
    }
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
      check_.Error(text_node, fmt::format("{}: empty pattern", what));
      continue;
    }
    p.text = std::move(text);
    out->push_back(std::move(p));
  }
}

std::vector<const YamlNode*> Loader::MapOrMaps(const YamlNode& node, const std::string& what,
                                               std::string_view shape) {
  if (node.IsSequence() || node.IsMap()) return node.ItemsOrSelf();
  check_.Error(&node,
               fmt::format("{}: expected a list of {}, found {}", what, shape, node.TypeName()));
  return {};
}

void Loader::Near(const YamlNode& node, const std::string& context, LabelSpec* label) {
  std::string what = context + ": near";
  for (const YamlNode* item : MapOrMaps(node, what, "{a: [...], b: [...], within: N}")) {
    if (!check_.Map(*item, what)) continue;
    check_.CheckKeys(*item, {"a", "b", "within", "weight"}, what);
    NearSpec near;
    near.where = At(item);
    const YamlNode* a = item->Find("a");
    const YamlNode* b = item->Find("b");
    if (a == nullptr || b == nullptr) {
      check_.Error(item, fmt::format("{}: needs both 'a:' and 'b:' term lists", what));
      continue;
    }
    PatternList(*a, what + ": a", CueList::kNearA, false, 1.0, &near.a);
    PatternList(*b, what + ": b", CueList::kNearB, false, 1.0, &near.b);
    if (const YamlNode* w = item->Find("within")) {
      if (auto v = check_.Int(*w, what + ": within", 0, 100)) near.within = static_cast<int>(*v);
    }
    if (const YamlNode* w = item->Find("weight")) {
      if (auto v = check_.Number(*w, what + ": weight", 0, 1000)) near.weight = *v;
    }
    label->near.push_back(std::move(near));
  }
}

void Loader::Scope(const YamlNode& node, const std::string& context, LabelSpec* label) {
  std::string what = context + ": scope";
  if (!check_.Map(node, what)) return;
  check_.CheckKeys(node, {"kinds", "parts", "sections"}, what);
  if (const YamlNode* n = node.Find("kinds")) {
    label->scope.kinds = Kinds(*n, what + ": kinds");
    for (UnitKind k : label->scope.kinds) {
      if (std::find(spec_->kinds.begin(), spec_->kinds.end(), k) == spec_->kinds.end()) {
        check_.Error(n, fmt::format("{}: kinds: '{}' is not one of the dimension's kinds ({})",
                                    what, KindName(k), JoinKinds(spec_->kinds)));
      }
    }
  }
  if (const YamlNode* n = node.Find("parts")) label->scope.parts = Parts(*n, what + ": parts");
  if (const YamlNode* n = node.Find("sections")) {
    for (const YamlNode* item : n->ItemsOrSelf()) {
      if (auto r = RegexEntry(*item, what + ": sections")) label->scope.sections.push_back(*r);
    }
  }
}

void Loader::Priors(const YamlNode& node, const std::string& context, LabelSpec* label) {
  std::string what = context + ": prior";
  for (const YamlNode* item : MapOrMaps(node, what, "{<condition>: ..., score: N}")) {
    if (!check_.Map(*item, what)) continue;
    check_.CheckKeys(*item, {"part", "kind", "section", "lead_in", "score"}, what);
    PriorSpec prior;
    prior.where = At(item);
    std::vector<std::string> condition;
    if (const YamlNode* n = item->Find("part")) {
      prior.parts = Parts(*n, what + ": part");
      condition.push_back(fmt::format("part={}", fmt::join(prior.parts, "|")));
    }
    if (const YamlNode* n = item->Find("kind")) {
      prior.kinds = Kinds(*n, what + ": kind");
      std::vector<std::string_view> names;
      for (UnitKind k : prior.kinds) names.push_back(KindName(k));
      condition.push_back(fmt::format("kind={}", fmt::join(names, "|")));
    }
    if (const YamlNode* n = item->Find("section")) {
      prior.section = RegexEntry(*n, what + ": section");
      if (prior.section) condition.push_back("section=" + prior.section->pattern);
    }
    if (const YamlNode* n = item->Find("lead_in")) {
      if (auto s = check_.String(*n, what + ": lead_in")) {
        prior.lead_in = *s;
        prior.lead_in_where = At(n);
        condition.push_back("lead_in=" + *s);
      }
    }
    if (const YamlNode* n = item->Find("score")) {
      if (auto v = check_.Number(*n, what + ": score", -1000, 1000)) prior.score = *v;
    } else {
      check_.Error(item, fmt::format("{}: missing 'score:' (what the condition adds)", what));
    }
    if (condition.empty() && item->Find("part") == nullptr && item->Find("kind") == nullptr &&
        item->Find("section") == nullptr && item->Find("lead_in") == nullptr) {
      check_.Error(item, fmt::format("{}: needs a condition: one or more of part, kind, "
                                     "section, lead_in",
                                     what));
      continue;
    }
    prior.condition = fmt::format("{}", fmt::join(condition, ","));
    label->priors.push_back(std::move(prior));
  }
}

void Loader::Implies(const YamlNode& node, const std::string& what, std::vector<ImpliesSpec>* out) {
  if (!node.IsMap()) {
    check_.Error(&node, fmt::format("{}: expected a mapping of dimension -> labels, "
                                    "as in '{{fourp: [partnership]}}', found {}",
                                    what, node.TypeName()));
    return;
  }
  for (const auto& [key, value] : node.entries) {
    if (!key->IsScalar()) continue;
    auto labels = check_.StringList(*value, what + ": " + key->scalar);
    if (!labels) continue;
    std::vector<const YamlNode*> items = value->ItemsOrSelf();
    for (size_t i = 0; i < labels->size(); ++i) {
      out->push_back(ImpliesSpec{key->scalar, (*labels)[i], At(items[i])});
    }
  }
}

void Loader::Example(const YamlNode& node, const std::string& what, bool should_match,
                     LabelSpec* label) {
  ExampleSpec ex;
  ex.should_match = should_match;
  ex.where = At(&node);
  if (node.IsScalar()) {
    ex.text = node.scalar;
  } else if (node.IsMap()) {
    check_.CheckKeys(node, {"text", "kind", "part", "section", "lead_in"}, what);
    const YamlNode* text = node.Find("text");
    if (text == nullptr) {
      check_.Error(&node, fmt::format("{}: an example written as a mapping needs 'text:'", what));
      return;
    }
    auto s = check_.String(*text, what + ": text");
    if (!s) return;
    ex.text = *s;
    if (const YamlNode* n = node.Find("kind")) {
      std::vector<UnitKind> kinds = Kinds(*n, what + ": kind");
      if (kinds.size() == 1) {
        ex.kind = kinds[0];
        ex.kind_given = true;
      } else if (!kinds.empty()) {
        check_.Error(n, fmt::format("{}: kind: give one kind", what));
      }
    }
    if (const YamlNode* n = node.Find("part")) {
      std::vector<std::string> parts = Parts(*n, what + ": part");
      if (parts.size() == 1) {
        ex.part = parts[0];
      } else if (!parts.empty()) {
        check_.Error(n, fmt::format("{}: part: give one part", what));
      }
    }
    if (const YamlNode* n = node.Find("section")) {
      if (auto l = check_.StringList(*n, what + ": section")) ex.section = *l;
    }
    if (const YamlNode* n = node.Find("lead_in")) {
      if (auto l = check_.String(*n, what + ": lead_in")) ex.lead_in = *l;
    }
  } else {
    check_.Error(&node, fmt::format("{}: expected a text or {{text: ..., kind: ..., part: ...}}, "
                                    "found {}",
                                    what, node.TypeName()));
    return;
  }
  if (ex.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    check_.Error(&node, fmt::format("{}: empty example", what));
    return;
  }
  label->examples.push_back(std::move(ex));
}

void Loader::Examples(const YamlNode& node, const std::string& context, LabelSpec* label) {
  std::string what = context + ": examples";
  if (!node.IsMap()) {
    check_.Error(&node, fmt::format("{}: expected 'match:' and/or 'no_match:' lists, found {}",
                                    what, node.TypeName()));
    return;
  }
  check_.CheckKeys(node, {"match", "no_match"}, what);
  for (const auto& [key_name, should_match] :
       {std::pair<const char*, bool>{"match", true}, {"no_match", false}}) {
    const YamlNode* list = node.Find(key_name);
    if (list == nullptr) continue;
    std::string list_what = what + ": " + key_name;
    if (list->IsSequence()) {
      for (const YamlNode* item : list->items) Example(*item, list_what, should_match, label);
    } else {
      Example(*list, list_what, should_match, label);
    }
  }
}

void Loader::Label(const YamlNode& key, const YamlNode& value) {
  LabelSpec label;
  label.id = key.scalar;
  label.where = At(&key);
  std::string context = Rule(label.id);
  if (!IsIdentifier(label.id, false)) {
    check_.Error(&key, fmt::format("{}: label ids are lower-case letters, digits and '_' "
                                   "(as in 'victim_assistance'), not '{}'",
                                   context, label.id));
  }
  if (value.IsNull()) {
    // `context:` with nothing under it: a label with no cues (only valid as default).
  } else if (!check_.Map(value, context)) {
    return;
  } else {
    check_.CheckKeys(value,
                     {"description", "any", "weak", "exact", "first", "regex", "near", "not",
                      "unless", "weight", "min_hits", "min_score", "priority", "scope", "prior",
                      "implies", "implies_unless", "examples"},
                     context);
    if (const YamlNode* n = value.Find("description")) {
      if (auto s = check_.String(*n, context + ": description")) label.description = *s;
    }
    if (const YamlNode* n = value.Find("any")) {
      PatternList(*n, context + ": any", CueList::kAny, false, 1.0, &label.cues);
    }
    if (const YamlNode* n = value.Find("weak")) {
      PatternList(*n, context + ": weak", CueList::kWeak, false, 0.5, &label.cues);
    }
    if (const YamlNode* n = value.Find("exact")) {
      PatternList(*n, context + ": exact", CueList::kExact, true, 1.0, &label.cues);
    }
    if (const YamlNode* n = value.Find("first")) {
      PatternList(*n, context + ": first", CueList::kFirst, false, 1.0, &label.cues);
    }
    if (const YamlNode* n = value.Find("regex")) {
      PatternList(*n, context + ": regex", CueList::kRegex, false, 1.0, &label.cues);
    }
    if (const YamlNode* n = value.Find("near")) Near(*n, context, &label);
    if (const YamlNode* n = value.Find("not")) {
      PatternList(*n, context + ": not", CueList::kNot, false, 1.0, &label.vetoes);
    }
    if (const YamlNode* n = value.Find("unless")) {
      PatternList(*n, context + ": unless", CueList::kUnless, false, 1.0, &label.unless);
    }
    if (const YamlNode* n = value.Find("weight")) {
      if (auto v = check_.Number(*n, context + ": weight", 0, 1000)) label.weight = *v;
    }
    if (const YamlNode* n = value.Find("min_hits")) {
      if (auto v = check_.Int(*n, context + ": min_hits", 0, 1000)) {
        label.min_hits = static_cast<int>(*v);
        label.min_hits_given = true;
      }
    }
    if (const YamlNode* n = value.Find("min_score")) {
      if (auto v = check_.Number(*n, context + ": min_score", 0, 1e6)) label.min_score = *v;
    }
    if (const YamlNode* n = value.Find("priority")) {
      if (auto v = check_.Int(*n, context + ": priority", -1000, 1000)) {
        label.priority = static_cast<int>(*v);
      }
    }
    if (const YamlNode* n = value.Find("scope")) Scope(*n, context, &label);
    if (const YamlNode* n = value.Find("prior")) Priors(*n, context, &label);
    if (const YamlNode* n = value.Find("implies")) {
      Implies(*n, context + ": implies", &label.implies);
    }
    if (const YamlNode* n = value.Find("implies_unless")) {
      Implies(*n, context + ": implies_unless", &label.implies_unless);
      if (!label.implies_unless.empty() && value.Find("implies") == nullptr) {
        check_.Error(n, fmt::format("{}: implies_unless: the label implies nothing (add "
                                    "'implies:')",
                                    context));
      }
    }
    if (const YamlNode* n = value.Find("examples")) Examples(*n, context, &label);
  }
  if (!label.min_hits_given) label.min_hits = label.has_cues() ? 1 : 0;
  bool is_default = !spec_->multi && label.id == spec_->default_label;
  // A cue list whose every entry was wrong has already been reported.
  bool cue_keys = false;
  for (const char* key : {"any", "weak", "exact", "first", "regex", "near"}) {
    cue_keys |= value.IsMap() && value.Find(key) != nullptr;
  }
  if (!label.has_cues() && label.priors.empty() && !is_default && !cue_keys) {
    check_.Error(&key, fmt::format("{}: has no cues: give at least one of any, weak, exact, "
                                   "first, regex, near (or a prior)",
                                   context));
  } else if (!label.has_cues() && label.min_hits > 0 && !is_default) {
    check_.Error(&key, fmt::format("{}: min_hits is {} but the label has no cues, so it can "
                                   "never be assigned",
                                   context, label.min_hits));
  }
  spec_->labels.push_back(std::move(label));
}

void Loader::Load() {
  const YamlNode* root = doc_.root();
  if (root == nullptr) return;
  if (!check_.Map(*root, "dimension file")) return;
  check_.CheckKeys(*root,
                   {"dimension", "multi", "description", "kinds", "default", "decide", "salience",
                    "relative", "weak_alone", "labels"},
                   "dimension file");
  const YamlNode* name = root->Find("dimension");
  if (name == nullptr) {
    check_.Error(root,
                 "dimension file: missing 'dimension:' (the output field these labels "
                 "fill, e.g. 'dimension: fourp')");
  } else if (auto s = check_.String(*name, "dimension")) {
    spec_->where = At(name);
    if (!IsIdentifier(*s, true)) {
      check_.Error(name, fmt::format("dimension: '{}' is not a name: use lower-case letters, "
                                     "digits and '_', starting with a letter",
                                     *s));
    } else if (IsReservedFieldName(*s)) {
      check_.Error(name, fmt::format("dimension: '{}' is a field every unit already has; "
                                     "choose another name",
                                     *s));
    } else if (*s == "mentions") {
      check_.Error(name,
                   "dimension: 'mentions' is derived from agencies.yaml; add names "
                   "there instead");
    } else {
      spec_->name = *s;
    }
  }
  std::string context = spec_->name.empty() ? "dimension" : "dimension '" + spec_->name + "'";
  if (const YamlNode* n = root->Find("multi")) {
    if (auto b = check_.Bool(*n, context + ": multi")) spec_->multi = *b;
  }
  if (const YamlNode* n = root->Find("description")) {
    if (auto s = check_.String(*n, context + ": description")) spec_->description = *s;
  }
  if (const YamlNode* n = root->Find("kinds")) {
    std::vector<UnitKind> kinds = Kinds(*n, context + ": kinds");
    if (!kinds.empty()) spec_->kinds = kinds;
  }
  const YamlNode* def = root->Find("default");
  if (def != nullptr) {
    if (spec_->multi) {
      check_.Error(def, fmt::format("{}: 'default:' is only for single-valued dimensions "
                                    "(add 'multi: false')",
                                    context));
    } else if (auto s = check_.String(*def, context + ": default")) {
      spec_->default_label = *s;
      spec_->default_where = At(def);
      if (!IsIdentifier(*s, false)) {
        check_.Error(def, fmt::format("{}: default: '{}' is not a label id", context, *s));
      }
    }
  } else if (!spec_->multi) {
    check_.Error(root, fmt::format("{}: a single-valued dimension (multi: false) needs "
                                   "'default:', the label of a unit no label fits",
                                   context));
  }
  if (const YamlNode* n = root->Find("decide")) {
    if (spec_->multi) {
      check_.Error(n, fmt::format("{}: 'decide:' is only for single-valued dimensions", context));
    } else if (auto s = check_.String(*n, context + ": decide")) {
      if (*s == "priority") {
        spec_->decide = Decide::kPriority;
      } else if (*s == "score") {
        spec_->decide = Decide::kScore;
      } else {
        check_.Error(
            n, fmt::format("{}: decide: expected 'priority' or 'score', found '{}'", context, *s));
      }
    }
  }
  if (const YamlNode* n = root->Find("salience")) {
    std::string what = context + ": salience";
    if (check_.Map(*n, what)) {
      check_.CheckKeys(*n, {"per_words", "step"}, what);
      const YamlNode* per = n->Find("per_words");
      const YamlNode* step = n->Find("step");
      if (per == nullptr || step == nullptr) {
        check_.Error(n, fmt::format("{}: needs both 'per_words:' and 'step:'", what));
      } else {
        auto p = check_.Int(*per, what + ": per_words", 1, 1000000);
        auto s = check_.Number(*step, what + ": step", 0, 1000);
        if (p && s) {
          spec_->salience_per_words = static_cast<int>(*p);
          spec_->salience_step = *s;
        }
      }
    }
  }
  if (const YamlNode* n = root->Find("relative")) {
    if (!spec_->multi) {
      check_.Error(n, fmt::format("{}: 'relative:' is only for multi-valued dimensions (a "
                                  "single-valued one keeps its best label anyway)",
                                  context));
    } else if (auto r = check_.Number(*n, context + ": relative", 0, 1)) {
      spec_->relative = *r;
    }
  }
  if (const YamlNode* n = root->Find("weak_alone")) {
    if (auto b = check_.Bool(*n, context + ": weak_alone")) spec_->weak_alone = *b;
  }
  const YamlNode* labels = root->Find("labels");
  if (labels == nullptr) {
    check_.Error(root, fmt::format("{}: missing 'labels:'", context));
    return;
  }
  if (labels->IsNull() && !spec_->multi) {
    // Only a default.
  } else if (!check_.Map(*labels, context + ": labels")) {
    return;
  }
  std::map<std::string, const YamlNode*> seen;
  for (const auto& [key, value] : labels->entries) {
    if (!key->IsScalar()) {
      check_.Error(key, fmt::format("{}: labels: a label id must be a plain word", context));
      continue;
    }
    if (seen.count(key->scalar) > 0) continue;  // reported as a duplicate label
    seen.emplace(key->scalar, key);
    Label(*key, *value);
  }
  if (!spec_->multi && !spec_->default_label.empty() && seen.count(spec_->default_label) == 0) {
    // The default need not be written out as a label.
    LabelSpec label;
    label.id = spec_->default_label;
    label.where = spec_->default_where;
    label.min_hits = 0;
    spec_->labels.push_back(std::move(label));
  }
  if (spec_->labels.empty()) {
    check_.Error(labels, fmt::format("{}: labels: no labels defined", context));
  }
  // `lead_in` priors name a label of this dimension.
  std::vector<std::string> ids;
  for (const LabelSpec& l : spec_->labels) ids.push_back(l.id);
  for (const LabelSpec& l : spec_->labels) {
    for (const PriorSpec& p : l.priors) {
      if (p.lead_in.empty() || std::count(ids.begin(), ids.end(), p.lead_in) > 0) continue;
      std::string guess = DidYouMean(p.lead_in, ids);
      errors_->push_back(Diagnostic{
          p.lead_in_where,
          fmt::format("rule {}/{}: prior: lead_in: '{}' is not a label of this dimension{}",
                      spec_->name, l.id, p.lead_in,
                      guess.empty() ? "" : fmt::format("; did you mean '{}'?", guess))});
    }
  }
}

}  // namespace

bool IsReservedFieldName(std::string_view name) {
  static const std::set<std::string_view> kReserved = {
      "doc",     "id",     "unit", "kind",   "kind_alt", "line_start", "line_end",
      "section", "agency", "part", "marker", "text",     "evidence"};
  return kReserved.count(name) > 0;
}

}  // namespace gapmap

namespace gapmap {
namespace {

// YamlTree reports a repeated key as "duplicate key"; under `labels:` that
// is a duplicate label id, so say so.
void RenameDuplicateLabels(const YamlDocument& doc, const DimensionSpec& spec, size_t first,
                           std::vector<Diagnostic>* errors) {
  const YamlNode* root = doc.root();
  if (root == nullptr || !root->IsMap()) return;
  const YamlNode* labels = root->Find("labels");
  if (labels == nullptr || !labels->IsMap()) return;
  std::map<std::string, int> first_line;
  for (const auto& [key, value] : labels->entries) {
    if (!key->IsScalar()) continue;
    auto [it, inserted] = first_line.emplace(key->scalar, key->line);
    if (inserted) continue;
    for (size_t i = first; i < errors->size(); ++i) {
      Diagnostic& d = (*errors)[i];
      if (d.location.line == key->line && d.location.column == key->column &&
          d.message.rfind("duplicate key", 0) == 0) {
        d.message =
            fmt::format("rule {}/{}: duplicate label id '{}' (first defined at line {})",
                        spec.name.empty() ? "?" : spec.name, key->scalar, key->scalar, it->second);
      }
    }
  }
}

bool Build(const YamlDocument& doc, size_t errors_before, DimensionSpec* spec,
           std::vector<Diagnostic>* errors) {
  spec->file = doc.file();
  if (doc.root() == nullptr) {
    if (errors->size() == errors_before) {
      errors->push_back(Diagnostic{SourceLocation{doc.file(), 0, 0},
                                   "empty dimension file (expected 'dimension:' and 'labels:')"});
    }
    return false;
  }
  Loader(doc, spec, errors).Load();
  RenameDuplicateLabels(doc, *spec, errors_before, errors);
  return errors->size() == errors_before;
}

}  // namespace

bool ParseDimensionFile(std::string_view text, const std::string& file, const YamlLimits& limits,
                        DimensionSpec* spec, std::vector<Diagnostic>* errors) {
  size_t before = errors->size();
  YamlDocument doc = ParseYaml(text, file, limits, errors);
  return Build(doc, before, spec, errors);
}

bool LoadDimensionFile(const std::string& path, const YamlLimits& limits, DimensionSpec* spec,
                       std::vector<Diagnostic>* errors, std::string* content) {
  size_t before = errors->size();
  YamlDocument doc = ReadRuleFile(path, limits, errors, content);
  return Build(doc, before, spec, errors);
}

}  // namespace gapmap
