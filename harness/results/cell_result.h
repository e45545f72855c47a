// What one cell produced: the unit every report is built from. Reports read only these.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "harness/results/cell_status.h"
#include "harness/results/metric_value.h"

namespace tgvc {

// Bumped whenever a field of a result file changes meaning.
constexpr int kResultSchemaVersion = 1;

struct CellTiming {
  double load_s = 0;  // source read and resize; only in the cell that loaded the sequence
  double encode_s = 0;
  double decode_s = 0;
  double metrics_s = 0;
  double total_s = 0;  // the cell's wall time, from start to its result being built
  // Where the numbers above were measured. "cache": the whole result was read from the shared
  // cell cache (harness/run/cell_cache.h), so every time is that of the run that computed it.
  // Empty: computed in this run.
  std::string result_from;
  // Where the bitstream came from when this cell did not encode it: "run" (another cell of this
  // run with the same encoder inputs) or "cache" (the shared cache). encode_s is then the time of
  // the encode that made it, never zero. Empty: encoded by this cell.
  std::string encode_from;
};

struct CellResult {
  std::string cell_id;
  std::string inputs_hash;  // cache key: sequence, frames, resize, codec version, params, metrics
  CellOutcome status = CellOutcome::kOk;   // "ok" or "failed" in the files
  FailedStage stage = FailedStage::kNone;  // failed: load | encode | decode | metrics | still
  std::string error;                       // failed: the message

  std::string dataset;
  std::string sequence;
  std::string codec;  // the config's name for the codec entry
  std::string codec_type;
  std::string codec_version;
  std::string rate_point;
  std::map<std::string, std::string> params;  // every resolved parameter, defaults included
  // What the encoder chose that the params do not say (Encoded::encoder_notes; tgvc: the
  // keyframe-quality target-bpp found, the coded keyframe size); empty for most codecs.
  std::map<std::string, std::string> encoder_notes;

  int width = 0;  // the source's (and the decode's) size; bpp divides by width * height
  int height = 0;
  // The picture size the codec's library coded: width x height unless the adapter padded the
  // source (edge replication) to a size the library takes. The bits are those of the coded size.
  int coded_width = 0;
  int coded_height = 0;
  // How the codec padded the source to the coded size when it says (Encoded::padding: the learned
  // codec's "centred-zero" or "reflect-right-bottom"); empty: not stated (edge replication or none).
  std::string padding;
  // How an RGB source was coded as YUV and brought back (codecs/source_colour.h); empty: the
  // source was coded as it is.
  std::string colour_conversion;
  int frames = 0;
  double fps = 0;
  uint64_t bits = 0;
  double bpp = 0;
  double kbps = 0;
  std::vector<std::pair<std::string, uint64_t>> rate_components;  // name -> bits, summing to `bits`

  std::vector<MetricValue> metrics;
  // The headline of each metric the config listed: the first value it returned (metric.h), e.g.
  // psnr_y, trajectory_error. Reports show these among their main metrics.
  std::vector<std::string> headline_values;
  // The frame saved as cells/<cell_id>.png (and its source as still_source_file()), chosen by
  // reports/still_frame.h: nearest the median of `still_metric`'s per-frame values. -1 in results
  // written before the rule: the middle frame, with the source still of the sequence.
  int still_frame = -1;
  std::string still_metric;  // empty: no metric had per-frame values, the middle frame was saved
  // What the cell gives each per-set metric (FVD features of its clips). Kept in cells/*.json so
  // that a resumed run needs no decoding; results.json leaves them out (SetResult has the values).
  std::vector<SetContribution> set_contributions;
  CellTiming timing;

  bool ok() const { return status == CellOutcome::kOk; }
};

}  // namespace tgvc
