// Where model files live and whether they are there and intact. The directory is
// $TGVC_MODELS_DIR, else $XDG_CACHE_HOME/tgvc-bench/models, else ~/.cache/tgvc-bench/models.
// A file without a published SHA-256 (a download whose source publishes none, or a file converted
// locally) is checked against FILE.sha256 beside it, which fetch or the export script writes.
#pragma once

#include <string>

#include "harness/models/model_manifest.h"

namespace tgvc {

// The models directory by the rule above (not created). InputError when neither variable nor HOME
// is set.
std::string models_directory();

enum class ModelState {
  kReady,       // present and its SHA-256 matches
  kMissing,     // not there (or only the download is there and the conversion has not run)
  kMismatch,    // present but its SHA-256 differs from the expected one
  kUnrecorded,  // present, but no SHA-256 is known to check it against
  kVendored,    // ships with tgvc-bench
};

const char* to_string(ModelState state);

struct ModelStatus {
  ModelState state = ModelState::kMissing;
  std::string path;      // the loadable file
  std::string expected;  // SHA-256 it must have (manifest or .sha256 file); empty when unknown
  std::string actual;    // SHA-256 computed (only when hashed)
  std::string detail;    // one line for people: what is wrong and what to do
};

// The expected SHA-256 of `model`'s loadable file in `dir`: the manifest's for a plain download,
// else the .sha256 file beside it (empty when none).
std::string expected_sha256(const ModelEntry& model, const std::string& dir);

// State of `model` in `dir`. With `hash` false, a present file is kReady without reading it (the
// learned metrics hash it when they load it).
ModelStatus model_status(const ModelManifest& manifest, const ModelEntry& model, const std::string& dir,
                         bool hash);

// "<hex>  <file>\n", the sha256sum format, in PATH.sha256.
void write_sha256_file(const std::string& path, const std::string& sha256);
// The hex digest of PATH.sha256, or "" when there is none or it is malformed.
std::string read_sha256_file(const std::string& path);

}  // namespace tgvc
