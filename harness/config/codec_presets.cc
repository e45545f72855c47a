#include "harness/config/codec_presets.h"

#include <cstdlib>
#include <filesystem>
#include <set>

#include "harness/config/yaml_fields.h"
#include "harness/core/atomic_file.h"
#include "harness/core/error.h"
#include "harness/core/suggest.h"

#ifndef TGVC_PRESET_DIR
#define TGVC_PRESET_DIR ""
#endif

namespace tgvc {
namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kPresetKeys = {"type",   "description", "source",
                                              "params", "sweep",       "sweep_mode"};

bool is_path(const std::string& name) {
  return name.find('/') != std::string::npos ||
         (name.size() > 5 && name.compare(name.size() - 5, 5, ".yaml") == 0);
}

}  // namespace

std::vector<std::string> preset_directories(const std::string& config_dir) {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("TGVC_CODEC_PRESETS"); env && *env) {
    std::string list = env;
    size_t start = 0;
    while (start <= list.size()) {
      const size_t colon = list.find(':', start);
      const std::string dir =
          list.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
      if (!dir.empty()) dirs.push_back(dir);
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
  }
  const fs::path base = config_dir.empty() ? fs::path(".") : fs::path(config_dir);
  dirs.push_back((base / "codecs").lexically_normal().string());
  dirs.push_back((base / ".." / "codecs").lexically_normal().string());
  if (std::string(TGVC_PRESET_DIR).size() > 0) dirs.push_back(TGVC_PRESET_DIR);
  return dirs;
}

CodecPreset load_codec_preset(const std::string& name, const std::string& config_dir,
                              const std::string& where) {
  CodecPreset preset;
  preset.name = name;
  if (is_path(name)) {
    const fs::path p = fs::path(name).is_absolute() ? fs::path(name) : fs::path(config_dir) / name;
    preset.file = p.lexically_normal().string();
    if (!fs::is_regular_file(preset.file)) {
      throw InputError(where + ": preset", "an existing preset file", "'" + preset.file + "' does not exist");
    }
    preset.name = fs::path(name).stem().string();
  } else {
    std::set<std::string> known;
    for (const std::string& dir : preset_directories(config_dir)) {
      const fs::path candidate = fs::path(dir) / (name + ".yaml");
      if (preset.file.empty() && fs::is_regular_file(candidate)) preset.file = candidate.string();
      std::error_code ec;
      for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.path().extension() == ".yaml") known.insert(entry.path().stem().string());
      }
    }
    if (preset.file.empty()) {
      const std::vector<std::string> names(known.begin(), known.end());
      const std::string near = closest_match(name, names);
      throw InputError(where + ": preset",
                       (near.empty() ? "" : "'" + near + "'; ") + "a preset in " +
                           join(preset_directories(config_dir)) + " (found: " + join(names) + ")",
                       "'" + name + "'");
    }
  }
  preset.root = parse_yaml(read_file(preset.file), preset.file);
  const std::string& file = preset.file;
  require_map(preset.root, file, "the preset");
  require_known_keys(preset.root, kPresetKeys, file, "the preset");
  preset.type = required_string(preset.root, "type", file, "the preset");
  preset.description = optional_string(preset.root, "description", "", file, "the preset");
  preset.source = required_string(preset.root, "source", file, "the preset");
  return preset;
}

}  // namespace tgvc
