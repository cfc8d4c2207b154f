// InputList: expands command-line inputs into the documents to process.
//
// A file stands for itself, "-" for standard input, and a directory for every
// "*.txt" file below it, sorted by path (byte order) so runs are reproducible.
// Problems with one input (missing, unreadable) are reported per input; the
// others are still returned so the command can process them and exit 2 at the end.
#ifndef GAPMAP_SOURCE_INPUT_LIST_H_
#define GAPMAP_SOURCE_INPUT_LIST_H_

#include <string>
#include <vector>

#include "lib/core/status.h"

namespace gapmap {

struct InputSpec {
  std::string path;    // as given, or the file found below a directory; "-" = stdin
  std::string doc_id;  // file name without extension; "-" for stdin unless named
};

struct InputList {
  std::vector<InputSpec> inputs;
  std::vector<Status> errors;  // one per input that could not be used
};

// `stdin_name` names the document read from "-" (default "-").
InputList ExpandInputs(const std::vector<std::string>& args, const std::string& stdin_name = "-");

// "dir/icat-2010.txt" -> "icat-2010". Ill-formed UTF-8 in the name becomes
// U+FFFD: the id appears in every output, which is always valid UTF-8.
std::string DocIdFromPath(const std::string& path);

}  // namespace gapmap

#endif  // GAPMAP_SOURCE_INPUT_LIST_H_
