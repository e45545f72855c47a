#include "harness/run/cell_key.h"

#include <sys/stat.h>

#include <fmt/format.h>

#include "codecs/codec.h"
#include "harness/core/error.h"
#include "harness/core/file_fingerprint.h"
#include "harness/core/sha256.h"
#include "harness/io/video_reader.h"
#include "harness/metrics/registry.h"
#include "harness/results/cell_result.h"

namespace tgvc {
namespace {

std::string file_identity(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return fmt::format("file path={} absent", path);
  return fmt::format("file path={} size={} mtime={}.{:09}", path, st.st_size, st.st_mtim.tv_sec,
                     st.st_mtim.tv_nsec);
}

void hash_params(Sha256& h, const char* kind, const ParamSet& params) {
  for (const auto& [key, value] : params.values()) h.update(fmt::format("{} {}={}\n", kind, key, value));
}

// Contents only: where a model lies (the models directory, a copy elsewhere) does not change a
// result; a path the result records is in the parameters. A file that cannot be read keys as
// such; the cell then fails where it reads it, as a row.
void hash_files(Sha256& h, const std::vector<std::string>& files) {
  for (const std::string& path : files) {
    std::string fingerprint;
    try {
      fingerprint = content_fingerprint(path);
    } catch (const InputError& e) {
      fingerprint = std::string("unreadable: ") + e.what();
    }
    h.update("reads " + fingerprint + "\n");
  }
}

}  // namespace

std::vector<std::string> sequence_files(const SequenceSpec& s) {
  if (s.synthetic) return {};
  try {
    return input_files(s.path);
  } catch (const InputError&) {
    return {s.path};  // a broken sequence: the cell fails at load, as a row
  }
}

std::string source_identity(const SequenceSpec& s, const std::vector<std::string>& files) {
  if (s.synthetic) {
    const SyntheticSpec& g = s.synthetic_spec;
    return fmt::format("synthetic scene={} seed={} size={}x{} frames={} fps={}/{}", g.scene, g.seed, g.width,
                       g.height, g.frame_count, g.fps.num, g.fps.den);
  }
  std::string id;
  for (const std::string& file : files) id += file_identity(file) + "\n";
  if (s.raw) {
    id += fmt::format("raw={}x{} chroma={} depth={} fps={}/{} matrix={} range={}", s.raw->width,
                      s.raw->height, to_string(s.raw->format.chroma), s.raw->format.bit_depth, s.raw->fps.num,
                      s.raw->fps.den, to_string(s.raw->colour.matrix), to_string(s.raw->colour.range));
  }
  return id;
}

std::string cell_inputs_hash(const Experiment& e, const Cell& cell) {
  const SequenceSpec& seq = e.sequences[cell.sequence];
  const CodecSpec& codec_spec = e.codecs[cell.codec];
  const Codec* codec = find_codec(codec_spec.type);
  Sha256 h;
  h.update(fmt::format("schema={}\n", kResultSchemaVersion));
  h.update(fmt::format("dataset={}\nsequence={}\n{}\n", seq.dataset, seq.name,
                       source_identity(seq, sequence_files(seq))));
  h.update(fmt::format("frames={},{}\n", e.frames.start, e.frames.count));
  if (e.resize) {
    h.update(fmt::format("resize={}x{} {} {}\n", e.resize->width, e.resize->height, to_string(e.resize->mode),
                         to_string(e.resize->filter)));
  }
  const ParamSet params = ParamSet::resolve(codec->param_specs(),
                                            codec_spec.rate_points[cell.rate_point].params, codec_spec.name);
  h.update(fmt::format("codec={} type={} version={}\n", codec_spec.name, codec_spec.type,
                       codec->version_for(params)));
  hash_params(h, "param", params);
  hash_files(h, codec->input_files(params));
  for (const MetricSpec& m : e.metrics) {
    const std::string where = "metrics." + m.id;
    const MetricEntry& metric = *find_metric(m.id);
    const ParamSet options = ParamSet::resolve(metric.descriptor->options, m.options, where);
    h.update(fmt::format("metric={} version={}\n", m.id, metric.descriptor->version));
    hash_params(h, "option", options);
    hash_files(h, metric.input_files(options));
  }
  return h.hex_digest();
}

ParamSet encoder_params(const std::vector<ParamSpec>& specs, const ParamSet& params,
                        const std::string& where) {
  std::map<std::string, std::string> given = params.values();
  for (const ParamSpec& spec : specs) {
    if (spec.decoder_only) given.erase(spec.key);
  }
  return ParamSet::resolve(specs, given, where);
}

std::string encoder_inputs_hash(const Experiment& e, const Cell& cell) {
  const SequenceSpec& seq = e.sequences[cell.sequence];
  const CodecSpec& codec_spec = e.codecs[cell.codec];
  const Codec* codec = find_codec(codec_spec.type);
  const ParamSet params =
      encoder_params(codec->param_specs(),
                     ParamSet::resolve(codec->param_specs(), codec_spec.rate_points[cell.rate_point].params,
                                       codec_spec.name),
                     codec_spec.name);
  Sha256 h;
  h.update("bitstream key 1\n");
  h.update(source_identity(seq, sequence_files(seq)) + "\n");
  h.update(fmt::format("frames={},{}\n", e.frames.start, e.frames.count));
  if (e.resize) {
    h.update(fmt::format("resize={}x{} {} {}\n", e.resize->width, e.resize->height, to_string(e.resize->mode),
                         to_string(e.resize->filter)));
  }
  h.update(fmt::format("type={} version={}\n", codec_spec.type, codec->version_for(params)));
  hash_params(h, "param", params);
  hash_files(h, codec->input_files(params));
  return h.hex_digest();
}

}  // namespace tgvc
