// HTML text escaping for the few strings the report writes into markup
// outside its JSON data (the page title). Everything else reaches the page
// as JSON and is put into the DOM with textContent, never parsed as HTML.
#ifndef GAPMAP_REPORT_HTML_ESCAPE_H_
#define GAPMAP_REPORT_HTML_ESCAPE_H_

#include <string>
#include <string_view>

namespace gapmap {

// Appends `s` with &, <, >, " and ' replaced by character references, so the
// result is safe in element content and in quoted attribute values; ill-formed
// UTF-8 is replaced by U+FFFD.
void AppendHtmlEscaped(std::string* out, std::string_view s);

}  // namespace gapmap

#endif  // GAPMAP_REPORT_HTML_ESCAPE_H_
