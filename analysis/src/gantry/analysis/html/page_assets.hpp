// Internal to the html format: the page's script (analysis/assets/report_*.js, its parts joined)
// and style sheet (report.css), embedded at build time (cmake/EmbedPageAssets.cmake).
#pragma once

namespace gantry::analysis::html {

extern const char kPageScript[];
extern const char kPageStyle[];

}  // namespace gantry::analysis::html
