#include "reports/html_plot_axis.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace tgvc {
namespace {

double nice_step(double raw) {
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double f = raw / magnitude;
  const double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
  return nice * magnitude;
}

std::string label_for_step(double value, double step) {
  const int decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
  if (std::fabs(value) < step * 1e-6) value = 0;  // no "-0.00" for a tick that is zero up to rounding
  return fmt::format("{:.{}f}", value, decimals);
}

}  // namespace

double Axis::fraction(double value) const {
  if (log) return (std::log10(value) - std::log10(low)) / (std::log10(high) - std::log10(low));
  return (value - low) / (high - low);
}

Axis linear_axis(double low, double high, int target_ticks) {
  if (high < low) std::swap(low, high);
  if (!(high - low > 1e-12 * std::max(std::fabs(low), std::fabs(high)))) {
    const double half = low == 0 ? 1 : std::fabs(low) * 0.05;
    low -= half;
    high += half;
  }
  const double step = nice_step((high - low) / std::max(1, target_ticks));
  Axis axis;
  axis.low = std::floor(low / step + 1e-9) * step;
  axis.high = std::ceil(high / step - 1e-9) * step;
  const int count = static_cast<int>(std::lround((axis.high - axis.low) / step));
  for (int i = 0; i <= count; ++i) {
    const double v = axis.low + i * step;
    axis.ticks.push_back({v, label_for_step(v, step)});
  }
  return axis;
}

Axis log_axis(double low, double high) {
  if (high < low) std::swap(low, high);
  double log_low = std::log10(low);
  double log_high = std::log10(high);
  if (log_high - log_low < 1e-9) {
    log_low -= 0.5;
    log_high += 0.5;
  }
  const double pad = 0.04 * (log_high - log_low);
  log_low -= pad;
  log_high += pad;
  Axis axis;
  axis.log = true;
  axis.low = std::pow(10.0, log_low);
  axis.high = std::pow(10.0, log_high);
  const int first = static_cast<int>(std::floor(log_low));
  const int last = static_cast<int>(std::ceil(log_high));
  const int decades_shown = static_cast<int>(std::floor(log_high) - std::ceil(log_low)) + 1;
  const bool label_2_and_5 = decades_shown <= 3;
  for (int e = first; e <= last; ++e) {
    for (int m = 1; m <= 9; ++m) {
      const double v = m * std::pow(10.0, e);
      const double lv = std::log10(v);
      if (lv < log_low - 1e-12 || lv > log_high + 1e-12) continue;
      const bool labelled = m == 1 || (label_2_and_5 && (m == 2 || m == 5));
      axis.ticks.push_back({v, labelled ? fmt::format("{:g}", v) : std::string()});
    }
  }
  return axis;
}

bool wants_log_axis(double low, double high) {
  return low > 0 && high > 0 && high / low > 10;
}

}  // namespace tgvc
