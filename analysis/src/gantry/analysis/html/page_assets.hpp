// Internal to the html format: the page's script and style sheet, analysis/assets/report.js and
// report.css, embedded at build time (cmake/EmbedPageAssets.cmake).
#pragma once

namespace gantry::analysis::html {

extern const char kPageScript[];
extern const char kPageStyle[];

}  // namespace gantry::analysis::html
