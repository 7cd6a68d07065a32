#include "gantry/analysis/html/html_page.hpp"

#include <sstream>

#include "gantry/analysis/html/page_assets.hpp"
#include "gantry/analysis/html/page_data.hpp"
#include "gantry/analysis/render/report_render.hpp"
#include "gantry/base/text.hpp"

namespace gantry::analysis::html {
namespace {

using nlohmann::json;

// Nothing leaves the page: no connection, no font or image from elsewhere; its own inline
// script and style, and images as data: URIs.
constexpr const char* kContentPolicy =
    "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

void write_head(std::ostream& out, const std::string& title) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"" << kContentPolicy << "\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << html_escape(title) << "</title>\n<style>\n"
      << kPageStyle << "</style>\n</head>\n";
}

// JSON inside a <script> element: every '<' escaped, so no string in it (a sweep named
// "</script>") can end the element.
std::string script_safe(const json& data) {
  std::string text = data.dump();
  std::string safe;
  safe.reserve(text.size());
  for (char c : text) {
    if (c == '<') {
      safe += "\\u003c";
    } else {
      safe += c;
    }
  }
  return safe;
}

void write_data_and_script(std::ostream& out, const json& data) {
  out << "<script type=\"application/json\" id=\"gantry-data\">" << script_safe(data)
      << "</script>\n<script>\n"
      // The script's parts share one scope, this function's (report_base.js).
      << "(function () {\n'use strict';\n"
      << kPageScript << "}());\n</script>\n";
}

std::string page_title(const Report& report) {
  return "gantry report: " + report.database;
}

void write_watching_line(std::ostream& out, const PageRequest& request) {
  out << "<p class=\"watching\">Watching: rewritten every " << request.watch_seconds
      << " s, last at " << html_escape(request.written_at) << "; this page reloads itself.</p>\n";
}

// The page's skeleton: the script fills the figure sections from the data.
void write_body(std::ostream& out, const Report& report, const std::string& sections,
                const PageRequest& request) {
  out << "<body>\n<header><h1>" << html_escape(page_title(report)) << "</h1>\n";
  if (request.watch_seconds > 0) write_watching_line(out, request);
  out << "<nav id=\"contents\"></nav>\n<div id=\"controls\"></div>\n</header>\n<main>\n"
      << "<section id=\"notices\"></section>\n"
      << "<section id=\"figures\"></section>\n"
      << "<section id=\"runs\"><h2>Runs</h2><div id=\"runs-table\"></div></section>\n"
      << "<section id=\"report\">\n"
      << sections << "</section>\n</main>\n<div id=\"tooltip\" hidden></div>\n";
}

}  // namespace

void write_html_page(std::ostream& out, const Report& report, const PageRequest& request) {
  std::ostringstream sections;
  write_text_report(sections, report, TextStyle::html);
  json data = figure_data(report, report.request.run_curve_columns);
  SampleData samples = sample_data(
      report, sample_runs(report, request.sample_run, request.sample_run_limit), request.samples);
  data["samples"] = std::move(samples.runs);
  data["notes"] = samples.notes;
  data["title"] = page_title(report);
  data["watch"] = request.watch_seconds;
  write_head(out, page_title(report));
  write_body(out, report, sections.str(), request);
  write_data_and_script(out, data);
  out << "</body>\n</html>\n";
}

void write_waiting_page(std::ostream& out, const std::string& database, const std::string& reason,
                        const PageRequest& request) {
  const std::string title = "gantry report: " + database;
  write_head(out, title);
  out << "<body>\n<header><h1>" << html_escape(title) << "</h1>\n";
  write_watching_line(out, request);
  out << "</header>\n<main><p class=\"waiting\">No report yet: " << html_escape(reason)
      << "</p></main>\n";
  write_data_and_script(out,
                        {{"title", title}, {"watch", request.watch_seconds}, {"waiting", true}});
  out << "</body>\n</html>\n";
}

}  // namespace gantry::analysis::html
