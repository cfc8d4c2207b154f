// ReportWriter: the self-contained HTML report — one file, no network, no
// external scripts, fonts or stylesheets; it opens from disk.
//
// The page is the template of lib/report/template/ (HTML skeleton, CSS and
// JavaScript, embedded at build time) with the report data (report_data.h)
// in a <script type="application/json"> element. The data is html_safe JSON
// (no '<', '>' or '&' survive), so nothing from documents or rules can close
// that element or open another; the script puts every string into the DOM
// with textContent. The title is the only input written as markup, escaped.
//
// Deterministic: no timestamps; the same inputs give the same bytes.
#ifndef GAPMAP_REPORT_REPORT_WRITER_H_
#define GAPMAP_REPORT_REPORT_WRITER_H_

#include <string>
#include <string_view>

#include "lib/report/report_data.h"

namespace gapmap {

// The page around `data_json` (from FormatReportData). Internal error if the
// data holds a '<' (it would not be html_safe).
Result<std::string> RenderReportHtml(std::string_view title, std::string_view data_json);

// FormatReportData, then RenderReportHtml.
Result<std::string> FormatReport(const GapMatrix& matrix, const MatrixProvenance& provenance,
                                 const ReportUnits& units, const ReportDataOptions& options);

}  // namespace gapmap

#endif  // GAPMAP_REPORT_REPORT_WRITER_H_
