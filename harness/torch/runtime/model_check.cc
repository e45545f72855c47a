#include "harness/torch/runtime/model_check.h"

#include <sys/stat.h>

#include <map>
#include <mutex>
#include <tuple>

#include <fmt/format.h>

#include "harness/core/sha256.h"

namespace tgvc {
namespace {

std::string label(const ModelFile& m) {
  return m.name.empty() ? fmt::format("model file {}", m.path) : fmt::format("model '{}'", m.name);
}

}  // namespace

std::string missing_model_reason(const ModelFile& m) {
  if (m.name.empty()) return fmt::format("model file {} does not exist", m.path);
  return fmt::format("model '{}' missing: run `{}`", m.name, m.fetch);
}

std::string verify_model_file(const ModelFile& m) {
  struct stat st {};
  if (m.path.empty() || ::stat(m.path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
    throw ModelUnavailable(missing_model_reason(m));
  }
  using Key = std::tuple<std::string, int64_t, int64_t, int64_t>;
  static std::mutex mutex;
  static std::map<Key, std::string> known;
  const Key key{m.path, static_cast<int64_t>(st.st_size), static_cast<int64_t>(st.st_mtim.tv_sec),
                static_cast<int64_t>(st.st_mtim.tv_nsec)};
  std::string actual;
  {
    std::lock_guard<std::mutex> lock(mutex);
    const auto it = known.find(key);
    if (it != known.end()) actual = it->second;
  }
  if (actual.empty()) {
    actual = sha256_file(m.path);
    std::lock_guard<std::mutex> lock(mutex);
    known[key] = actual;
  }
  if (!m.sha256.empty() && actual != m.sha256) {
    throw ModelUnavailable(fmt::format("{} at {} has SHA-256 {}, expected {}{}", label(m), m.path, actual,
                                       m.sha256, m.fetch.empty() ? "" : ": run `" + m.fetch + "` again"));
  }
  return actual;
}

}  // namespace tgvc
