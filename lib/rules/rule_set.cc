#include "lib/rules/rule_set.h"

#include <algorithm>
#include <filesystem>
#include <tuple>

#include <fmt/format.h>

#include "lib/core/sha256.h"
#include "lib/rules/dimension_loader.h"
#include "lib/rules/rule_compiler.h"

namespace gapmap {
namespace {

bool IsYamlFile(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::string name = path.filename().string();
  return (ext == ".yaml" || ext == ".yml") && !name.empty() && name[0] != '.';
}

}  // namespace

std::shared_ptr<const RuleSet> LoadRuleSet(const std::string& dir, const RuleSetOptions& options,
                                           std::vector<Diagnostic>* errors) {
  namespace fs = std::filesystem;
  auto rules = std::make_shared<RuleSet>();
  rules->dir = dir;
  size_t before = errors->size();
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    errors->push_back(Diagnostic{SourceLocation{dir, 0, 0},
                                 "rule directory not found (give one with --rules DIR)"});
    return nullptr;
  }
  // (file name, bytes) of every file read, for the content hash.
  std::vector<std::pair<std::string, std::string>> contents;

  std::string agencies = (fs::path(dir) / "agencies.yaml").string();
  {
    std::string content;
    LoadAgencyRegistry(agencies, &rules->agencies, errors, &content);
    contents.emplace_back("agencies.yaml", std::move(content));
  }
  std::string structure = (fs::path(dir) / "structure.yaml").string();
  if (fs::exists(structure, ec)) {
    std::string content;
    LoadStructureRules(structure, &rules->structure, errors, &content);
    contents.emplace_back("structure.yaml", std::move(content));
  }
  std::vector<fs::path> dimension_files;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (!entry.is_regular_file(ec) || !IsYamlFile(entry.path())) continue;
    std::string name = entry.path().filename().string();
    if (name == "agencies.yaml" || name == "structure.yaml") continue;
    dimension_files.push_back(entry.path());
  }
  std::sort(dimension_files.begin(), dimension_files.end());
  for (const fs::path& path : dimension_files) {
    DimensionSpec spec;
    std::string content;
    LoadDimensionFile(path.string(), options.limits, &spec, errors, &content);
    contents.emplace_back(path.filename().string(), std::move(content));
    rules->dimensions.push_back(std::move(spec));
  }

  CompileOptions compile;
  compile.regex_mem = options.regex_mem;
  compile.max_program_size = options.max_program_size;
  compile.simulate_set_out_of_memory = options.simulate_set_out_of_memory;
  CompileRules(&rules->agencies, rules->dimensions, compile, &rules->schema, &rules->compiled,
               errors);

  std::sort(contents.begin(), contents.end());
  Sha256 sha;
  for (const auto& [name, bytes] : contents) {
    sha.Update(name);
    sha.Update(std::string_view("\0", 1));
    sha.Update(std::to_string(bytes.size()));
    sha.Update(std::string_view("\0", 1));
    sha.Update(bytes);
    rules->files.push_back((fs::path(dir) / name).string());
  }
  std::sort(rules->files.begin(), rules->files.end());
  rules->content_hash = Sha256::Hex(sha.Finish());
  if (errors->size() != before) {
    // Problems come from the YAML parser, the loaders and the compiler in
    // turn; a user reads them best file by file, top to bottom.
    std::vector<std::string> file_order;
    for (size_t i = before; i < errors->size(); ++i) {
      const std::string& f = (*errors)[i].location.file;
      if (std::find(file_order.begin(), file_order.end(), f) == file_order.end()) {
        file_order.push_back(f);
      }
    }
    auto rank = [&](const Diagnostic& d) {
      return std::make_tuple(
          std::find(file_order.begin(), file_order.end(), d.location.file) - file_order.begin(),
          d.location.line, d.location.column);
    };
    std::stable_sort(errors->begin() + static_cast<std::ptrdiff_t>(before), errors->end(),
                     [&](const Diagnostic& a, const Diagnostic& b) { return rank(a) < rank(b); });
    return nullptr;
  }
  return rules;
}

}  // namespace gapmap
