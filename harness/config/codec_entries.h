// The `codecs:` list: each entry's type or preset, params and sweep -> validated rate points.
#pragma once

#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "harness/config/experiment.h"

namespace tgvc {

// `config_dir` anchors relative preset paths and the preset search (codec_presets.h). A list or
// mapping value of a key whose spec has that form (an external codec's `encode`, `env`) is held
// as its canonical text; {NAME} placeholders in a spec marked for them must be the codec's own
// names or a param or sweep key of the entry, else an InputError at the item's file:line:column.
std::vector<CodecSpec> parse_codecs(const YAML::Node& list, const std::string& file,
                                    const std::string& config_dir);

}  // namespace tgvc
