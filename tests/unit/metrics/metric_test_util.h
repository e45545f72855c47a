// Small helpers for the metric tests: synthetic videos and value look-up.
#pragma once

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "harness/metrics/metric.h"

namespace tgvc::testing {

inline Video video_of(int width, int height, PixelFormat format, int frames, uint16_t fill,
                      ColourSpec colour = {}) {
  Video v;
  v.info.width = width;
  v.info.height = height;
  v.info.format = format;
  v.info.colour = colour;
  for (int f = 0; f < frames; ++f) v.frames.push_back(Frame::allocate(width, height, format, fill));
  return v;
}

inline Video video_of_frames(std::vector<Frame> frames, ColourSpec colour = {}) {
  Video v;
  v.info.width = frames.at(0).width();
  v.info.height = frames.at(0).height();
  v.info.format = frames[0].format;
  v.info.colour = colour;
  v.frames = std::move(frames);
  return v;
}

inline const MetricValue& value_named(const std::vector<MetricValue>& values, const std::string& name) {
  for (const MetricValue& v : values) {
    if (v.name == name) return v;
  }
  ADD_FAILURE() << "no value named " << name;
  static const MetricValue missing;
  return missing;
}

inline std::vector<std::string> names_of(const std::vector<MetricValue>& values) {
  std::vector<std::string> names;
  for (const MetricValue& v : values) names.push_back(v.name);
  return names;
}

inline ParamSet options_for(const Metric& metric, const std::map<std::string, std::string>& given) {
  return ParamSet::resolve(metric.param_specs(), given, "metrics." + metric.id());
}

}  // namespace tgvc::testing
