// compare.md: the regression gate's summary for a CI log or a pull-request comment. Counts first,
// then only the regressions and the notable changes, each with base, current, delta and tolerance.
#pragma once

#include <string>

#include "reports/compare_runs.h"

namespace tgvc {

// Each table stops after `max_rows` rows and says how many more compare.html lists.
std::string compare_markdown(const Comparison& comparison, int max_rows = 100);

// Text made safe for a Markdown table cell: '|' escaped, line breaks as spaces, '<' '>' '&' as
// entities so that no HTML gets through to a PR comment.
std::string markdown_cell(const std::string& text);

}  // namespace tgvc
