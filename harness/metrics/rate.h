// Bits, bits per pixel and kilobits per second from real bitstream bytes.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "harness/metrics/metric_descriptor.h"

namespace tgvc {

struct Rate {
  uint64_t bits = 0;
  double bpp = 0;   // bits / (width * height * frames), at the coded resolution
  double kbps = 0;  // bits * fps / frames / 1000 (kilo = 1000, never 1024)
};

Rate compute_rate(uint64_t bytes, int width, int height, int frames, double fps);

// The rate columns of a cell's results, described like metric values (the rate of an R-D point,
// not a metric: reports plot against it and BD measures along it): bits, bpp, kbps, and one
// "bits_<component>" per named rate component (T-GVC: header, keyframes, trajectories).
const std::vector<ValueSpec>& rate_value_specs();
inline constexpr const char* kRateComponentPrefix = "bits_";

// The spec of a rate column: one of rate_value_specs(), or a component's bits_<component> (unit
// bits, lower is better); nullopt for anything else.
std::optional<ValueSpec> find_rate_spec(const std::string& name);
bool is_rate_value(const std::string& name);

}  // namespace tgvc
