// The report's inline stylesheet and script (no external resources of any kind).
#pragma once

namespace tgvc {

// CSS for the page, the SVG plots, tables, bars and the frame strip.
extern const char* const kReportCss;
// Click-to-sort for every table.sortable (numbers by data-v, n/a last); when it has run it sets
// data-sortable-tables on <html> to the number of tables it prepared.
extern const char* const kReportScript;

}  // namespace tgvc
