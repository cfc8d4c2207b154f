#include "lib/segment/structure_rules.h"

#include <fmt/format.h>

#include <algorithm>

#include "lib/rules/regex_length.h"
#include "lib/rules/rule_file.h"
#include "lib/rules/yaml_access.h"

namespace gapmap {

StructureRules::StructureRules() = default;
StructureRules::~StructureRules() = default;
StructureRules::StructureRules(StructureRules&&) noexcept = default;
StructureRules& StructureRules::operator=(StructureRules&&) noexcept = default;

int StructureRules::PartOfHeading(std::string_view heading) const {
  // The prefix filter rules out most headings without running a regex (when
  // it was built from these patterns, bit k % 32 standing for pattern k).
  const uint32_t candidates = line_filter.pattern_count() == line_patterns.size()
                                  ? line_filter.Candidates(heading)
                                  : ~uint32_t{0};
  for (size_t k = 0; k < line_patterns.size(); ++k) {
    const LinePattern& p = line_patterns[k];
    if (p.role != LineRole::kPartHeading || (candidates >> (k % 32) & 1u) == 0) continue;
    LineRegex::Outcome fast =
        p.fast ? p.fast->Match(heading, nullptr) : LineRegex::Outcome::kUnknown;
    bool matched = fast == LineRegex::Outcome::kUnknown ? p.regex.PartialMatch(heading)
                                                        : fast == LineRegex::Outcome::kMatch;
    if (matched) return p.part;
  }
  return -1;
}

namespace {

// Compiles patterns for one role, reporting RE2's message at the pattern.
class Compiler {
 public:
  Compiler(YamlChecker* check, StructureRules* rules) : check_(check), rules_(rules) {}

  std::optional<Regex> One(const YamlNode& node, std::string_view what, int min_groups) {
    std::optional<std::string> pattern = check_->String(node, what);
    if (!pattern) return std::nullopt;
    if (pattern->empty()) {
      check_->Error(&node, fmt::format("{}: empty pattern", what));
      return std::nullopt;
    }
    Result<Regex> re = Regex::Compile(*pattern);
    if (!re.ok()) {
      check_->Error(&node, fmt::format("{}: invalid regular expression '{}': {}", what, *pattern,
                                       re.status().message()));
      return std::nullopt;
    }
    if (re->group_count() < min_groups) {
      check_->Error(&node, fmt::format("{}: pattern '{}' needs {} capture group{} ({})", what,
                                       *pattern, min_groups, min_groups == 1 ? "" : "s",
                                       min_groups == 1 ? "the marker or number"
                                                       : "the number, then the text"));
      return std::nullopt;
    }
    return std::move(*re);
  }

  void Line(const YamlNode& node, std::string_view what, LineRole role, int min_groups,
            int part = -1) {
    std::optional<Regex> re = One(node, what, min_groups);
    if (!re) return;
    // Anchored like the RegexSet that finds the line, so the capture groups
    // come from the same match.
    Result<Regex> anchored = Regex::Compile("^(?:" + re->pattern() + ")");
    if (!anchored.ok()) {
      check_->Error(&node, fmt::format("{}: invalid regular expression '{}': {}", what,
                                       re->pattern(), anchored.status().message()));
      return;
    }
    std::optional<LineRegex> fast = LineRegex::Build(anchored->pattern(), anchored->group_count());
    rules_->line_patterns.push_back(
        LinePattern{role, re->pattern(), std::move(*anchored), part, std::move(fast)});
  }

  void Lines(const YamlNode& node, std::string_view what, LineRole role, int min_groups,
             int part = -1) {
    if (node.IsScalar()) {
      Line(node, what, role, min_groups, part);
      return;
    }
    if (!node.IsSequence()) {
      check_->Error(
          &node, fmt::format("{}: expected a list of patterns, found {}", what, node.TypeName()));
      return;
    }
    for (const YamlNode* item : node.items) Line(*item, what, role, min_groups, part);
  }

 private:
  YamlChecker* check_;
  StructureRules* rules_;
};

std::vector<std::string> LowerSorted(std::vector<std::string> words) {
  for (std::string& w : words) {
    std::transform(w.begin(), w.end(), w.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  }
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  return words;
}

void LoadFootnotes(const YamlNode& node, YamlChecker* check, Compiler* compile,
                   StructureRules* rules) {
  if (!check->Map(node, "footnotes")) return;
  check->CheckKeys(node, {"start", "separator", "window", "insert_indent"}, "footnotes");
  if (const YamlNode* n = node.Find("start")) {
    compile->Line(*n, "footnotes start", LineRole::kFootnoteStart, 2);
  }
  if (const YamlNode* n = node.Find("separator")) {
    rules->footnote_separator = compile->One(*n, "footnotes separator", 0);
    if (rules->footnote_separator) {
      rules->separator_min_bytes = MinMatchBytes(rules->footnote_separator->pattern());
    }
  }
  if (const YamlNode* n = node.Find("window")) {
    if (auto v = check->Int(*n, "footnotes window", 1, 1000)) rules->footnote_window = *v;
  }
  if (const YamlNode* n = node.Find("insert_indent")) {
    if (auto v = check->Int(*n, "footnotes insert_indent", 1, 100)) {
      rules->footnote_insert_indent = *v;
    }
  }
}

void LoadBullets(const YamlNode& node, YamlChecker* check, Compiler* compile) {
  if (!check->Map(node, "bullets")) return;
  check->CheckKeys(node, {"glyphs", "items"}, "bullets");
  if (const YamlNode* n = node.Find("glyphs")) {
    compile->Lines(*n, "bullets glyphs", LineRole::kBulletGlyph, 1);
  }
  if (const YamlNode* n = node.Find("items")) {
    compile->Lines(*n, "bullets items", LineRole::kBulletItem, 1);
  }
}

void LoadHeadings(const YamlNode& node, YamlChecker* check, Compiler* compile,
                  StructureRules* rules) {
  if (!check->Map(node, "headings")) return;
  check->CheckKeys(node, {"patterns", "max_lines", "max_words"}, "headings");
  if (const YamlNode* n = node.Find("patterns")) {
    compile->Lines(*n, "headings patterns", LineRole::kHeading, 0);
  }
  if (const YamlNode* n = node.Find("max_lines")) {
    if (auto v = check->Int(*n, "headings max_lines", 0, 100)) rules->heading_max_lines = *v;
  }
  if (const YamlNode* n = node.Find("max_words")) {
    if (auto v = check->Int(*n, "headings max_words", 0, 1000)) rules->heading_max_words = *v;
  }
}

void LoadParts(const YamlNode& node, YamlChecker* check, Compiler* compile, StructureRules* rules) {
  if (!check->Map(node, "parts")) return;
  check->CheckKeys(node, {"before_first_chapter", "chapter_default", "headings"}, "parts");
  if (const YamlNode* n = node.Find("before_first_chapter")) {
    if (auto s = check->String(*n, "parts before_first_chapter")) rules->before_first_chapter = *s;
  }
  if (const YamlNode* n = node.Find("chapter_default")) {
    if (auto s = check->String(*n, "parts chapter_default")) rules->chapter_default = *s;
  }
  if (const YamlNode* n = node.Find("headings")) {
    if (!check->Map(*n, "parts headings")) return;
    for (const auto& [key, value] : n->entries) {
      if (!key->IsScalar() || key->scalar.empty()) {
        check->Error(key, "parts headings: part names must be plain words");
        continue;
      }
      int part = static_cast<int>(rules->part_names.size());
      rules->part_names.push_back(key->scalar);
      compile->Lines(*value, fmt::format("part '{}'", key->scalar), LineRole::kPartHeading, 0,
                     part);
    }
  }
}

void LoadHyphenation(const YamlNode& node, YamlChecker* check, StructureRules* rules) {
  if (!check->Map(node, "hyphenation")) return;
  check->CheckKeys(node, {"keep_prefixes", "keep_second_parts"}, "hyphenation");
  if (const YamlNode* n = node.Find("keep_prefixes")) {
    if (auto l = check->StringList(*n, "hyphenation keep_prefixes")) {
      rules->keep_prefixes = LowerSorted(std::move(*l));
    }
  }
  if (const YamlNode* n = node.Find("keep_second_parts")) {
    if (auto l = check->StringList(*n, "hyphenation keep_second_parts")) {
      rules->keep_second_parts = LowerSorted(std::move(*l));
    }
  }
}

void LoadRunningHeaders(const YamlNode& node, YamlChecker* check, StructureRules* rules) {
  auto list = check->StringList(node, "running_headers");
  if (!list) return;
  for (const std::string& s : *list) {
    if (s == "title") {
      rules->header_is_title = true;
    } else if (s == "issuer") {
      rules->header_is_issuer = true;
    } else {
      std::string hint = DidYouMean(s, {"title", "issuer"});
      check->Error(&node, hint.empty()
                              ? fmt::format("running_headers: unknown field '{}' (expected "
                                            "title or issuer)",
                                            s)
                              : fmt::format("running_headers: unknown field '{}'; did you "
                                            "mean '{}'?",
                                            s, hint));
    }
  }
}

// `errors_before`: the error count before the file was read, so syntax
// errors also fail the load.
bool Compile(const YamlDocument& doc, const std::string& path, StructureRules* rules,
             std::vector<Diagnostic>* errors, size_t errors_before) {
  if (doc.root() == nullptr) {
    if (errors->size() == errors_before) {
      errors->push_back(Diagnostic{SourceLocation{path, 0, 0}, "empty structure rules"});
    }
    return false;
  }
  YamlChecker check(path, errors);
  const YamlNode& root = *doc.root();
  if (!check.Map(root, "structure rules")) return false;
  check.CheckKeys(
      root,
      {"page_gap", "furniture", "leaders", "running_headers", "narrow_blocks", "page_number",
       "footnotes", "bullets", "numbered", "headings", "parts", "lead_in", "hyphenation"},
      "structure rules");
  Compiler compile(&check, rules);
  if (const YamlNode* n = root.Find("page_gap")) {
    if (auto v = check.Int(*n, "page_gap", 1, 1000)) rules->page_gap = *v;
  }
  if (const YamlNode* n = root.Find("leaders")) {
    if (auto v = check.Int(*n, "leaders", 0, 1000)) rules->leaders = static_cast<int>(*v);
  }
  if (const YamlNode* n = root.Find("furniture")) {
    compile.Lines(*n, "furniture", LineRole::kFurniture, 0);
  }
  if (const YamlNode* n = root.Find("running_headers")) LoadRunningHeaders(*n, &check, rules);
  if (const YamlNode* n = root.Find("narrow_blocks")) {
    if (check.Map(*n, "narrow_blocks")) {
      check.CheckKeys(*n, {"max_chars", "min_lines"}, "narrow_blocks");
      if (const YamlNode* v = n->Find("max_chars")) {
        if (auto i = check.Int(*v, "narrow_blocks max_chars", 0, 10000)) {
          rules->narrow_block_chars = static_cast<int>(*i);
        }
      }
      if (const YamlNode* v = n->Find("min_lines")) {
        if (auto i = check.Int(*v, "narrow_blocks min_lines", 1, 10000)) {
          rules->narrow_block_lines = static_cast<int>(*i);
        }
      }
    }
  }
  if (const YamlNode* n = root.Find("page_number")) {
    compile.Line(*n, "page_number", LineRole::kPageNumber, 1);
  }
  if (const YamlNode* n = root.Find("footnotes")) LoadFootnotes(*n, &check, &compile, rules);
  if (const YamlNode* n = root.Find("bullets")) LoadBullets(*n, &check, &compile);
  if (const YamlNode* n = root.Find("numbered")) {
    compile.Lines(*n, "numbered", LineRole::kNumbered, 1);
  }
  if (const YamlNode* n = root.Find("headings")) LoadHeadings(*n, &check, &compile, rules);
  if (const YamlNode* n = root.Find("parts")) LoadParts(*n, &check, &compile, rules);
  if (const YamlNode* n = root.Find("lead_in")) {
    if (auto l = check.StringList(*n, "lead_in")) rules->lead_in = std::move(*l);
  }
  if (const YamlNode* n = root.Find("hyphenation")) LoadHyphenation(*n, &check, rules);
  if (errors->size() != errors_before) return false;

  if (!rules->line_patterns.empty()) {
    auto set = std::make_unique<RegexSet>(RegexOptions{}, RegexSet::Anchor::kAnchorStart);
    for (const LinePattern& p : rules->line_patterns) {
      Result<int> added = set->Add(p.pattern);
      if (!added.ok()) {  // compiled alone above, so this is not expected
        check.Error(&root, fmt::format("pattern '{}': {}", p.pattern, added.status().message()));
        return false;
      }
    }
    Status compiled = set->Compile();
    if (!compiled.ok()) {
      check.Error(&root, compiled.message());
      return false;
    }
    rules->line_set = std::move(set);
    std::vector<std::string> patterns;
    for (const LinePattern& p : rules->line_patterns) patterns.push_back(p.pattern);
    rules->line_filter = LinePrefixFilter(patterns);
  }
  return true;
}

}  // namespace

bool LoadStructureRules(const std::string& path, StructureRules* rules,
                        std::vector<Diagnostic>* errors, std::string* content) {
  *rules = StructureRules();
  size_t errors_before = errors->size();
  YamlDocument doc = ReadRuleFile(path, YamlLimits{}, errors, content);
  return Compile(doc, path, rules, errors, errors_before);
}

bool ParseStructureRules(std::string_view text, const std::string& file_name, StructureRules* rules,
                         std::vector<Diagnostic>* errors) {
  *rules = StructureRules();
  size_t errors_before = errors->size();
  YamlDocument doc = ParseYaml(text, file_name, YamlLimits{}, errors);
  return Compile(doc, file_name, rules, errors, errors_before);
}

}  // namespace gapmap
