#include "harness/models/model_store.h"

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

#include "harness/core/atomic_file.h"
#include "harness/core/error.h"
#include "harness/core/sha256.h"

namespace tgvc {
namespace {

std::string base_name(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

std::string models_directory() {
  const char* dir = std::getenv("TGVC_MODELS_DIR");
  if (dir && *dir) return dir;
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg && *xdg) return std::string(xdg) + "/tgvc-bench/models";
  const char* home = std::getenv("HOME");
  if (home && *home) return std::string(home) + "/.cache/tgvc-bench/models";
  throw InputError("models directory", "TGVC_MODELS_DIR, XDG_CACHE_HOME or HOME set", "none of them");
}

const char* to_string(ModelState state) {
  switch (state) {
    case ModelState::kReady:
      return "ready";
    case ModelState::kMissing:
      return "missing";
    case ModelState::kMismatch:
      return "mismatch";
    case ModelState::kUnrecorded:
      return "unverified";
    case ModelState::kVendored:
      return "built in";
  }
  return "unknown";
}

std::string expected_sha256(const ModelEntry& model, const std::string& dir) {
  const std::string path = dir + "/" + model.loadable_file();
  if (!model.conversion && !model.source.sha256.empty()) return model.source.sha256;
  return read_sha256_file(path);
}

ModelStatus model_status(const ModelManifest& manifest, const ModelEntry& model, const std::string& dir,
                         bool hash) {
  ModelStatus s;
  if (!model.vendored.empty()) {
    s.state = ModelState::kVendored;
    s.path = model.vendored;
    s.expected = model.source.sha256;
    s.detail = "ships with tgvc-bench (" + model.vendored + ")";
    return s;
  }
  const std::string fetch = "tgvc-bench models fetch " + manifest.fetch_name(model);
  s.path = dir + "/" + model.loadable_file();
  s.expected = expected_sha256(model, dir);
  std::error_code ec;
  if (!std::filesystem::is_regular_file(s.path, ec)) {
    s.state = ModelState::kMissing;
    if (model.conversion && std::filesystem::is_regular_file(dir + "/" + model.source.file, ec)) {
      s.detail = "downloaded but not converted: run `" + fetch + "` for the export command";
    } else {
      s.detail = "run `" + fetch + "`";
    }
    return s;
  }
  if (s.expected.empty()) {
    s.state = ModelState::kUnrecorded;
    s.detail = fmt::format("no SHA-256 recorded for it ({}.sha256 missing): run `{}` again", s.path, fetch);
    return s;
  }
  s.state = ModelState::kReady;
  if (hash) {
    s.actual = sha256_file(s.path);
    if (s.actual != s.expected) {
      s.state = ModelState::kMismatch;
      s.detail = fmt::format("SHA-256 {} differs from the expected {}: delete it and run `{}`", s.actual,
                             s.expected, fetch);
    }
  }
  return s;
}

void write_sha256_file(const std::string& path, const std::string& sha256) {
  write_file_atomically(path + ".sha256", sha256 + "  " + base_name(path) + "\n");
}

std::string read_sha256_file(const std::string& path) {
  std::ifstream in(path + ".sha256");
  std::string hex;
  if (!(in >> hex) || hex.size() != 64) return {};
  for (char c : hex) {
    if (!std::isxdigit(static_cast<unsigned char>(c))) return {};
  }
  for (char& c : hex) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return hex;
}

}  // namespace tgvc
