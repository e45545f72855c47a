#include "harness/run/cell_cache.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <mutex>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "harness/core/atomic_file.h"
#include "harness/core/error.h"
#include "harness/results/cell_json.h"

namespace tgvc {
namespace {

namespace fs = std::filesystem;

// flock(2) keeps two descriptors of one process apart on a local disk but not on NFS (where it is
// a POSIX lock, owned per process): threads of one process also wait for each other here.
std::mutex held_mutex;
std::condition_variable held_released;
std::set<std::string> held_here;

void write_synced(const std::string& path, std::string_view content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw Error("cannot create " + path + ": " + std::strerror(errno));
  size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      throw Error("cannot write " + path + ": " + std::strerror(errno));
    }
    written += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) throw Error("cannot flush " + path + ": " + std::strerror(errno));
}

void sync_directory(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

std::string unique_suffix() {
  static std::atomic<uint64_t> counter{0};
  return fmt::format("{}.{}", ::getpid(), counter++);
}

// A hit is a use: prune --older-than goes by the last one.
void touch(const std::string& path) {
  std::error_code ec;
  fs::last_write_time(path, fs::file_time_type::clock::now(), ec);
}

}  // namespace

CacheClaim::CacheClaim(CacheClaim&& other) noexcept
    : fd_(other.fd_), path_(std::move(other.path_)), name_(std::move(other.name_)) {
  other.fd_ = -1;
}

CacheClaim& CacheClaim::operator=(CacheClaim&& other) noexcept {
  if (this != &other) {
    release();
    fd_ = other.fd_;
    path_ = std::move(other.path_);
    name_ = std::move(other.name_);
    other.fd_ = -1;
  }
  return *this;
}

CacheClaim::~CacheClaim() {
  release();
}

void CacheClaim::release() {
  if (fd_ < 0) return;
  // Unlinked while still locked: whoever waits on this file finds it gone and takes a new one.
  ::unlink(path_.c_str());
  ::close(fd_);
  fd_ = -1;
  std::lock_guard<std::mutex> lock(held_mutex);
  held_here.erase(name_);
  held_released.notify_all();
}

CellCache::CellCache(std::string dir) : dir_(std::move(dir)) {
  std::error_code ec;
  for (const char* sub : {"cells", "bitstreams", "locks", "tmp"}) {
    fs::create_directories(fs::path(dir_) / sub, ec);
    if (ec)
      throw Error("cannot create cache directory " + (fs::path(dir_) / sub).string() + ": " + ec.message());
  }
}

CacheClaim CellCache::take(const std::string& name, bool wait) const {
  {
    std::unique_lock<std::mutex> lock(held_mutex);
    if (!wait && held_here.count(name) != 0) return {};
    held_released.wait(lock, [&] { return held_here.count(name) == 0; });
    held_here.insert(name);
  }
  const std::string path = dir_ + "/locks/" + name + ".lock";
  for (;;) {
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
      const std::string reason = std::strerror(errno);
      std::lock_guard<std::mutex> lock(held_mutex);
      held_here.erase(name);
      held_released.notify_all();
      throw Error("cannot create " + path + ": " + reason);
    }
    int rc;
    do {
      rc = ::flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB));
    } while (rc != 0 && errno == EINTR);
    if (rc != 0) {
      ::close(fd);
      std::lock_guard<std::mutex> lock(held_mutex);
      held_here.erase(name);
      held_released.notify_all();
      return {};
    }
    // The holder before us unlinks its file before releasing it: a lock on a file no longer at
    // the path claims nothing, so open the path again.
    struct stat locked {
    }, current{};
    if (::fstat(fd, &locked) == 0 && ::stat(path.c_str(), &current) == 0 && locked.st_ino == current.st_ino &&
        locked.st_dev == current.st_dev) {
      char host[256] = {};
      ::gethostname(host, sizeof host - 1);
      const std::string owner = fmt::format("{} {} {}\n", host, ::getpid(), std::time(nullptr));
      if (::ftruncate(fd, 0) == 0) (void)!::pwrite(fd, owner.data(), owner.size(), 0);
      return CacheClaim(fd, path, name);
    }
    ::close(fd);
  }
}

CacheClaim CellCache::try_claim(const std::string& name) const {
  return take(name, false);
}

CacheClaim CellCache::claim(const std::string& name) const {
  return take(name, true);
}

void CellCache::record_hit(const char* kind, const std::string& key) const {
  // O_APPEND keeps each short line whole on a local disk; on NFS a line may interleave, which
  // only blurs `cache stats`' hit count.
  const int fd = ::open((dir_ + "/hits.log").c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return;
  const std::string line = fmt::format("{} {} {}\n", std::time(nullptr), kind, key);
  (void)!::write(fd, line.data(), line.size());
  ::close(fd);
}

std::optional<CachedCell> CellCache::find_cell(const std::string& key) const {
  const std::string entry = dir_ + "/cells/" + key;
  std::error_code ec;
  if (!fs::is_directory(entry, ec)) return std::nullopt;
  try {
    CachedCell cell;
    cell.result = cell_from_json(nlohmann::json::parse(read_file(entry + "/result.json")), entry);
    if (!cell.result.ok() || cell.result.inputs_hash != key) return std::nullopt;
    cell.decoded_png = entry + "/decoded.png";
    cell.source_png = entry + "/source.png";
    if (!fs::exists(cell.decoded_png, ec) || !fs::exists(cell.source_png, ec)) return std::nullopt;
    touch(entry);
    record_hit("cell", key);
    return cell;
  } catch (const std::exception&) {
    return std::nullopt;  // removed by prune while read, or damaged by hand: compute it again
  }
}

void CellCache::store_cell(const std::string& key, const CellResult& result, const std::string& decoded_png,
                           const std::string& source_png, const std::string& bitstream_key) const {
  const std::string entry = dir_ + "/cells/" + key;
  std::error_code ec;
  if (fs::exists(entry, ec)) return;
  const std::string temp = dir_ + "/tmp/" + key + "." + unique_suffix();
  fs::create_directories(temp, ec);
  if (ec) throw Error("cannot create " + temp + ": " + ec.message());
  try {
    write_synced(temp + "/result.json", cell_to_json(result).dump(1) + "\n");
    write_synced(temp + "/decoded.png", read_file(decoded_png));
    write_synced(temp + "/source.png", read_file(source_png));
    const nlohmann::json meta = {{"cell_id", result.cell_id}, {"bitstream", bitstream_key}};
    write_synced(temp + "/entry.json", meta.dump() + "\n");
    sync_directory(temp);
  } catch (...) {
    fs::remove_all(temp, ec);
    throw;
  }
  // rename(2) of a directory onto an existing non-empty one fails: the first writer's entry stays.
  if (::rename(temp.c_str(), entry.c_str()) != 0) {
    fs::remove_all(temp, ec);
    return;
  }
  sync_directory(dir_ + "/cells");
}

std::optional<std::string> CellCache::find_bitstream(const std::string& key) const {
  const std::string path = dir_ + "/bitstreams/" + key;
  std::error_code ec;
  if (!fs::exists(path, ec)) return std::nullopt;
  try {
    std::string file = read_file(path);
    touch(path);
    record_hit("bitstream", key);
    return file;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

void CellCache::store_bitstream(const std::string& key, const std::string& file) const {
  write_file_atomically(dir_ + "/bitstreams/" + key, file);
}

}  // namespace tgvc
