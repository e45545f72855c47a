#include "harness/core/bd_method.h"

namespace tgvc {

std::optional<BdMethod> parse_bd_method(const std::string& name) {
  for (BdMethod m : {BdMethod::kCubic, BdMethod::kPchip, BdMethod::kAkima}) {
    if (name == to_string(m)) return m;
  }
  return std::nullopt;
}

const char* to_string(BdMethod method) {
  switch (method) {
    case BdMethod::kCubic:
      return "cubic";
    case BdMethod::kPchip:
      return "pchip";
    case BdMethod::kAkima:
      return "akima";
  }
  return "?";
}

}  // namespace tgvc
