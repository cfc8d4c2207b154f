// Manifest: what a corpus knows about its documents besides their bytes
// (title, issuer, year), from a manifest.yaml beside the documents or a file
// given with --manifest.
//
// File format:
//   documents:
//     icat-2010-analytical-review:      # document id: the file name without extension
//       title: "An analytical review: 10 years on from the adoption of ..."
//       issuer: ICAT                    # who published it
//       year: 2010
//
// The issuer decides the document's default agency (the agency of its units
// outside any agency chapter): the issuer itself when it is an agency id of
// the registry (ICAT), null otherwise (a non-agency publisher such as an NGO
// or a treaty body). Running headers that repeat the title or issuer are page
// furniture (rules/structure.yaml `running_headers`).
#ifndef GAPMAP_RULES_MANIFEST_H_
#define GAPMAP_RULES_MANIFEST_H_

#include <string>
#include <string_view>
#include <vector>

#include "lib/core/diagnostics.h"
#include "lib/core/document_info.h"
#include "lib/rules/agency_registry.h"

namespace gapmap {

struct Manifest {
  std::string file;
  std::vector<DocumentInfo> documents;  // in file order

  // The entry for `doc_id`, or nullptr.
  const DocumentInfo* Find(std::string_view doc_id) const;
};

// Loads `path`, resolving issuers against `agencies`. Returns false (and
// appends every problem, with file:line:col) if the file is wrong.
bool LoadManifest(const std::string& path, const AgencyRegistry& agencies, Manifest* manifest,
                  std::vector<Diagnostic>* errors);

}  // namespace gapmap

#endif  // GAPMAP_RULES_MANIFEST_H_
