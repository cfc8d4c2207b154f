#include "lib/report/report_writer.h"

#include "lib/report/html_escape.h"
#include "lib/report/report_template.h"

namespace gapmap {

Result<std::string> RenderReportHtml(std::string_view title, std::string_view data_json) {
  if (data_json.find('<') != std::string_view::npos) {
    return Status::Internal("report: the data is not html_safe");
  }
  std::string page;
  page.reserve(kReportHtml.size() + kReportCss.size() + kReportJs.size() + data_json.size() +
               title.size() * 2);
  // Placeholders are {{name}}; what is substituted is never scanned again.
  std::string_view rest = kReportHtml;
  for (;;) {
    size_t open = rest.find("{{");
    size_t close = open == std::string_view::npos ? open : rest.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    page.append(rest.substr(0, open));
    std::string_view name = rest.substr(open + 2, close - open - 2);
    if (name == "title") {
      AppendHtmlEscaped(&page, title);
    } else if (name == "style") {
      page.append(kReportCss);
    } else if (name == "script") {
      page.append(kReportJs);
    } else if (name == "data") {
      page.append(data_json);
    } else {
      page.append(rest.substr(open, close + 2 - open));  // not ours: kept as is
    }
    rest.remove_prefix(close + 2);
  }
  page.append(rest);
  return page;
}

Result<std::string> FormatReport(const GapMatrix& matrix, const MatrixProvenance& provenance,
                                 const ReportUnits& units, const ReportDataOptions& options) {
  Result<std::string> data = FormatReportData(matrix, provenance, units, options);
  if (!data.ok()) return data.status();
  return RenderReportHtml(options.title, *data);
}

}  // namespace gapmap
