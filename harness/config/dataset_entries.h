// The `datasets:` list: synthetic sequences, single files and manifest files.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "harness/config/experiment.h"

namespace tgvc {

// Relative paths are resolved against `base_dir` (the config's directory); a manifest's own
// entries against the manifest's directory or its `root`. Missing files are errors here.
std::vector<SequenceSpec> parse_datasets(const YAML::Node& list, const std::string& file,
                                         const std::string& base_dir, const FrameRange& frames,
                                         const std::optional<ResizeSpec>& resize);

}  // namespace tgvc
