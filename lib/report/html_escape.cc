#include "lib/report/html_escape.h"

#include "lib/core/utf8.h"

namespace gapmap {

void AppendHtmlEscaped(std::string* out, std::string_view s) {
  std::string repaired;
  if (!IsValidUtf8(s)) {
    AppendRepairedUtf8(&repaired, s);
    s = repaired;
  }
  for (char c : s) {
    switch (c) {
      case '&':
        out->append("&amp;");
        break;
      case '<':
        out->append("&lt;");
        break;
      case '>':
        out->append("&gt;");
        break;
      case '"':
        out->append("&quot;");
        break;
      case '\'':
        out->append("&#39;");
        break;
      default:
        out->push_back(c);
    }
  }
}

}  // namespace gapmap
