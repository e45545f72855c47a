// Codec presets: a codec entry's `preset: NAME` names a YAML file (configs/codecs/NAME.yaml) that
// holds a `type`, `params` and optionally a `sweep`, which the entry's own keys override
// (docs/config.md, "Codec presets").
#pragma once

#include <string>
#include <vector>

#include <yaml-cpp/yaml.h>

namespace tgvc {

struct CodecPreset {
  std::string name;
  std::string file;  // the preset file read
  YAML::Node root;   // validated: a mapping with the keys below
  std::string type;
  std::string description;
  std::string source;  // where the preset's programs come from
};

// The directories `preset: NAME` searches for NAME.yaml, in order: each of $TGVC_CODEC_PRESETS
// (colon-separated), `codecs/` beside the config, `../codecs/` from the config (configs/paper/*
// find configs/codecs/), and the source tree's configs/codecs.
std::vector<std::string> preset_directories(const std::string& config_dir);

// Reads the preset `name` (a file path when it holds a '/' or ends in .yaml, relative to the
// config's directory; else a name looked up in preset_directories). `where` (file:line:column of
// the entry's `preset:` value) names it in errors: a preset not found lists the presets there.
CodecPreset load_codec_preset(const std::string& name, const std::string& config_dir,
                              const std::string& where);

}  // namespace tgvc
