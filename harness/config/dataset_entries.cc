#include "harness/config/dataset_entries.h"

#include <algorithm>
#include <filesystem>

#include "harness/config/yaml_fields.h"
#include "harness/core/atomic_file.h"
#include "harness/core/error.h"
#include "harness/core/suggest.h"
#include "harness/io/image_sequence.h"
#include "harness/io/sample_packing.h"

namespace tgvc {
namespace {

namespace fs = std::filesystem;

struct RawFormatName {
  const char* name;
  PixelFormat format;
};

const RawFormatName kRawFormats[] = {
    {"yuv420p", {ChromaFormat::k420, 8, ColourFamily::kYuv}},
    {"yuv420p10le", {ChromaFormat::k420, 10, ColourFamily::kYuv}},
    {"yuv422p", {ChromaFormat::k422, 8, ColourFamily::kYuv}},
    {"yuv422p10le", {ChromaFormat::k422, 10, ColourFamily::kYuv}},
    {"yuv444p", {ChromaFormat::k444, 8, ColourFamily::kYuv}},
    {"yuv444p10le", {ChromaFormat::k444, 10, ColourFamily::kYuv}},
};

std::string resolve_path(const std::string& path, const std::string& base) {
  if (path.empty() || fs::path(path).is_absolute() || base.empty()) return path;
  return (fs::path(base) / path).lexically_normal().string();
}

Rational parse_fps(const YAML::Node& map, const std::string& file, const std::string& context) {
  const std::string text = optional_string(map, "fps", "30", file, context);
  // "30", "29.97" or "30000/1001".
  const size_t slash = text.find('/');
  try {
    if (slash != std::string::npos) {
      const int num = std::stoi(text.substr(0, slash));
      const int den = std::stoi(text.substr(slash + 1));
      if (num > 0 && den > 0) return {num, den};
    } else {
      const double value = std::stod(text);
      if (value > 0 && value <= 1000) return {static_cast<int>(value * 1000 + 0.5), 1000};
    }
  } catch (const std::exception&) {
  }
  throw InputError(position_of(map["fps"], file).str() + ": " + context + ".fps",
                   "a positive frame rate such as 30, 29.97 or 30000/1001", "'" + text + "'");
}

std::optional<RawVideoFormat> parse_raw(const YAML::Node& map, const std::string& path,
                                        const std::string& file, const std::string& context) {
  const bool is_yuv = fs::path(path).extension() == ".yuv";
  if (!is_yuv) {
    for (const char* key : {"width", "height", "format"}) {
      if (map[key]) {
        throw InputError(position_of(map[key], file).str() + ": " + context + "." + key,
                         "geometry keys only for headerless .yuv files", "'" + path + "'");
      }
    }
    return std::nullopt;
  }
  RawVideoFormat raw;
  raw.width = required_int(map, "width", 2, 16384, file, context);
  raw.height = required_int(map, "height", 2, 16384, file, context);
  raw.fps = parse_fps(map, file, context);
  const std::string format = optional_string(map, "format", "yuv420p", file, context);
  std::vector<std::string> names;
  bool found = false;
  for (const RawFormatName& f : kRawFormats) {
    names.push_back(f.name);
    if (format == f.name) {
      raw.format = f.format;
      found = true;
    }
  }
  if (!found) {
    throw InputError(position_of(map["format"], file).str() + ": " + context + ".format",
                     "one of " + join(names), "'" + format + "'");
  }
  const std::string matrix = optional_string(map, "matrix", "bt709", file, context);
  if (matrix != "bt601" && matrix != "bt709") {
    throw InputError(position_of(map["matrix"], file).str() + ": " + context + ".matrix", "bt601 or bt709",
                     "'" + matrix + "'");
  }
  raw.colour.matrix = matrix == "bt601" ? Matrix::kBt601 : Matrix::kBt709;
  const std::string range = optional_string(map, "range", "limited", file, context);
  if (range != "limited" && range != "full") {
    throw InputError(position_of(map["range"], file).str() + ": " + context + ".range", "limited or full",
                     "'" + range + "'");
  }
  raw.colour.range = range == "full" ? Range::kFull : Range::kLimited;
  return raw;
}

// A file's stem; an image sequence's folder name (DCVC's layout names the sequence by its folder).
std::string default_sequence_name(const std::string& path) {
  if (!is_image_sequence(path)) return fs::path(path).stem().string();
  fs::path folder = fs::is_directory(path) ? fs::path(path) : fs::path(path).parent_path();
  if (folder.filename().empty()) folder = folder.parent_path();  // a trailing '/'
  return folder.filename().string();
}

// An image sequence: its files are listed now, so a gap or a stray name is reported at load time
// with the config's position; only `fps` applies (default 30), carried in RawVideoFormat::fps.
std::optional<RawVideoFormat> parse_image_sequence(const YAML::Node& map, const std::string& path,
                                                   const std::string& file, const std::string& context) {
  for (const char* key : {"width", "height", "format", "matrix", "range"}) {
    if (map[key]) {
      throw InputError(position_of(map[key], file).str() + ": " + context + "." + key,
                       "only fps for an image sequence (its PNGs state the rest)", "'" + path + "'");
    }
  }
  try {
    image_sequence_files(path);
  } catch (const InputError& e) {
    throw InputError(position_of(map["path"], file).str() + ": " + context + ".path: " + e.where(),
                     e.expected(), e.found());
  }
  RawVideoFormat raw;
  raw.fps = map["fps"] ? parse_fps(map, file, context) : kImageSequenceDefaultFps;
  return raw;
}

const std::vector<std::string> kFileKeys = {"path",   "name",   "width", "height", "fps",
                                            "format", "matrix", "range", "frames"};

// A stated length (`frames`) is checked now, so a truncated copy or a wrong geometry is named at
// load time: by the size of a headerless .yuv file, by the number of PNGs in a folder. Other
// containers only know their length once decoded, so they cannot state one.
void check_stated_frames(const YAML::Node& map, const SequenceSpec& seq, const std::string& file,
                         const std::string& context) {
  if (!map["frames"]) return;
  const int frames = required_int(map, "frames", 1, 10000000, file, context);
  const std::string where = position_of(map["frames"], file).str() + ": " + context + ".frames";
  int64_t found = 0;
  std::string unit;
  if (is_image_sequence(seq.path)) {
    found = static_cast<int64_t>(image_sequence_files(seq.path).size());
    unit = " PNGs";
  } else if (seq.raw && seq.raw->width > 0) {
    const int64_t frame_bytes = stored_frame_bytes(seq.raw->width, seq.raw->height, seq.raw->format);
    const int64_t expected = frame_bytes * frames;
    const int64_t size = static_cast<int64_t>(fs::file_size(seq.path));
    if (size != expected) {
      throw InputError(where,
                       "'" + seq.path + "' of " + std::to_string(expected) + " bytes (" +
                           std::to_string(frames) + " frames of " + std::to_string(frame_bytes) + " bytes)",
                       std::to_string(size) + " bytes");
    }
    return;
  } else {
    throw InputError(where,
                     "frames only for headerless .yuv files and PNG folders (whose length is known at load)",
                     "'" + seq.path + "'");
  }
  if (found != frames) {
    throw InputError(where, "'" + seq.path + "' with " + std::to_string(frames) + unit,
                     std::to_string(found) + unit);
  }
}

SequenceSpec parse_file_entry(const YAML::Node& map, const std::string& dataset, const std::string& base,
                              const std::string& file, const std::string& context) {
  require_map(map, file, context);
  require_known_keys(map, kFileKeys, file, context);
  SequenceSpec seq;
  seq.dataset = dataset;
  seq.pos = position_of(map, file);
  seq.path = resolve_path(required_string(map, "path", file, context), base);
  seq.name = optional_string(map, "name", default_sequence_name(seq.path), file, context);
  if (is_image_sequence(seq.path)) {
    seq.raw = parse_image_sequence(map, seq.path, file, context);
    check_stated_frames(map, seq, file, context);
    return seq;
  }
  if (!fs::is_regular_file(seq.path)) {
    throw InputError(position_of(map["path"], file).str() + ": " + context + ".path",
                     "an existing video file, a folder of numbered PNGs or a pattern such as frame_%05d.png",
                     "'" + seq.path + "' does not exist");
  }
  seq.raw = parse_raw(map, seq.path, file, context);
  check_stated_frames(map, seq, file, context);
  return seq;
}

SequenceSpec parse_synthetic_entry(const YAML::Node& map, const std::string& file, const std::string& context,
                                   const FrameRange& frames, const std::optional<ResizeSpec>& resize) {
  require_map(map, file, context);
  require_known_keys(map, {"name", "scene", "seed", "width", "height", "frames", "fps"}, file, context);
  SequenceSpec seq;
  seq.dataset = "synthetic";
  seq.synthetic = true;
  seq.pos = position_of(map, file);
  seq.name = required_string(map, "name", file, context);
  SyntheticSpec& s = seq.synthetic_spec;
  s.scene = optional_string(map, "scene", "orbit", file, context);
  const auto& scenes = synthetic_scenes();
  if (std::find(scenes.begin(), scenes.end(), s.scene) == scenes.end()) {
    throw InputError(position_of(map["scene"], file).str() + ": " + context + ".scene",
                     "one of " + join(scenes), "'" + s.scene + "'");
  }
  s.seed = static_cast<uint32_t>(optional_int(map, "seed", 1, 0, 2147483647, file, context));
  // Rendered directly at the coded size, so the ground truth is at the coded resolution.
  s.width = optional_int(map, "width", resize ? resize->width : 512, 16, 8192, file, context);
  s.height = optional_int(map, "height", resize ? resize->height : 320, 16, 8192, file, context);
  const int needed = frames.count > 0 ? frames.start + frames.count : 96;
  s.frame_count = optional_int(map, "frames", needed, 1, 100000, file, context);
  s.fps = parse_fps(map, file, context);
  return seq;
}

std::vector<SequenceSpec> parse_manifest(const YAML::Node& entry, const std::string& file,
                                         const std::string& base, const std::string& context) {
  require_map(entry, file, context);
  require_known_keys(entry, {"path", "root"}, file, context);
  const std::string manifest_path = resolve_path(required_string(entry, "path", file, context), base);
  if (!fs::is_regular_file(manifest_path)) {
    throw InputError(position_of(entry["path"], file).str() + ": " + context + ".path",
                     "an existing manifest file", "'" + manifest_path + "' does not exist");
  }
  const YAML::Node manifest = parse_yaml(read_file(manifest_path), manifest_path);
  require_map(manifest, manifest_path, "the manifest");
  require_known_keys(manifest, {"name", "root", "description", "source", "sequences"}, manifest_path,
                     "the manifest");
  const std::string name = required_string(manifest, "name", manifest_path, "the manifest");
  const std::string manifest_dir = fs::path(manifest_path).parent_path().string();
  std::string root =
      resolve_path(optional_string(manifest, "root", "", manifest_path, "the manifest"), manifest_dir);
  if (root.empty()) root = manifest_dir;
  if (entry["root"]) root = resolve_path(required_string(entry, "root", file, context), base);
  const YAML::Node list = manifest["sequences"];
  if (!list) throw InputError(manifest_path, "a 'sequences' list", "none");
  require_sequence(list, manifest_path, "sequences");
  std::vector<SequenceSpec> out;
  for (size_t i = 0; i < list.size(); ++i) {
    out.push_back(
        parse_file_entry(list[i], name, root, manifest_path, "sequences[" + std::to_string(i) + "]"));
  }
  return out;
}

}  // namespace

std::vector<SequenceSpec> parse_datasets(const YAML::Node& list, const std::string& file,
                                         const std::string& base_dir, const FrameRange& frames,
                                         const std::optional<ResizeSpec>& resize) {
  if (!list) throw InputError(file, "a 'datasets' list with at least one entry", "none");
  require_sequence(list, file, "datasets");
  std::vector<SequenceSpec> sequences;
  for (size_t i = 0; i < list.size(); ++i) {
    const YAML::Node entry = list[i];
    const std::string context = "datasets[" + std::to_string(i) + "]";
    require_map(entry, file, context);
    require_known_keys(entry, {"synthetic", "file", "manifest"}, file, context);
    if (entry.size() != 1) {
      throw InputError(position_of(entry, file).str() + ": " + context,
                       "exactly one of synthetic, file, manifest", std::to_string(entry.size()) + " keys");
    }
    if (entry["synthetic"]) {
      sequences.push_back(
          parse_synthetic_entry(entry["synthetic"], file, context + ".synthetic", frames, resize));
    } else if (entry["file"]) {
      sequences.push_back(parse_file_entry(entry["file"], "files", base_dir, file, context + ".file"));
    } else {
      for (SequenceSpec& s : parse_manifest(entry["manifest"], file, base_dir, context + ".manifest")) {
        sequences.push_back(std::move(s));
      }
    }
  }
  if (sequences.empty())
    throw InputError(position_of(list, file).str() + ": datasets", "at least one sequence", "none");
  for (size_t i = 0; i < sequences.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      if (sequences[i].name == sequences[j].name && sequences[i].dataset == sequences[j].dataset) {
        throw InputError(sequences[i].pos.str() + ": datasets", "unique sequence names within a dataset",
                         "'" + sequences[i].name + "' twice (first at " + sequences[j].pos.str() + ")");
      }
    }
  }
  return sequences;
}

}  // namespace tgvc
