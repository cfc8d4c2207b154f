// A place in a user's file, for messages of the form "file:line:col: ...".
#ifndef GAPMAP_CORE_SOURCE_LOCATION_H_
#define GAPMAP_CORE_SOURCE_LOCATION_H_

#include <string>

namespace gapmap {

struct SourceLocation {
  std::string file;
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based; 0 when unknown

  // "file:line:col", "file:line" or "file", whichever parts are known.
  std::string ToString() const;
};

}  // namespace gapmap

#endif  // GAPMAP_CORE_SOURCE_LOCATION_H_
