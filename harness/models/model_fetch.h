// `tgvc-bench models fetch`: downloads a model's source file with libcurl into the models
// directory, verifies its size and SHA-256 while it streams, and renames it into place only when
// it matches (a temporary file in the same directory, flushed, then renamed). Without a network it
// says where to put the file by hand. Conversions (exports to TorchScript) are the user's step:
// fetch prints the command.
#pragma once

#include <ostream>
#include <string>

#include "harness/models/model_manifest.h"

namespace tgvc {

enum class FetchOutcome {
  kReady,            // the loadable file was already there and intact
  kDownloaded,       // downloaded and verified; nothing else to do
  kNeedsConversion,  // the source is there and verified; the export command is in `message`
  kVendored,         // ships with tgvc-bench
  kFailed,           // every URL failed, or the file did not match; `message` says why and what to do
};

struct FetchResult {
  FetchOutcome outcome = FetchOutcome::kFailed;
  std::string message;  // for people; for kFailed it includes the manual instructions
};

// Fetches `model` into `dir` (created when missing). Progress lines go to `log`.
FetchResult fetch_model(const ModelManifest& manifest, const ModelEntry& model, const std::string& dir,
                        std::ostream& log);

// Where to put the file by hand: URLs, path, size and SHA-256, and the conversion command.
std::string manual_fetch_instructions(const ModelEntry& model, const std::string& dir);

// The conversion command with {source}, {output} and {dir} replaced.
std::string conversion_command(const ModelEntry& model, const std::string& dir);

}  // namespace tgvc
