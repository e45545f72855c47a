// Tolerances of the regression gate (docs/compare.md): how much each reported value may worsen
// between a base run and the current one. Plain types in core, so that both harness/config (which
// reads them from YAML, compare_tolerances.h) and reports (which applies them) use them without an
// edge between those two.
#pragma once

#include <string>
#include <vector>

namespace tgvc {

// A worsening is allowed up to max(abs, rel * |base|); an unset bound allows nothing by itself.
struct Tolerance {
  std::string pattern;  // the rule's name glob ("psnr_*"), "default" for the fallback
  bool has_abs = false;
  double abs = 0;
  bool has_rel = false;
  double rel = 0;  // a fraction: 0.01 is 1 %
};

struct Tolerances {
  Tolerance fallback{"default", true, 0.0, false, 0.0};  // strict: any worsening fails
  std::vector<Tolerance> rules;                          // in file order
  std::vector<std::string> ignore;                       // name globs left out of the comparison
};

// True when `name` matches `pattern`, where '*' stands for any run of characters (empty included).
bool glob_match(const std::string& pattern, const std::string& name);

// The rule for `name`: an exact pattern beats any glob; among globs the one with the most literal
// characters wins, then the earlier in the file; `fallback` when none matches.
const Tolerance& tolerance_for(const Tolerances& tolerances, const std::string& name);

bool is_ignored(const Tolerances& tolerances, const std::string& name);

// The largest worsening the rule allows for a value whose base is `base`.
double allowed_worsening(const Tolerance& tolerance, double base);

// "abs 0.05", "rel 1%", "abs 0.05 or rel 1%" (whichever is larger).
std::string tolerance_text(const Tolerance& tolerance);

}  // namespace tgvc
