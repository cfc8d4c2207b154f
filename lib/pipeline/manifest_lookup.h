// ManifestLookup: the DocumentInfo of each input of a run, from the manifest
// given on the command line or else the manifest.yaml in the input's
// directory (each directory's manifest is read once).
//
// An input not listed in its manifest (or without one: stdin, a directory
// without manifest.yaml) gets a DocumentInfo with its id only: no title or
// issuer, null default agency.
#ifndef GAPMAP_PIPELINE_MANIFEST_LOOKUP_H_
#define GAPMAP_PIPELINE_MANIFEST_LOOKUP_H_

#include <map>
#include <memory>
#include <string>

#include "lib/core/diagnostics.h"
#include "lib/core/document_info.h"
#include "lib/rules/agency_registry.h"
#include "lib/rules/manifest.h"
#include "lib/source/input_list.h"

namespace gapmap {

class ManifestLookup {
 public:
  // `agencies` must outlive the lookup. `explicit_path` may be empty.
  ManifestLookup(const AgencyRegistry& agencies, std::string explicit_path);

  // Loads the explicit manifest, if any. False (errors reported) if it is wrong.
  bool Init(Diagnostics* diagnostics);

  // The information about `input`. Returns false when the manifest found for
  // it is broken; its errors are reported the first time only, and `*info`
  // still holds the document id.
  bool Lookup(const InputSpec& input, DocumentInfo* info, Diagnostics* diagnostics);

 private:
  const AgencyRegistry& agencies_;
  std::string explicit_path_;
  std::unique_ptr<Manifest> explicit_;
  // Directory -> its manifest (null when there is none or it is broken).
  std::map<std::string, std::unique_ptr<Manifest>> by_directory_;
  std::map<std::string, bool> broken_;
};

}  // namespace gapmap

#endif  // GAPMAP_PIPELINE_MANIFEST_LOOKUP_H_
