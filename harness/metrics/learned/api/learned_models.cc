#include "harness/metrics/learned/api/learned_models.h"

#include <filesystem>

#include "harness/core/error.h"
#include "harness/models/model_manifest.h"
#include "harness/models/model_store.h"

namespace tgvc {

std::optional<ModelFile> locate_model_file(const std::string& name, const ParamSet& options,
                                           std::string* why_not) {
  if (options.has(learned_keys::kModelFile) && !options.get_string(learned_keys::kModelFile).empty()) {
    ModelFile f;
    f.path = options.get_string(learned_keys::kModelFile);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(f.path, ec)) {
      *why_not = "model file " + f.path + " (option model_file) does not exist";
      return std::nullopt;
    }
    return f;
  }
  const ModelManifest& manifest = builtin_model_manifest();
  const ModelEntry* entry = manifest.find(name);
  if (!entry) throw Error("model '" + name + "' is not in the built-in manifest");
  std::string dir;
  try {
    dir = models_directory();
  } catch (const InputError& e) {
    *why_not = std::string("model '") + name + "' cannot be located: " + e.what();
    return std::nullopt;
  }
  const ModelStatus status = model_status(manifest, *entry, dir, false);
  ModelFile f;
  f.name = name;
  f.path = status.path;
  f.sha256 = status.expected;
  f.fetch = "tgvc-bench models fetch " + manifest.fetch_name(*entry);
  if (status.state == ModelState::kMissing) {
    *why_not = "model '" + name + "' missing: run `" + f.fetch + "`";
    if (entry->conversion) *why_not += " and the conversion it prints";
    return std::nullopt;
  }
  if (status.state != ModelState::kReady) {
    *why_not = "model '" + name + "' at " + status.path + ": " + status.detail;
    return std::nullopt;
  }
  return f;
}

std::vector<std::string> model_input_files(const std::string& name, const ParamSet& options) {
  if (options.has(learned_keys::kModelFile) && !options.get_string(learned_keys::kModelFile).empty()) {
    return {options.get_string(learned_keys::kModelFile)};
  }
  const ModelManifest& manifest = builtin_model_manifest();
  const ModelEntry* entry = manifest.find(name);
  if (!entry) throw Error("model '" + name + "' is not in the built-in manifest");
  try {
    const std::string path = model_status(manifest, *entry, models_directory(), false).path;
    // A plain download is checked against the manifest's SHA-256, anything else against the file's.
    if (!entry->conversion && !entry->source.sha256.empty()) return {path};
    return {path, path + ".sha256"};
  } catch (const InputError&) {
    return {};
  }
}

}  // namespace tgvc
