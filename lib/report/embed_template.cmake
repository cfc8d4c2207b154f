# Turns the report's template files into a C++ header of string_view constants,
# so the HTML, CSS and JavaScript stay editable as themselves and the binary
# needs no file at run time.
#   cmake -DOUTPUT=report_template.h -DTEMPLATE_DIR=lib/report/template -P embed_template.cmake
set(delimiter "gapmap_embed")
set(header "// Generated from lib/report/template/ by lib/report/embed_template.cmake: do not edit.\n")
string(APPEND header "#ifndef GAPMAP_REPORT_REPORT_TEMPLATE_H_\n#define GAPMAP_REPORT_REPORT_TEMPLATE_H_\n\n")
string(APPEND header "#include <string_view>\n\nnamespace gapmap {\n\n")
foreach(pair "kReportHtml=report.html" "kReportCss=report.css" "kReportJs=report.js")
  string(REPLACE "=" ";" parts "${pair}")
  list(GET parts 0 name)
  list(GET parts 1 file)
  file(READ "${TEMPLATE_DIR}/${file}" content)
  string(FIND "${content}" ")${delimiter}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${file} contains the raw-string delimiter )${delimiter}\"")
  endif()
  string(APPEND header "inline constexpr std::string_view ${name} = R\"${delimiter}(${content})${delimiter}\";\n\n")
endforeach()
string(APPEND header "}  // namespace gapmap\n\n#endif  // GAPMAP_REPORT_REPORT_TEMPLATE_H_\n")
# Only touch the header when it changes, so a reconfigure rebuilds nothing.
set(old "")
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" old)
endif()
if(NOT old STREQUAL header)
  file(WRITE "${OUTPUT}" "${header}")
endif()
