#include "harness/run/cell_key.h"

#include <sys/stat.h>

#include <fmt/format.h>

#include "codecs/codec.h"
#include "harness/core/sha256.h"
#include "harness/metrics/metric.h"
#include "harness/metrics/per_set_metric.h"
#include "reports/cell_result.h"

namespace tgvc {
namespace {

std::string sequence_identity(const SequenceSpec& s) {
  if (s.synthetic) {
    const SyntheticSpec& g = s.synthetic_spec;
    return fmt::format("synthetic scene={} seed={} size={}x{} frames={} fps={}/{}", g.scene, g.seed, g.width,
                       g.height, g.frame_count, g.fps.num, g.fps.den);
  }
  struct stat st {};
  const bool found = ::stat(s.path.c_str(), &st) == 0;
  std::string id = fmt::format("file path={} size={} mtime={}.{:09}", s.path, found ? st.st_size : -1,
                               found ? st.st_mtim.tv_sec : 0, found ? st.st_mtim.tv_nsec : 0);
  if (s.raw) {
    id += fmt::format(" raw={}x{} chroma={} depth={} fps={}/{} matrix={} range={}", s.raw->width, s.raw->height,
                      to_string(s.raw->format.chroma), s.raw->format.bit_depth, s.raw->fps.num, s.raw->fps.den,
                      to_string(s.raw->colour.matrix), to_string(s.raw->colour.range));
  }
  return id;
}

// A setting's value, and when it names a file (a TorchScript model) the file too: replacing the
// model at the same path must not reuse old results.
void hash_setting(Sha256& h, const char* kind, const std::string& key, const std::string& value) {
  h.update(fmt::format("{} {}={}\n", kind, key, value));
  struct stat st {};
  if (!value.empty() && ::stat(value.c_str(), &st) == 0 && S_ISREG(st.st_mode)) {
    h.update(fmt::format("file size={} mtime={}.{:09}\n", st.st_size, st.st_mtim.tv_sec, st.st_mtim.tv_nsec));
  }
}

}  // namespace

std::string cell_inputs_hash(const Experiment& e, const Cell& cell) {
  const SequenceSpec& seq = e.sequences[cell.sequence];
  const CodecSpec& codec_spec = e.codecs[cell.codec];
  const Codec* codec = find_codec(codec_spec.type);
  Sha256 h;
  h.update(fmt::format("schema={}\n", kResultSchemaVersion));
  h.update(fmt::format("dataset={}\nsequence={}\n{}\n", seq.dataset, seq.name, sequence_identity(seq)));
  h.update(fmt::format("frames={},{}\n", e.frames.start, e.frames.count));
  if (e.resize) {
    h.update(fmt::format("resize={}x{} {} {}\n", e.resize->width, e.resize->height, e.resize->mode, e.resize->filter));
  }
  h.update(fmt::format("codec={} type={} version={}\n", codec_spec.name, codec_spec.type, codec->version()));
  const ParamSet params =
      ParamSet::resolve(codec->param_specs(), codec_spec.rate_points[cell.rate_point].params, codec_spec.name);
  for (const auto& [k, v] : params.values()) hash_setting(h, "param", k, v);
  for (const MetricSpec& m : e.metrics) {
    const std::string version = m.per_set ? find_per_set_metric(m.id)->version() : find_metric(m.id)->version();
    h.update(fmt::format("metric={} version={}\n", m.id, version));
    for (const auto& [k, v] : m.options) hash_setting(h, "option", k, v);
  }
  return h.hex_digest();
}

}  // namespace tgvc
