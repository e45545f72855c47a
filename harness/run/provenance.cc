#include "harness/run/provenance.h"

#include <unistd.h>

#include <ctime>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libswscale/swscale.h>
}

#include "codecs/codec.h"
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
