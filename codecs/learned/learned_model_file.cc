#include "codecs/learned/learned_model_file.h"

#include <filesystem>

#include "harness/core/error.h"
#include "harness/models/model_manifest.h"
#include "harness/models/model_store.h"

namespace tgvc {
namespace {

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

std::string learned_manifest_names(const ModelManifest& manifest) {
  std::string names;
  for (const ModelEntry& e : manifest.models) {
    for (const std::string& use : e.used_by) {
      if (use.rfind("learned", 0) == 0) {
        names += (names.empty() ? "" : ", ") + e.name;
        break;
      }
    }
  }
  return names;
}

}  // namespace

LearnedModelFile resolve_learned_model(const LearnedParams& params) {
  const std::string where = "learned model";
  if (params.model.empty()) {
    throw InputError(where, "a manifest model, a family with quality, or an export file", "nothing");
  }
  if (params.model.find('/') != std::string::npos || ends_with(params.model, ".pt")) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(params.model, ec))
      throw InputError(where, "an export file", "'" + params.model + "' (not a file)");
    return {params.model, read_sha256_file(params.model + ".sha256"), ""};
  }
  const ModelManifest& manifest = builtin_model_manifest();
  const ModelEntry* entry = manifest.find(params.model);
  if (!entry && params.quality) entry = manifest.find(params.model + "-q" + std::to_string(*params.quality));
  if (!entry) {
    throw InputError(
        where,
        "a manifest model or family with quality (" + learned_manifest_names(manifest) +
            "), or an export file",
        "'" + params.model + "'" +
            (params.quality ? " with quality " + std::to_string(*params.quality) : std::string()));
  }
  const std::string dir = models_directory();
  const ModelStatus status = model_status(manifest, *entry, dir, false);
  if (status.state != ModelState::kReady && status.state != ModelState::kUnrecorded) {
    throw InputError(where, "model '" + entry->name + "' ready in " + dir,
                     std::string(to_string(status.state)) + ": " + status.detail);
  }
  return {status.path, status.expected, entry->name};
}

}  // namespace tgvc
