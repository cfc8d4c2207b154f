#include "lib/sinks/gaps_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <numeric>

#include "lib/core/json_writer.h"
#include "lib/sinks/csv.h"
#include "lib/sinks/matrix_writer.h"

namespace gapmap {
namespace {

// Tables wider than this are transposed if that makes them narrower.
constexpr size_t kTerminalWidth = 100;

std::string Percent(int64_t paragraphs, int64_t total) {
  if (paragraphs == 0 || total == 0) return "-";
  return fmt::format("{}%", (paragraphs * 100 + total / 2) / total);
}

std::string Listed(const CategoryCoverage& c) {
  if (c.agencies.empty()) return c.category;
  return fmt::format("{} {} ({})", c.category, c.agencies.size(), fmt::join(c.agencies, " "));
}

void AppendShareTable(std::string* out, const GapTable& t) {
  auto o = std::back_inserter(*out);
  size_t agency_width = 6;
  for (const std::string& a : t.agencies) agency_width = std::max(agency_width, a.size());
  size_t wide_width = agency_width + 7;
  for (const std::string& c : t.categories) wide_width += std::max<size_t>(c.size(), 4) + 2;
  size_t category_width = 8;
  for (const std::string& c : t.categories) category_width = std::max(category_width, c.size());
  size_t tall_width = category_width;
  for (const std::string& a : t.agencies) tall_width += std::max<size_t>(a.size(), 4) + 2;

  if (wide_width <= kTerminalWidth || wide_width <= tall_width) {
    fmt::format_to(o, "  {:<{}} {:>6}", "agency", agency_width, "paras");
    for (const std::string& c : t.categories)
      fmt::format_to(o, "  {:>{}}", c, std::max<size_t>(c.size(), 4));
    out->append("\n");
    for (size_t a = 0; a < t.agencies.size(); ++a) {
      fmt::format_to(o, "  {:<{}} {:>6}", t.agencies[a], agency_width, t.agency_paragraphs[a]);
      for (size_t c = 0; c < t.categories.size(); ++c) {
        fmt::format_to(o, "  {:>{}}", Percent(t.paragraphs[a][c], t.agency_paragraphs[a]),
                       std::max<size_t>(t.categories[c].size(), 4));
      }
      out->append("\n");
    }
    return;
  }
  // Transposed: categories as rows, agencies as columns.
  fmt::format_to(o, "  {:<{}}", "category", category_width);
  for (const std::string& a : t.agencies)
    fmt::format_to(o, "  {:>{}}", a, std::max<size_t>(a.size(), 4));
  out->append("\n");
  fmt::format_to(o, "  {:<{}}", "(paras)", category_width);
  for (size_t a = 0; a < t.agencies.size(); ++a) {
    fmt::format_to(o, "  {:>{}}", t.agency_paragraphs[a],
                   std::max<size_t>(t.agencies[a].size(), 4));
  }
  out->append("\n");
  for (size_t c = 0; c < t.categories.size(); ++c) {
    fmt::format_to(o, "  {:<{}}", t.categories[c], category_width);
    for (size_t a = 0; a < t.agencies.size(); ++a) {
      fmt::format_to(o, "  {:>{}}", Percent(t.paragraphs[a][c], t.agency_paragraphs[a]),
                     std::max<size_t>(t.agencies[a].size(), 4));
    }
    out->append("\n");
  }
}

}  // namespace

std::string FormatGapsText(const std::vector<GapTable>& tables, const GapsTextOptions& options) {
  std::string out;
  auto o = std::back_inserter(out);
  for (const GapTable& t : tables) {
    int64_t paragraphs =
        std::accumulate(t.agency_paragraphs.begin(), t.agency_paragraphs.end(), int64_t{0});
    if (!out.empty()) out.append("\n");
    fmt::format_to(o, "{} · stance {} — {} agencies, {} paragraphs\n", t.dimension, t.stance,
                   t.agencies.size(), paragraphs);
    std::vector<std::string> unaddressed, crowded;
    std::vector<std::string> thin;
    for (size_t i : t.CoverageOrder()) {
      const CategoryCoverage& c = t.coverage[i];
      if (c.coverage == Coverage::kUnaddressed) {
        unaddressed.push_back(c.category);
      } else if (c.coverage == Coverage::kCrowded) {
        crowded.push_back(fmt::format("{} {}", c.category, c.agencies.size()));
      } else if (static_cast<int>(thin.size()) < options.top) {
        thin.push_back(Listed(c));
      }
    }
    std::reverse(crowded.begin(), crowded.end());  // most crowded first
    fmt::format_to(
        o, "  not addressed by any agency: {}\n",
        unaddressed.empty() ? "(none)" : fmt::format("{}", fmt::join(unaddressed, ", ")));
    fmt::format_to(o, "  crowded (>= {} of {} agencies): {}\n", t.crowded_threshold,
                   t.agencies.size(),
                   crowded.empty() ? "(none)" : fmt::format("{}", fmt::join(crowded, ", ")));
    if (!thin.empty()) fmt::format_to(o, "  thinnest coverage: {}\n", fmt::join(thin, ", "));
    if (options.table && !t.agencies.empty()) {
      out.append("  share of each agency's paragraphs:\n");
      AppendShareTable(&out, t);
    }
  }
  if (tables.empty()) out.append("no content units to analyse\n");
  return out;
}

std::string FormatGapsCsv(const std::vector<GapTable>& tables) {
  std::string out = "dimension,stance,category,coverage,agency_count,paragraphs,agencies,shares\n";
  for (const GapTable& t : tables) {
    for (size_t c = 0; c < t.categories.size(); ++c) {
      const CategoryCoverage& cov = t.coverage[c];
      std::string shares;
      for (size_t a = 0; a < t.agencies.size(); ++a) {
        if (t.paragraphs[a][c] == 0) continue;
        if (!shares.empty()) shares.push_back(' ');
        shares += t.agencies[a] + ":" + FormatShare(t.Share(a, c));
      }
      std::string count = std::to_string(cov.agencies.size());
      std::string paragraphs = std::to_string(cov.paragraphs);
      std::string agencies = fmt::format("{}", fmt::join(cov.agencies, " "));
      AppendCsvRecord(&out, {t.dimension, t.stance, cov.category, CoverageName(cov.coverage), count,
                             paragraphs, agencies, shares});
    }
  }
  return out;
}

std::string FormatGapsJson(const std::vector<GapTable>& tables, const GapViewOptions& options) {
  std::string out;
  auto o = std::back_inserter(out);
  out.append("{\"crowded_agencies\":");
  if (options.crowded_agencies > 0) {
    fmt::format_to(o, "{}", options.crowded_agencies);
  } else {
    out.append("\"auto\"");
  }
  fmt::format_to(o, ",\"min_paragraphs\":{},\"tables\":[", options.min_paragraphs);
  for (size_t i = 0; i < tables.size(); ++i) {
    const GapTable& t = tables[i];
    out.append(i == 0 ? "\n" : ",\n");
    out.append("{\"dimension\":");
    AppendJsonString(&out, t.dimension);
    out.append(",\"stance\":");
    AppendJsonString(&out, t.stance);
    fmt::format_to(o, ",\"crowded_threshold\":{},\"categories\":[", t.crowded_threshold);
    for (size_t c = 0; c < t.coverage.size(); ++c) {
      const CategoryCoverage& cov = t.coverage[c];
      if (c > 0) out.push_back(',');
      out.append("{\"category\":");
      AppendJsonString(&out, cov.category);
      fmt::format_to(o, ",\"coverage\":\"{}\",\"paragraphs\":{},\"agencies\":[",
                     CoverageName(cov.coverage), cov.paragraphs);
      for (size_t a = 0; a < cov.agencies.size(); ++a) {
        if (a > 0) out.push_back(',');
        AppendJsonString(&out, cov.agencies[a]);
      }
      out.append("]}");
    }
    out.append("],\"agencies\":[");
    for (size_t a = 0; a < t.agencies.size(); ++a) {
      if (a > 0) out.push_back(',');
      out.append("{\"agency\":");
      AppendJsonString(&out, t.agencies[a]);
      fmt::format_to(o, ",\"paragraphs\":{},\"shares\":{{", t.agency_paragraphs[a]);
      for (size_t c = 0; c < t.categories.size(); ++c) {
        if (c > 0) out.push_back(',');
        AppendJsonString(&out, t.categories[c]);
        fmt::format_to(o, ":{}", FormatShare(t.Share(a, c)));
      }
      out.append("}}");
    }
    out.append("]}");
  }
  out.append("]}\n");
  return out;
}

}  // namespace gapmap
