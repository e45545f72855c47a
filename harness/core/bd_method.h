// How a Bjontegaard-delta computation models each R-D curve between its points (docs/bd.md).
// Here rather than in reports so that the validated Experiment (config) carries it as a value.
#pragma once

#include <optional>
#include <string>

namespace tgvc {

// All integrals are exact.
enum class BdMethod {
  kCubic,  // VCEG-M33: least-squares cubic polynomial over all points (exact for 4); needs 4 points
  kPchip,  // piecewise-cubic Hermite, Fritsch-Carlson slopes (scipy PchipInterpolator, JVET CTC)
  kAkima,  // Akima interpolant (scipy Akima1DInterpolator)
};

// "cubic" | "pchip" | "akima"; nullopt for anything else.
std::optional<BdMethod> parse_bd_method(const std::string& name);
const char* to_string(BdMethod method);

}  // namespace tgvc
