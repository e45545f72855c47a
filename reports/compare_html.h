// compare.html: the regression gate's full diff, one self-contained page (no scripts, no network):
// every cell x value with colour-coded verdicts, codec version changes at the top.
#pragma once

#include <string>

#include "reports/compare_runs.h"

namespace tgvc {

std::string compare_html(const Comparison& comparison);

}  // namespace tgvc
