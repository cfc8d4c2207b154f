// DocumentInfo: what the run knows about a document besides its bytes
// (from the corpus manifest, when there is one).
#ifndef GAPMAP_CORE_DOCUMENT_INFO_H_
#define GAPMAP_CORE_DOCUMENT_INFO_H_

#include <string>

namespace gapmap {

struct DocumentInfo {
  std::string doc_id;
  std::string title;
  std::string issuer;
  int year = 0;
  // Agency id for units outside any agency chapter (the issuer, when it is a
  // known agency); empty means null.
  std::string default_agency;
};

}  // namespace gapmap

#endif  // GAPMAP_CORE_DOCUMENT_INFO_H_
