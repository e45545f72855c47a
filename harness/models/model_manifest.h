// The model manifest (models/manifest.json, compiled into the program): every model file the
// harness can use, where it comes from, its SHA-256, size and licence, and any conversion step.
// docs/models.md describes the format.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tgvc {

// The file as downloaded.
struct ModelSource {
  std::string file;               // name inside the models directory
  std::vector<std::string> urls;  // tried in order
  std::string sha256;             // empty: not published; fetch records what it got (trust on first use)
  int64_t size = -1;              // bytes; -1 when unknown
  std::string revision;           // pinned upstream revision, when the URL has one
  // The part of the digest upstream publishes when it publishes no whole one (CompressAI names
  // each file with the first 8 hex digits of its SHA-256): fetch refuses a download without it.
  std::string sha256_prefix;
};

// A conversion run after the download (e.g. export to TorchScript), by the user: it needs Python
// packages the harness does not have.
struct ModelExport {
  std::string script;   // repository path of the exporting script, empty when it is documented elsewhere
  std::string command;  // the command line, with {source}, {output} and {dir} placeholders
  std::string output;   // file it writes inside the models directory (with a .sha256 file beside it)
  std::string note;     // what the conversion does and why
};

struct ModelEntry {
  std::string name;
  std::string description;
  std::vector<std::string> used_by;
  std::string licence;
  // `models fetch` downloads it only with --accept-license (non-commercial weights: MS-ILLM).
  bool requires_acceptance = false;
  std::string vendored;  // repository path when the file ships with tgvc-bench (nothing to fetch)
  ModelSource source;
  std::optional<ModelExport> conversion;

  // The file programs load: the conversion's output, else the download.
  const std::string& loadable_file() const { return conversion ? conversion->output : source.file; }
};

struct ModelManifest {
  int schema_version = 0;
  std::vector<ModelEntry> models;
  std::map<std::string, std::vector<std::string>> groups;  // fetch names for several models

  const ModelEntry* find(const std::string& name) const;
  // The models NAME stands for: a model, a group, or "all". InputError naming the valid names.
  std::vector<const ModelEntry*> select(const std::string& name) const;
  // The name to give `tgvc-bench models fetch` for `model`: the group that holds only it, else its name.
  std::string fetch_name(const ModelEntry& model) const;
};

// Parses manifest JSON; InputError naming `where` and the field for anything malformed.
ModelManifest parse_model_manifest(const std::string& json_text, const std::string& where);

// models/manifest.json as built into this program.
const ModelManifest& builtin_model_manifest();

}  // namespace tgvc
