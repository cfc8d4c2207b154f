// Fuzz target: arbitrary YAML through the rule loaders.
//
// Byte 0 picks the file the rest of the input becomes, in a scratch rule
// directory whose other files are minimal and valid: agencies.yaml,
// structure.yaml, or a dimension file. The whole directory then goes through
// LoadRuleSet, the entry point every command uses, and the bytes also go
// through ParseYaml in memory. Properties checked: nothing crashes, hangs or
// overflows the stack (deep nesting, alias bombs), loading fails exactly when
// it reports errors, and every error names a file with a sane position and a
// message.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "lib/core/diagnostics.h"
#include "lib/rules/rule_set.h"
#include "lib/rules/yaml_tree.h"
#include "tests/fuzz/fuzz_check.h"

namespace gapmap {
namespace {

namespace fs = std::filesystem;

fs::path g_dir;

const char kAgencies[] =
    "agencies:\n"
    "  IOM:\n"
    "    name: International Organization for Migration\n"
    "    names: [International Organization for Migration]\n"
    "    acronyms: [IOM]\n";

// Files the fuzz input can become. A dimension file's name is its dimension's.
const char* const kTargets[] = {"agencies.yaml", "structure.yaml", "fourp.yaml"};

void WriteFile(const fs::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  FUZZ_CHECK(out.good());
}

void CheckDiagnostics(const std::vector<Diagnostic>& errors, bool in_memory) {
  for (const Diagnostic& d : errors) {
    FUZZ_CHECK(!d.message.empty());
    FUZZ_CHECK(!d.location.file.empty());
    FUZZ_CHECK(d.location.line >= 0 && d.location.column >= 0);
    if (d.location.line == 0) FUZZ_CHECK(d.location.column == 0);
    if (!in_memory) {
      // Problems are reported against a file of the rule directory.
      FUZZ_CHECK(d.location.file.rfind(g_dir.string(), 0) == 0);
    }
  }
}

}  // namespace
}  // namespace gapmap

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  using namespace gapmap;
  g_dir = fs::temp_directory_path() / ("gapmap-fuzz-rules-" + std::to_string(::getpid()));
  fs::create_directories(g_dir);
  std::atexit([] {
    std::error_code ec;
    fs::remove_all(g_dir, ec);
  });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace gapmap;
  if (size == 0) return 0;
  const char* target = kTargets[data[0] % std::size(kTargets)];
  std::string_view yaml(reinterpret_cast<const char*>(data + 1), size - 1);

  {
    std::vector<Diagnostic> errors;
    YamlDocument doc = ParseYaml(yaml, "fuzz.yaml", YamlLimits{}, &errors);
    CheckDiagnostics(errors, /*in_memory=*/true);
    for (const Diagnostic& d : errors) FUZZ_CHECK(d.location.file == "fuzz.yaml");
  }

  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(g_dir, ec)) fs::remove(entry.path(), ec);
  if (std::string_view(target) != "agencies.yaml") WriteFile(g_dir / "agencies.yaml", kAgencies);
  WriteFile(g_dir / target, yaml);

  std::vector<Diagnostic> errors;
  std::shared_ptr<const RuleSet> rules = LoadRuleSet(g_dir.string(), RuleSetOptions{}, &errors);
  size_t error_count = 0;
  for (const Diagnostic& d : errors) error_count += d.severity == Severity::kError;
  FUZZ_CHECK((rules == nullptr) == (error_count > 0));
  CheckDiagnostics(errors, /*in_memory=*/false);
  return 0;
}
