#include "harness/run/cell_runner.h"

#include <chrono>
#include <map>
#include <tuple>

#include "codecs/codec.h"
#include "codecs/source_colour.h"
#include "harness/core/error.h"
#include "harness/io/png_writer.h"
#include "harness/metrics/frame_metrics.h"
#include "harness/metrics/rate.h"
#include "harness/metrics/registry.h"
#include "harness/run/synthetic_truth.h"
#include "reports/still_frame.h"

namespace tgvc {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void measure(const Experiment& e, size_t sequence, SequenceCache& cache, const Video& source,
             const Video& decoded, CellResult& result) {
  const SequenceSpec& seq = e.sequences[sequence];
  check_comparable(source, decoded);
  std::unique_ptr<SyntheticTruth> truth;
  MetricContext context;
  if (seq.synthetic) {
    truth = std::make_unique<SyntheticTruth>(seq.synthetic_spec, e.frames.start);
    context.motion_truth = truth.get();
  }
  // Per-frame metrics go through their accumulators together, each frame's colour forms made once
  // (harness/metrics/frame_metrics.h), as `measure` feeds them; the others see the whole clips.
  std::vector<FrameMetricRequest> per_frame;
  std::vector<size_t> per_frame_spec;
  for (size_t i = 0; i < e.metrics.size(); ++i) {
    const MetricSpec& spec = e.metrics[i];
    const Metric* metric = find_metric(spec.id)->plain;
    if (!metric) continue;
    const ParamSet options = ParamSet::resolve(metric->param_specs(), spec.options, "metrics." + spec.id);
    if (metric->start_frames(source.info, decoded.info, options)) {
      per_frame.push_back({metric, options});
      per_frame_spec.push_back(i);
    }
  }
  std::map<size_t, std::vector<MetricValue>> streamed;
  if (!per_frame.empty()) {
    std::vector<std::vector<MetricValue>> values = compute_frame_metrics(source, decoded, per_frame);
    for (size_t k = 0; k < values.size(); ++k) streamed[per_frame_spec[k]] = std::move(values[k]);
  }
  for (size_t i = 0; i < e.metrics.size(); ++i) {
    const MetricSpec& spec = e.metrics[i];
    const MetricEntry& entry = *find_metric(spec.id);
    const ParamSet options = ParamSet::resolve(entry.descriptor->options, spec.options, "metrics." + spec.id);
    if (streamed.count(i) != 0) {
      result.headline_values.push_back(headline_value(*entry.descriptor, options).name);
      for (MetricValue& v : streamed[i]) result.metrics.push_back(std::move(v));
      continue;
    }
    if (entry.per_set) {  // features now, the value once the whole set is done (set_metrics.h)
      result.set_contributions.push_back(entry.per_set->contribute(source, decoded, options));
      continue;
    }
    const Metric* metric = entry.plain;
    // What the metric computes from the source alone is made once per sequence and shared.
    MetricContext own = context;
    std::shared_ptr<const PreparedSource> prepared;
    const std::string key = metric->prepared_source_key(options, context);
    if (!key.empty()) {
      prepared = cache.prepared(sequence, spec.id + ": " + key,
                                [&] { return metric->prepare(source, options, context); });
      own.prepared_source = prepared.get();
    }
    std::vector<MetricValue> values = metric->compute_in_context(source, decoded, options, own);
    result.headline_values.push_back(headline_value(*entry.descriptor, options).name);
    for (MetricValue& v : values) result.metrics.push_back(std::move(v));
  }
}

// The decoded frame and its source frame the report shows for this cell (reports/still_frame.h):
// nearest the median of the report's first main metric, so that a frame beside a keyframe cannot
// stand for a codec whose quality swings.
void save_stills(const Experiment& e, const std::string& run_dir, const std::string& cell_id, size_t sequence,
                 SequenceCache& cache, const Video& source, const Video& decoded, CellResult& r) {
  std::tie(r.still_frame, r.still_metric) = pick_still_frame(e, r);
  write_png(run_dir + "/cells/" + cell_id + ".png", decoded.frames[r.still_frame], decoded.info.colour);
  // Cells of a sequence often pick the same frame: its source still is written once per run.
  if (cache.first_still(sequence, r.still_frame)) {
    write_png(run_dir + "/" + still_source_file(r.dataset, r.sequence, r.still_frame),
              source.frames[r.still_frame], source.info.colour);
  }
}

}  // namespace

std::pair<int, std::string> pick_still_frame(const Experiment& e, const CellResult& r) {
  const StillChoice choice = choose_still_frame(r.metrics, r.headline_values, e.report.metrics);
  if (choice.frame >= 0 && choice.frame < r.frames) return {choice.frame, choice.metric};
  return {r.frames / 2, ""};
}

CellResult run_cell(const Experiment& e, const Cell& cell, SequenceCache& cache, BitstreamStore& bitstreams,
                    const std::string& bitstream_key, const std::string& inputs_hash,
                    const std::string& run_dir, CellWork* work) {
  const auto cell_start = Clock::now();
  const SequenceSpec& seq = e.sequences[cell.sequence];
  const CodecSpec& codec_spec = e.codecs[cell.codec];
  const RatePoint& point = codec_spec.rate_points[cell.rate_point];
  const Codec* codec = find_codec(codec_spec.type);

  CellResult r;
  r.cell_id = cell.id;
  r.inputs_hash = inputs_hash;
  r.dataset = seq.dataset;
  r.sequence = seq.name;
  r.codec = codec_spec.name;
  r.codec_type = codec_spec.type;
  r.codec_version = codec->version();
  r.rate_point = point.label;
  r.status = CellOutcome::kOk;

  FailedStage stage = FailedStage::kLoad;
  std::shared_ptr<const Video> source;
  try {
    bool loaded_here = false;
    const auto load_start = Clock::now();
    source = cache.acquire(cell.sequence, &loaded_here, &r.timing.load_s);
    work->load_s = seconds_since(load_start);  // a wait for another cell's load included
    const ParamSet params = ParamSet::resolve(codec->param_specs(), point.params, codec_spec.name);
    r.params = params.values();
    r.codec_version = codec->version_for(params);

    stage = FailedStage::kEncode;
    BitstreamOrigin origin = BitstreamOrigin::kEncodedHere;
    double encode_wait_s = 0;
    const std::shared_ptr<const StoredBitstream> stored = bitstreams.get(
        bitstream_key, [&] { return encode_source(*codec, *source, params); }, &origin, &encode_wait_s);
    r.timing.encode_s = stored->encode_s;
    r.timing.encode_from = to_string(origin);
    work->codec_s = encode_wait_s;
    // The bitstream may be another entry's: this cell's own decoder choices replace that entry's,
    // while what its encoder wrote for the decoder (learned codecs' frame digests, T-GVC's
    // keyframe codec options) stays with the bitstream.
    Encoded encoded = stored->encoded;
    for (const auto& [key, value] : codec->decoder_options(params)) encoded.decoder_options[key] = value;

    stage = FailedStage::kDecode;
    auto t = Clock::now();
    const Video decoded = decode_for_source(*codec, encoded);
    r.timing.decode_s = seconds_since(t);
    work->codec_s += r.timing.decode_s;

    r.width = encoded.info.width;
    r.height = encoded.info.height;
    r.coded_width = encoded.coded_width;
    r.coded_height = encoded.coded_height;
    r.padding = encoded.padding;
    r.colour_conversion = describe(encoded.conversion);
    r.frames = encoded.frame_count;
    r.fps = encoded.info.fps.value();
    const Rate rate = compute_rate(encoded.bitstream.size(), r.width, r.height, r.frames, r.fps);
    r.bits = rate.bits;
    r.bpp = rate.bpp;
    r.kbps = rate.kbps;
    for (const RateComponent& c : encoded.components) r.rate_components.emplace_back(c.name, c.bytes * 8);
    r.encoder_notes = encoded.encoder_notes;

    stage = FailedStage::kMetrics;
    t = Clock::now();
    measure(e, cell.sequence, cache, *source, decoded, r);
    r.timing.metrics_s = seconds_since(t);
    work->metrics_s = r.timing.metrics_s;

    stage = FailedStage::kStill;
    save_stills(e, run_dir, cell.id, cell.sequence, cache, *source, decoded, r);
  } catch (const std::exception& ex) {
    r.status = CellOutcome::kFailed;
    r.stage = stage;
    r.error = ex.what();
    r.metrics.clear();
    r.set_contributions.clear();
  }
  cache.release(cell.sequence);
  bitstreams.release(bitstream_key);
  r.timing.total_s = seconds_since(cell_start);
  return r;
}

}  // namespace tgvc
