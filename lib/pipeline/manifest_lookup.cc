#include "lib/pipeline/manifest_lookup.h"

#include <filesystem>

namespace gapmap {
namespace {

void Report(const std::vector<Diagnostic>& errors, Diagnostics* diagnostics) {
  for (const Diagnostic& d : errors) diagnostics->Report(d);
}

}  // namespace

ManifestLookup::ManifestLookup(const AgencyRegistry& agencies, std::string explicit_path)
    : agencies_(agencies), explicit_path_(std::move(explicit_path)) {}

bool ManifestLookup::Init(Diagnostics* diagnostics) {
  if (explicit_path_.empty()) return true;
  auto manifest = std::make_unique<Manifest>();
  std::vector<Diagnostic> errors;
  if (!LoadManifest(explicit_path_, agencies_, manifest.get(), &errors)) {
    Report(errors, diagnostics);
    return false;
  }
  explicit_ = std::move(manifest);
  return true;
}

bool ManifestLookup::Lookup(const InputSpec& input, DocumentInfo* info, Diagnostics* diagnostics) {
  *info = DocumentInfo();
  info->doc_id = input.doc_id;
  const Manifest* manifest = explicit_.get();
  bool ok = true;
  if (manifest == nullptr && explicit_path_.empty() && input.path != "-") {
    std::string dir = std::filesystem::path(input.path).parent_path().string();
    auto it = by_directory_.find(dir);
    if (it == by_directory_.end()) {
      std::unique_ptr<Manifest> loaded;
      std::filesystem::path file = std::filesystem::path(dir.empty() ? "." : dir) / "manifest.yaml";
      std::error_code ec;
      if (std::filesystem::is_regular_file(file, ec)) {
        loaded = std::make_unique<Manifest>();
        std::vector<Diagnostic> errors;
        if (!LoadManifest(file.string(), agencies_, loaded.get(), &errors)) {
          Report(errors, diagnostics);
          loaded.reset();
          broken_[dir] = true;
        }
      }
      it = by_directory_.emplace(dir, std::move(loaded)).first;
    }
    manifest = it->second.get();
    if (broken_.count(dir) > 0) ok = false;
  }
  if (manifest != nullptr) {
    if (const DocumentInfo* found = manifest->Find(input.doc_id)) *info = *found;
  }
  info->doc_id = input.doc_id;
  return ok;
}

}  // namespace gapmap
