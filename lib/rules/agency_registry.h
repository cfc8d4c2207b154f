// AgencyRegistry: the organisations a report can talk about, from
// rules/agencies.yaml.
//
// One registry serves two stages: the section tracker recognises an agency's
// chapter title by its names, and the rule engine derives the `mentions`
// dimension from it (names case-insensitive, acronyms case-sensitive, so "WHO"
// is the organisation and "who" is not).
//
// File format:
//   agencies:
//     IOM:                                  # canonical id (label in outputs)
//       name: International Organization for Migration   # display name
//       names: [International Organization for Migration]  # any case, word-bounded
//       acronyms: [IOM]                     # exact case, word-bounded
//       not: [IOM Development Fund]         # phrases that are not a mention
//       examples:                           # run by `gapmap rules test`
//         match: [the IOM mission in Kyiv]
//         no_match: [the IOM Development Fund]
#ifndef GAPMAP_RULES_AGENCY_REGISTRY_H_
#define GAPMAP_RULES_AGENCY_REGISTRY_H_

#include <string>
#include <string_view>
#include <vector>

#include "lib/core/diagnostics.h"
#include "lib/core/source_location.h"
#include "lib/rules/rule_model.h"

namespace gapmap {

struct Agency {
  std::string id;
  std::string name;
  std::vector<std::string> names;      // matched case-insensitively
  std::vector<std::string> acronyms;   // matched case-sensitively
  std::vector<std::string> not_names;  // vetoes: a hit inside one of these does not count
  std::vector<ExampleSpec> examples;   // texts that must (not) mention the agency
  SourceLocation where;                // the id's place in the file
};

struct AgencyRegistry {
  std::vector<Agency> agencies;  // in file order
  std::string file;

  // Index of `id`, or -1.
  int Find(std::string_view id) const;
};

// Loads `path`. Returns false (and appends to `errors`) if anything is wrong;
// all problems of the file are reported.
bool LoadAgencyRegistry(const std::string& path, AgencyRegistry* registry,
                        std::vector<Diagnostic>* errors, std::string* content = nullptr);

}  // namespace gapmap

#endif  // GAPMAP_RULES_AGENCY_REGISTRY_H_
