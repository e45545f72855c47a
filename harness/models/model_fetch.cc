#include "harness/models/model_fetch.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <mutex>

#include <curl/curl.h>
#include <fmt/format.h>

#include "harness/core/error.h"
#include "harness/core/sha256.h"
#include "harness/models/model_store.h"

namespace tgvc {
namespace {

void ensure_directory(const std::string& dir) {
  std::string partial;
  for (size_t i = 0; i <= dir.size(); ++i) {
    if (i == dir.size() || dir[i] == '/') {
      if (!partial.empty() && ::mkdir(partial.c_str(), 0755) != 0 && errno != EEXIST) {
        throw Error("cannot create " + partial + ": " + std::strerror(errno));
      }
    }
    if (i < dir.size()) partial.push_back(dir[i]);
  }
}

void replace_all(std::string* s, const std::string& from, const std::string& to) {
  for (size_t at = s->find(from); at != std::string::npos; at = s->find(from, at + to.size())) {
    s->replace(at, from.size(), to);
  }
}

// One download into an open file descriptor, hashing as it goes.
struct Transfer {
  int fd = -1;
  Sha256 sha;
  int64_t bytes = 0;
  int64_t limit = -1;  // abort beyond this many bytes (the manifest's size)
  bool write_failed = false;
  std::ostream* log = nullptr;
  std::chrono::steady_clock::time_point last_report = std::chrono::steady_clock::now();
};

size_t on_data(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  const size_t n = size * count;
  if (t->limit >= 0 && t->bytes + static_cast<int64_t>(n) > t->limit) return 0;
  size_t done = 0;
  while (done < n) {
    const ssize_t w = ::write(t->fd, data + done, n - done);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) {
      t->write_failed = true;
      return 0;
    }
    done += static_cast<size_t>(w);
  }
  t->sha.update(data, n);
  t->bytes += static_cast<int64_t>(n);
  const auto now = std::chrono::steady_clock::now();
  if (t->log && now - t->last_report > std::chrono::seconds(5)) {
    t->last_report = now;
    if (t->limit > 0) {
      *t->log << fmt::format("  {:.0f} of {:.0f} MB\n", t->bytes / 1e6, t->limit / 1e6);
    } else {
      *t->log << fmt::format("  {:.0f} MB\n", t->bytes / 1e6);
    }
    t->log->flush();
  }
  return n;
}

struct Attempt {
  bool ok = false;
  bool network = false;  // failed to reach the host at all
  std::string sha256;
  std::string error;
};

Attempt download(const std::string& url, const std::string& temp, int64_t size, std::ostream& log) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  Attempt a;
  Transfer t;
  t.limit = size;
  t.log = &log;
  t.fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (t.fd < 0) throw Error("cannot create " + temp + ": " + std::strerror(errno));
  CURL* curl = curl_easy_init();
  if (!curl) {
    ::close(t.fd);
    throw Error("libcurl could not start a transfer");
  }
  char error[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https,file");
  curl_easy_setopt(curl, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 10L);
  curl_easy_setopt(curl, CURLOPT_FAILONERROR, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 30L);
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1024L);  // abandon a stalled transfer
  curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, 120L);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "tgvc-bench");
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_data);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &t);
  if (size >= 0) curl_easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(size));
  const CURLcode rc = curl_easy_perform(curl);
  curl_easy_cleanup(curl);
  const bool flushed = ::fsync(t.fd) == 0;
  ::close(t.fd);
  if (rc != CURLE_OK) {
    a.network = rc == CURLE_COULDNT_RESOLVE_HOST || rc == CURLE_COULDNT_CONNECT ||
                rc == CURLE_COULDNT_RESOLVE_PROXY || rc == CURLE_OPERATION_TIMEDOUT;
    a.error = t.write_failed                         ? "writing " + temp + " failed"
              : rc == CURLE_WRITE_ERROR && size >= 0 ? fmt::format("more than the expected {} bytes", size)
                                                     : std::string(error[0] ? error : curl_easy_strerror(rc));
    return a;
  }
  if (!flushed) {
    a.error = "cannot flush " + temp;
    return a;
  }
  if (size >= 0 && t.bytes != size) {
    a.error = fmt::format("{} bytes, expected {}", t.bytes, size);
    return a;
  }
  a.ok = true;
  a.sha256 = t.sha.hex_digest();
  return a;
}

// The command to run, or where the step is described.
std::string conversion_step(const ModelEntry& model, const std::string& dir) {
  const ModelExport& e = *model.conversion;
  if (!e.command.empty()) return conversion_command(model, dir);
  return e.script.empty() ? "(no command: see the note above)" : "see " + e.script;
}

std::string size_text(int64_t size) {
  return size < 0 ? "size unknown" : fmt::format("{} bytes", size);
}

// A digest agrees with the part upstream publishes (all digests agree when it publishes none).
bool has_published_prefix(const ModelEntry& model, const std::string& sha256) {
  return sha256.compare(0, model.source.sha256_prefix.size(), model.source.sha256_prefix) == 0;
}

}  // namespace

std::string conversion_command(const ModelEntry& model, const std::string& dir) {
  if (!model.conversion) return {};
  std::string cmd = model.conversion->command;
  replace_all(&cmd, "{source}", dir + "/" + model.source.file);
  replace_all(&cmd, "{output}", dir + "/" + model.conversion->output);
  replace_all(&cmd, "{dir}", dir);
  return cmd;
}

std::string manual_fetch_instructions(const ModelEntry& model, const std::string& dir) {
  std::string out = fmt::format("To install '{}' by hand, download\n", model.name);
  for (const std::string& url : model.source.urls) out += "  " + url + "\n";
  out += fmt::format("to {}/{} ({}, SHA-256 {})", dir, model.source.file, size_text(model.source.size),
                     !model.source.sha256.empty()         ? model.source.sha256
                     : model.source.sha256_prefix.empty() ? "not published"
                                                          : "starting " + model.source.sha256_prefix + "...");
  if (model.source.sha256.empty()) {
    out +=
        fmt::format(", then record its digest: sha256sum {0}/{1} > {0}/{1}.sha256", dir, model.source.file);
  }
  out += ".\n";
  if (model.conversion) {
    out += fmt::format("Then convert it ({}):\n  {}\n", model.conversion->note, conversion_step(model, dir));
  }
  return out;
}

FetchResult fetch_model(const ModelManifest& manifest, const ModelEntry& model, const std::string& dir,
                        std::ostream& log) {
  FetchResult r;
  const ModelStatus status = model_status(manifest, model, dir, true);
  if (status.state == ModelState::kVendored) {
    r.outcome = FetchOutcome::kVendored;
    r.message = status.detail;
    return r;
  }
  if (status.state == ModelState::kReady) {
    r.outcome = FetchOutcome::kReady;
    r.message = fmt::format("{} is in place ({})", model.name, status.path);
    return r;
  }
  ensure_directory(dir);
  const std::string source = dir + "/" + model.source.file;
  bool have_source = false;
  std::error_code ec;
  if (std::filesystem::is_regular_file(source, ec)) {
    const std::string expected = model.source.sha256.empty() ? read_sha256_file(source) : model.source.sha256;
    have_source =
        !expected.empty() && sha256_file(source) == expected && has_published_prefix(model, expected);
  }
  std::vector<std::string> errors;
  bool all_network = true;
  for (size_t i = 0; i < model.source.urls.size() && !have_source; ++i) {
    static std::atomic<uint64_t> counter{0};
    const std::string temp = fmt::format("{}/.{}.part.{}.{}", dir, model.source.file, ::getpid(), counter++);
    const std::string& url = model.source.urls[i];
    log << fmt::format("{}: downloading {} ({})\n", model.name, url, size_text(model.source.size));
    log.flush();
    const Attempt a = download(url, temp, model.source.size, log);
    if (a.ok && !model.source.sha256.empty() && a.sha256 != model.source.sha256) {
      errors.push_back(fmt::format("{}: SHA-256 {} instead of {}", url, a.sha256, model.source.sha256));
      all_network = false;
      ::unlink(temp.c_str());
      continue;
    }
    if (a.ok && !has_published_prefix(model, a.sha256)) {
      errors.push_back(fmt::format("{}: SHA-256 {} does not start with the published {}", url, a.sha256,
                                   model.source.sha256_prefix));
      all_network = false;
      ::unlink(temp.c_str());
      continue;
    }
    if (!a.ok) {
      errors.push_back(url + ": " + a.error);
      all_network = all_network && a.network;
      ::unlink(temp.c_str());
      continue;
    }
    if (std::rename(temp.c_str(), source.c_str()) != 0) {
      ::unlink(temp.c_str());
      throw Error("cannot rename " + temp + " to " + source + ": " + std::strerror(errno));
    }
    if (model.source.sha256.empty()) write_sha256_file(source, a.sha256);  // trust on first use
    log << fmt::format("{}: verified {} (SHA-256 {})\n", model.name, source, a.sha256);
    have_source = true;
  }
  if (!have_source) {
    r.outcome = FetchOutcome::kFailed;
    r.message = fmt::format("{}: {}\n", model.name,
                            all_network ? "no connection to any source (offline?)" : "the download failed");
    for (const std::string& e : errors) r.message += "  " + e + "\n";
    r.message += manual_fetch_instructions(model, dir);
    return r;
  }
  if (model.conversion) {
    r.outcome = FetchOutcome::kNeedsConversion;
    r.message = fmt::format("{}: {} is in place; convert it ({}):\n  {}\n", model.name, source,
                            model.conversion->note, conversion_step(model, dir));
    return r;
  }
  r.outcome = FetchOutcome::kDownloaded;
  r.message = fmt::format("{}: ready ({})", model.name, source);
  return r;
}

}  // namespace tgvc
