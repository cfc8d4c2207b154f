#include "lib/source/input_list.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "lib/core/utf8.h"

namespace gapmap {

namespace fs = std::filesystem;

namespace {

// Document ids go into every output (JSONL, CSV cells, unit ids), which must
// be valid UTF-8 even when a file name is not.
std::string ValidDocId(std::string_view name) {
  if (IsValidUtf8(name)) return std::string(name);
  std::string repaired;
  AppendRepairedUtf8(&repaired, name);
  return repaired;
}

}  // namespace

std::string DocIdFromPath(const std::string& path) {
  fs::path p(path);
  std::string stem = p.stem().string();
  return ValidDocId(stem.empty() ? p.filename().string() : stem);
}

InputList ExpandInputs(const std::vector<std::string>& args, const std::string& stdin_name) {
  InputList list;
  for (const std::string& arg : args) {
    if (arg == "-") {
      list.inputs.push_back({"-", ValidDocId(stdin_name)});
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(arg, ec);
    if (ec || !fs::exists(st)) {
      list.errors.push_back(Status::Input(fmt::format("{}: no such file or directory", arg)));
      continue;
    }
    if (!fs::is_directory(st)) {
      list.inputs.push_back({arg, DocIdFromPath(arg)});
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(arg, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      const fs::directory_entry& entry = *it;
      std::error_code entry_ec;
      if (entry.is_regular_file(entry_ec) && entry.path().extension() == ".txt") {
        found.push_back(entry.path().string());
      }
    }
    if (ec) {
      list.errors.push_back(Status::Input(fmt::format("{}: cannot list directory: {}", arg, ec.message())));
    }
    std::sort(found.begin(), found.end());
    if (found.empty() && !ec) {
      list.errors.push_back(Status::Input(fmt::format("{}: directory holds no *.txt files", arg)));
    }
    for (std::string& path : found) list.inputs.push_back({path, DocIdFromPath(path)});
  }
  return list;
}

}  // namespace gapmap
