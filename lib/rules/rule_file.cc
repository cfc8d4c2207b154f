#include "lib/rules/rule_file.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace gapmap {

YamlDocument ReadRuleFile(const std::string& path, const YamlLimits& limits,
                          std::vector<Diagnostic>* errors, std::string* content) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    errors->push_back(Diagnostic{SourceLocation{path, 0, 0},
                                 fmt::format("cannot read rule file: {}", std::strerror(errno))});
    return {};
  }
  if (S_ISDIR(st.st_mode)) {
    errors->push_back(Diagnostic{SourceLocation{path, 0, 0}, "is a directory, expected a YAML rule file"});
    return {};
  }
  if (static_cast<size_t>(st.st_size) > limits.max_bytes) {
    errors->push_back(Diagnostic{
        SourceLocation{path, 0, 0},
        fmt::format("file is {} bytes; rule files are limited to {} bytes", st.st_size,
                    limits.max_bytes)});
    return {};
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in.good() && !in.eof()) {
    errors->push_back(Diagnostic{SourceLocation{path, 0, 0}, "cannot read rule file"});
    return {};
  }
  std::string text = bytes.str();
  YamlDocument doc = ParseYaml(text, path, limits, errors);
  if (content != nullptr) *content = std::move(text);
  return doc;
}

}  // namespace gapmap
