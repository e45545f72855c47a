// The typed experiment a YAML config describes (docs/config.md). Everything here is validated:
// the planner and the runner trust it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "datasets/synthetic/synthetic_sequence.h"
#include "harness/core/bd_method.h"
#include "harness/io/resize.h"
#include "harness/io/video_reader.h"

namespace tgvc {

// Where a value stands in a config or manifest file, for error messages.
struct SourcePos {
  std::string file;
  int line = 0;  // 1-based; 0 when unknown
  int column = 0;
  std::string str() const;
};

struct SequenceSpec {
  std::string dataset;  // "synthetic", "files" or the manifest's name
  std::string name;     // unique within the experiment
  bool synthetic = false;
  SyntheticSpec synthetic_spec;       // when synthetic
  std::string path;                   // when a file
  std::optional<RawVideoFormat> raw;  // geometry of a headerless .yuv file
  SourcePos pos;
};

struct ResizeSpec {
  int width = 0;
  int height = 0;
  ResizeMode mode = ResizeMode::kSquash;  // YAML: squash | crop
  ResizeFilter filter = ResizeFilter::kBicubic;
};

// One rate point of a codec: the fixed params merged with one combination of the sweep.
struct RatePoint {
  std::string label;  // e.g. "qp=44"; "default" when nothing is swept
  std::map<std::string, std::string> params;
};

struct CodecSpec {
  std::string name;         // unique label in results
  std::string type;         // registry id
  std::string preset;       // the `preset:` it was built from (configs/codecs/NAME.yaml); empty: none
  std::string preset_file;  // the preset file read
  std::map<std::string, std::string> params;
  std::vector<RatePoint> rate_points;
  SourcePos pos;
};

struct MetricSpec {
  std::string id;
  bool per_set = false;  // a per-set metric (FVD): one value per codec and rate point, not per cell
  std::map<std::string, std::string> options;
  SourcePos pos;
};

// How report.html is drawn (`tgvc-bench report` takes the same as flags).
struct ReportSpec {
  std::string anchor;                     // codec name for BD; empty: the first codec
  BdMethod bd_method = BdMethod::kPchip;  // YAML: pchip | cubic | akima
  std::string paper_points;               // CSV of published R-D points drawn beside ours; empty: none
  std::vector<std::string> metrics;       // empty: every numeric metric
};

// Where the cells run (docs/config.md, `executor:`): threads of this process, or a Slurm job
// array. Nothing here enters a cell's key: the same cell gives the same result either way.
enum class ExecutorKind { kLocal, kSlurm };

struct ExecutorSpec {
  ExecutorKind kind = ExecutorKind::kLocal;  // YAML: local | slurm
  std::string partition;                     // empty: the cluster's default
  std::string account;                       // empty: none
  std::string time_limit;    // per array task, Slurm's syntax ("30", "1:00:00"); empty: default
  int cpus_per_task = 1;     // also the threads a task runs its cells on
  std::string mem_per_task;  // e.g. "4G"; empty: the partition's default
  int gpus_per_task = 1;     // requested only by cells that need a GPU (cell_needs_gpu)
  // Cells one array task runs in turn: Slurm starts about two tasks a second per node, so cells
  // of a few seconds are better several to a task. More when the cells exceed MaxArraySize.
  int cells_per_task = 1;
  std::vector<std::string> sbatch_args;  // passed to every sbatch as they are
  SourcePos pos;
};

struct Experiment {
  std::string name;
  std::string output;  // run directory
  FrameRange frames;
  std::optional<ResizeSpec> resize;
  std::vector<SequenceSpec> sequences;
  std::vector<CodecSpec> codecs;
  std::vector<MetricSpec> metrics;
  int jobs = 1;
  // Shared cell cache directory (harness/run/cell_cache.h); empty: none. Like `output`, relative
  // to the working directory. Not part of any cell's key: it only says where results are kept.
  std::string cache;
  ReportSpec report;
  ExecutorSpec executor;
  std::string config_path;
  std::string config_text;  // the file as read, copied into the run directory
};

// Reads and validates a config. Relative paths in it are resolved against the config's
// directory. Throws InputError whose `where` is "file:line:column".
Experiment load_experiment(const std::string& path);

// The same from text; `path` names it in errors and anchors relative paths.
Experiment parse_experiment(const std::string& text, const std::string& path);

}  // namespace tgvc
