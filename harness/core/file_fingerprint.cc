#include "harness/core/file_fingerprint.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <mutex>
#include <tuple>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "harness/core/sha256.h"

namespace tgvc {
namespace {

namespace fs = std::filesystem;

// What identifies one state of a file without reading it.
using FileState = std::tuple<std::string, int64_t, int64_t, int64_t, int64_t, int64_t, uint64_t, uint64_t>;

FileState file_state(const std::string& path, const struct stat& st) {
  return {path,
          static_cast<int64_t>(st.st_size),
          static_cast<int64_t>(st.st_mtim.tv_sec),
          static_cast<int64_t>(st.st_mtim.tv_nsec),
          static_cast<int64_t>(st.st_ctim.tv_sec),
          static_cast<int64_t>(st.st_ctim.tv_nsec),
          static_cast<uint64_t>(st.st_dev),
          static_cast<uint64_t>(st.st_ino)};
}

// SHA-256 of a regular file, memoised by its state.
std::string file_sha256(const std::string& path, const struct stat& st) {
  static std::mutex mutex;
  static std::map<FileState, std::string> known;
  const FileState state = file_state(path, st);
  {
    std::lock_guard<std::mutex> lock(mutex);
    const auto found = known.find(state);
    if (found != known.end()) return found->second;
  }
  std::string digest = sha256_file(path);  // outside the lock: models can be gigabytes
  std::lock_guard<std::mutex> lock(mutex);
  known.emplace(state, digest);
  return digest;
}

std::string directory_fingerprint(const std::string& dir) {
  std::vector<std::pair<std::string, std::string>> files;  // relative name, full path
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    struct stat st {};
    const std::string path = it->path().string();
    if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
      files.emplace_back(it->path().lexically_relative(dir).generic_string(), path);
    }
  }
  std::sort(files.begin(), files.end());
  Sha256 h;
  for (const auto& [name, path] : files) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) continue;  // removed while we looked
    h.update(name);
    h.update(std::string(1, '\0'));
    h.update(file_sha256(path, st) + "\n");
  }
  return fmt::format("directory files={} sha256={}", files.size(), h.hex_digest());
}

}  // namespace

std::string content_fingerprint(const std::string& path) {
  struct stat st {};
  if (path.empty() || ::stat(path.c_str(), &st) != 0) return "absent";
  if (S_ISREG(st.st_mode)) return "file sha256=" + file_sha256(path, st);
  if (S_ISDIR(st.st_mode)) return directory_fingerprint(path);
  return "other";
}

}  // namespace tgvc
