// Test helper: a rule directory from in-memory file texts, loaded through
// the real LoadRuleSet (so tests exercise the same path as the CLI).
#ifndef GAPMAP_TESTS_RULES_RULES_FIXTURE_H_
#define GAPMAP_TESTS_RULES_RULES_FIXTURE_H_

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "lib/core/diagnostics.h"
#include "lib/core/tagged_unit.h"
#include "lib/rules/rule_set.h"
#include "lib/tag/tagger.h"

namespace gapmap::testing {

inline constexpr const char* kMiniAgencies = R"(agencies:
  IOM:
    name: International Organization for Migration
    names: [International Organization for Migration]
    acronyms: [IOM]
  WHO:
    name: World Health Organization
    names: [World Health Organization]
    acronyms: [WHO]
    not: [WHO Guidelines]
)";

// A temporary directory removed when the object dies.
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "gapmap-test-XXXXXX").string();
    path_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string Write(const std::string& name, const std::string& text) const {
    std::string p = path_ + "/" + name;
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }

 private:
  std::string path_;
};

// Loads a rule directory holding `files` (name -> text), plus the mini
// agency registry unless `files` has its own agencies.yaml.
inline std::shared_ptr<const RuleSet> LoadRules(const std::map<std::string, std::string>& files,
                                                std::vector<Diagnostic>* errors,
                                                RuleSetOptions options = {},
                                                std::string* dir_out = nullptr) {
  static std::vector<std::unique_ptr<TempDir>> keep;  // files must outlive the test's messages
  keep.push_back(std::make_unique<TempDir>());
  const TempDir& dir = *keep.back();
  if (files.count("agencies.yaml") == 0) dir.Write("agencies.yaml", kMiniAgencies);
  for (const auto& [name, text] : files) dir.Write(name, text);
  if (dir_out != nullptr) *dir_out = dir.path();
  return LoadRuleSet(dir.path(), options, errors);
}

// Errors as "file-name:line:col: message" with the directory stripped.
inline std::vector<std::string> Messages(const std::vector<Diagnostic>& errors) {
  std::vector<std::string> out;
  for (const Diagnostic& d : errors) {
    SourceLocation loc = d.location;
    loc.file = std::filesystem::path(loc.file).filename().string();
    out.push_back(loc.ToString() + ": " + d.message);
  }
  return out;
}

inline Unit MakeUnit(std::string text, UnitKind kind = UnitKind::kText, std::string part = "",
                     std::vector<std::string> path = {}, uint32_t ordinal = 1) {
  Unit u;
  u.doc.push_back('t');  // (assigning a literal trips a GCC 12 -Wrestrict false positive)
  u.ordinal = ordinal;
  u.kind = kind;
  u.text = std::move(text);
  u.section.part = std::move(part);
  u.section.path = std::move(path);
  return u;
}

// Label names of dimension `dim` in `tagged` (empty if the dimension is unknown).
inline std::vector<std::string> Labels(const RuleSet& rules, const TaggedUnit& tagged,
                                       const std::string& dim) {
  std::vector<std::string> out;
  int d = rules.schema.FindDimension(dim);
  if (d < 0) return out;
  for (uint16_t l : tagged.labels[d]) out.push_back(rules.schema.label_name(d, l));
  return out;
}

inline TaggedUnit TagOne(const RuleSet& rules, Unit unit) {
  Tagger tagger(rules);
  TaggedUnit out;
  Status s = tagger.Tag(std::move(unit), &out);
  (void)s;
  return out;
}

// "rule match [begin,end)" per evidence record, for compact assertions.
inline std::vector<std::string> EvidenceStrings(const RuleSet& rules, const TaggedUnit& t) {
  std::vector<std::string> out;
  for (const Evidence& e : t.evidence) {
    out.push_back(fmt::format("{}:{} {} '{}' [{},{})", rules.schema.dimension(e.dimension).name,
                              rules.schema.label_name(e.dimension, e.label),
                              rules.schema.rule_id(static_cast<int>(e.rule)),
                              t.unit.text.substr(e.begin, e.end - e.begin), e.begin, e.end));
  }
  return out;
}

}  // namespace gapmap::testing

// doctest prints vectors of strings in failure messages.
namespace doctest {
template <>
struct StringMaker<std::vector<std::string>> {
  static String convert(const std::vector<std::string>& v) {
    std::string out = "{";
    for (size_t i = 0; i < v.size(); ++i) out += (i ? ",\n  \"" : "\"") + v[i] + "\"";
    out += "}";
    return String(out.c_str());
  }
};
}  // namespace doctest

#endif  // GAPMAP_TESTS_RULES_RULES_FIXTURE_H_
