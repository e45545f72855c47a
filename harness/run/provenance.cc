#include "harness/run/provenance.h"

#include <unistd.h>

#include <ctime>
#include <filesystem>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libswscale/swscale.h>
}

#include "codecs/codec.h"
#include "harness/core/sha256.h"
#include "harness/metrics/registry.h"

namespace tgvc {
namespace {

std::string av_version(unsigned v) {
  return std::to_string(v >> 16) + "." + std::to_string((v >> 8) & 0xff) + "." + std::to_string(v & 0xff);
}

}  // namespace

std::map<std::string, std::string> library_versions() {
  std::map<std::string, std::string> v;
  for (const Codec* c : all_codecs()) v["codec:" + c->id()] = c->version();
  for (const MetricEntry& m : all_metrics()) v["metric:" + m.descriptor->id] = m.descriptor->version;
  v["ffmpeg"] = av_version_info();
  v["libavcodec"] = av_version(avcodec_version());
  v["libavformat"] = av_version(avformat_version());
  v["libswscale"] = av_version(swscale_version());
  return v;
}

Provenance run_provenance(const Experiment& e, const RunFacts& facts, const std::vector<CellResult>& results,
                          const std::vector<bool>& reused) {
  Provenance p;
  p.tool_version = facts.tool_version;
  p.git_commit = facts.git_commit;
  p.config_path = e.config_path;
  p.config_sha256 = sha256_hex(e.config_text);
  p.host = host_name();
  p.started_utc = facts.started_utc;
  p.jobs = facts.jobs;
  p.command_line = facts.command_line;
  p.libraries = library_versions();
  if (!facts.cache_dir.empty())
    p.cache_dir = std::filesystem::absolute(facts.cache_dir).lexically_normal().string();
  for (size_t i = 0; i < results.size(); ++i) {
    const CellResult& r = results[i];
    if (i < reused.size() && reused[i]) {
      ++p.cells_reused;
    } else if (r.timing.result_from == "cache") {
      ++p.cells_from_cache;
    } else if (r.ok() || r.stage != FailedStage::kTask) {
      ++p.cells_computed;
      p.bitstreams_from_cache += r.timing.encode_from == "cache" ? 1 : 0;
    }
  }
  return p;
}

std::string host_name() {
  char name[256] = {};
  if (::gethostname(name, sizeof(name) - 1) != 0) return "unknown";
  return name;
}

std::string utc_now_iso8601() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  ::gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof(text), "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

}  // namespace tgvc
