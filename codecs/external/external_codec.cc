#include "codecs/external/external_codec.h"

#include <glob.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>

#include <fmt/format.h>

#include "codecs/external/exchange_video.h"
#include "codecs/external/external_params.h"
#include "harness/core/error.h"
#include "harness/core/frame_padding.h"
#include "harness/core/placeholders.h"
#include "harness/core/sha256.h"
#include "harness/core/string_lists.h"
#include "harness/core/subprocess.h"
#include "harness/core/temp_dir.h"

namespace tgvc {
namespace {

namespace fs = std::filesystem;

// Keys the adapter adds to Encoded::decoder_options beside the cell's params.
constexpr const char* kReconDigest = "external:recon-sha256";
constexpr const char* kBitstreamFiles = "external:bitstream-files";

std::string fps_text(Rational fps) {
  if (fps.den == 1) return std::to_string(fps.num);
  return fmt::format("{:.6g}", fps.value());
}

// {KEY} values: the cell's params, then the video's and the work dir's names.
std::map<std::string, std::string> placeholder_values(const ParamSet& params, const VideoInfo& info,
                                                      int frames, const std::string& dir,
                                                      const ExternalCommand& c) {
  std::map<std::string, std::string> v = params.values();
  v["input"] = exchange_path(dir, "input", c.params.input_format);
  v["bitstream"] = dir + "/" + c.params.bitstream;
  v["output"] = exchange_path(dir, "output", c.params.output_format);
  v["recon"] = exchange_path(dir, "recon", c.params.output_format);
  v["width"] = std::to_string(info.width);
  v["height"] = std::to_string(info.height);
  v["fps"] = fps_text(info.fps);
  v["fps_num"] = std::to_string(info.fps.num);
  v["fps_den"] = std::to_string(info.fps.den);
  v["frames"] = std::to_string(frames);
  v["bitdepth"] = std::to_string(info.format.bit_depth);
  v["workdir"] = dir;
  // PNG folders the programs write into exist beforehand (DCVC's scripts expect them).
  if (c.params.output_format == ExchangeFormat::kPng) {
    fs::create_directories(v["output"]);
    fs::create_directories(v["recon"]);
  }
  return v;
}

std::vector<std::string> substituted(const std::vector<std::string>& argv,
                                     const std::map<std::string, std::string>& values) {
  std::vector<std::string> out;
  for (const std::string& item : argv) out.push_back(substitute_placeholders(item, values));
  return out;
}

// How much of the end of a program's stdout and stderr is kept (docs/codecs.md: 64 KiB tails).
constexpr size_t kTailBytes = 64 * 1024;

// Runs one step; a failure is an Error with what happened and the tool's last lines.
ProgramResult run_step(const char* step, const std::vector<std::string>& argv, const ExternalCommand& c,
                       const std::string& dir) {
  ProgramRun run;
  run.argv = argv;
  run.env = c.env;
  run.workdir = dir;
  run.timeout_s = c.params.timeout;
  run.tail_bytes = kTailBytes;
  ProgramResult r;
  try {
    r = run_program(run);
  } catch (const InputError& e) {
    throw InputError(std::string("external.") + step, e.expected(),
                     "external " + e.where() + ": " + e.found());
  }
  if (!r.ok()) {
    throw Error(fmt::format("external {}: {} {}; its last lines:\n{}", step, r.program,
                            r.what_happened(c.params.timeout), r.last_lines()));
  }
  return r;
}

// Runs `check` (what the harness reads after a program ran); its Error gains the program's last
// lines, which usually say why a file is missing or short.
template <class F>
auto checked_after(const ProgramResult& r, F check) -> decltype(check()) {
  try {
    return check();
  } catch (const InputError&) {
    throw;
  } catch (const Error& e) {
    throw Error(std::string(e.what()) + "; " + r.program + "'s last lines:\n" + r.last_lines());
  }
}

std::vector<uint8_t> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) throw Error("external codec: cannot read " + path);
  std::vector<uint8_t> bytes(static_cast<size_t>(in.tellg()));
  in.seekg(0);
  in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  if (!in) throw Error("external codec: cannot read " + path);
  return bytes;
}

// The picture the programs code: the source's, or with whole-chroma the padded size.
VideoInfo coded_info(const VideoInfo& info, const ExternalCommand& c) {
  if (!c.params.whole_chroma) return info;
  const PictureSize size = whole_chroma_size(info.width, info.height, info.format.chroma);
  VideoInfo coded = info;
  coded.width = size.width;
  coded.height = size.height;
  return coded;
}

// A video the programs wrote at the coded size, cropped back to the source's.
Video at_source_size(Video video, const VideoInfo& source) {
  if (video.info.width == source.width && video.info.height == source.height) return video;
  return crop_video(video, source.width, source.height);
}

// The bitstream files in the work dir (a glob may match several), in name order.
std::vector<std::string> bitstream_files(const std::string& dir, const std::string& pattern) {
  glob_t g{};
  const std::string full = dir + "/" + pattern;
  std::vector<std::string> files;
  if (::glob(full.c_str(), 0, nullptr, &g) == 0) {
    for (size_t i = 0; i < g.gl_pathc; ++i) {
      if (fs::is_regular_file(g.gl_pathv[i])) files.push_back(fs::relative(g.gl_pathv[i], dir).string());
    }
  }
  ::globfree(&g);
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::vector<std::string> there;
    for (const auto& entry : fs::directory_iterator(dir)) there.push_back(entry.path().filename().string());
    std::sort(there.begin(), there.end());
    throw Error(
        fmt::format("external encode: no bitstream: '{}' names no file in the work dir (there: {})", pattern,
                    there.empty() ? std::string("nothing") : fmt::format("{}", fmt::join(there, ", "))));
  }
  return files;
}

// Whether `line` holds `word` followed by a dotted number ("version 3.5", "v3.6.0"); `word`
// empty: any dotted number.
bool names_version(const std::string& line, const std::string& word) {
  const auto digit = [&](size_t k) {
    return k < line.size() && std::isdigit(static_cast<unsigned char>(line[k]));
  };
  for (size_t i = 0; i + word.size() < line.size(); ++i) {
    if (line.compare(i, word.size(), word) != 0) continue;
    if (!word.empty() && i > 0 && std::isalnum(static_cast<unsigned char>(line[i - 1]))) continue;
    size_t j = i + word.size();
    while (digit(j)) ++j;
    if (j > i + word.size() && j < line.size() && line[j] == '.' && digit(j + 1)) return true;
  }
  return false;
}

// The line of a version command's output that names the version, trimmed: the first with
// "version N.N" ("x265 [info]: HEVC encoder version 3.5+1"), else with "vN.N" ("AOMedia Project
// AV1 Encoder v3.6.0" at the end of `aomenc --help`), else with any dotted number, else the first.
std::string version_line(const std::string& output) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < output.size()) {
    size_t end = output.find('\n', start);
    if (end == std::string::npos) end = output.size();
    const std::string line = output.substr(start, end - start);
    const size_t from = line.find_first_not_of(" \t\r");
    const size_t to = line.find_last_not_of(" \t\r");
    if (from != std::string::npos) lines.push_back(line.substr(from, to - from + 1));
    start = end + 1;
  }
  std::string chosen = lines.empty() ? std::string() : lines.front();
  for (const char* word : {"version ", "v", ""}) {
    const auto it = std::find_if(lines.begin(), lines.end(),
                                 [&](const std::string& l) { return names_version(l, word); });
    if (it != lines.end()) {
      chosen = *it;
      break;
    }
  }
  return chosen.size() > 160 ? chosen.substr(0, 160) : chosen;
}

std::map<std::string, std::string> params_of(const Encoded& encoded) {
  std::map<std::string, std::string> out;
  for (const auto& [key, value] : encoded.decoder_options) {
    if (key.rfind("external:", 0) != 0) out[key] = value;
  }
  return out;
}

}  // namespace

std::string ExternalCodec::version() const {
  return "1 (external)";
}

std::string ExternalCodec::version_for(const ParamSet& params) const {
  ExternalCommand c;
  try {
    c = external_command(params);
  } catch (const InputError&) {
    return version();  // the cell fails at encode with the reason
  }
  if (c.version.empty()) return version();
  const std::vector<std::string> argv = substituted(c.version, params.values());
  const std::string cache_key = format_string_list(argv) + format_string_map(c.env);
  static std::mutex mutex;
  static std::map<std::string, std::string> cache;
  {
    std::lock_guard<std::mutex> lock(mutex);
    const auto it = cache.find(cache_key);
    if (it != cache.end()) return it->second;
  }
  std::string text;
  try {
    const TempDir dir("tgvc-external-");
    ProgramRun run;
    run.argv = argv;
    run.env = c.env;
    run.workdir = dir.path();
    run.timeout_s = 60;
    run.tail_bytes = kTailBytes;
    const ProgramResult r = run_program(run);
    const std::string output = r.out + r.err;
    std::string first = version_line(output);
    text = r.ok() ? fmt::format("{} (external; {}; version output sha256 {})", "1", first,
                                sha256_hex(output).substr(0, 16))
                  : fmt::format("1 (external; version command {}: {})", r.what_happened(60), r.last_lines(2));
  } catch (const Error& e) {
    text = fmt::format("1 (external; version command failed: {})", e.what());
  }
  std::lock_guard<std::mutex> lock(mutex);
  cache[cache_key] = text;
  return text;
}

std::vector<std::string> ExternalCodec::input_files(const ParamSet& params) const {
  ExternalCommand c;
  try {
    c = external_command(params);
  } catch (const InputError&) {
    return {};
  }
  std::vector<std::string> files;
  for (const std::vector<std::string>* argv : {&c.encode, &c.decode, &c.version}) {
    if (argv->empty()) continue;
    const std::string argv0 = substitute_placeholders(argv->front(), params.values());
    std::string program = resolve_program(argv0, path_of(c.env));
    if (program.empty()) program = argv0;  // keyed as absent; the cell fails where it runs it
    if (std::find(files.begin(), files.end(), program) == files.end()) files.push_back(program);
  }
  return files;
}

std::string ExternalCodec::description() const {
  return "any codec by command line: encode and decode argv lists run without a shell, rate = bitstream file "
         "bytes";
}

const std::vector<ParamSpec>& ExternalCodec::param_specs() const {
  return external_param_specs();
}

std::vector<std::string> ExternalCodec::placeholder_names() const {
  return external_placeholders();
}

Encoded ExternalCodec::encode(const Video& source, const ParamSet& params) const {
  const ExternalCommand c = external_command(params);
  if (source.frames.empty()) throw InputError("external source", "at least one frame", "none");
  if (source.info.format.family != ColourFamily::kYuv) throw InputError("external source", "YUV", "RGB");
  const TempDir dir("tgvc-external-");
  const int frames = source.frame_count();
  const VideoInfo coded = coded_info(source.info, c);
  const auto values = placeholder_values(params, coded, frames, dir.path(), c);
  const bool padded = coded.width != source.info.width || coded.height != source.info.height;
  write_exchange_video(padded ? pad_video(source, coded.width, coded.height) : source, c.params.input_format,
                       values.at("input"));
  const ProgramResult run = run_step("encode", substituted(c.encode, values), c, dir.path());

  Encoded out;
  out.codec_id = id();
  out.info = source.info;
  out.frame_count = frames;
  out.coded_width = coded.width;
  out.coded_height = coded.height;
  checked_after(run, [&] {
    const std::vector<std::string> files = bitstream_files(dir.path(), c.params.bitstream);
    for (const std::string& name : files) {
      const std::vector<uint8_t> bytes = read_bytes(dir.file(name));
      out.bitstream.insert(out.bitstream.end(), bytes.begin(), bytes.end());
      out.components.push_back({files.size() == 1 ? "bitstream" : name, bytes.size()});
    }
    if (out.bitstream.empty()) {
      throw Error(fmt::format("external encode: the bitstream ({}) is empty", fmt::join(files, ", ")));
    }
    out.decoder_options = params.values();
    out.decoder_options[kBitstreamFiles] = format_string_list(files);
    if (c.uses_recon) {
      const Video recon = at_source_size(read_exchange_video(c.params.output_format, values.at("recon"),
                                                             coded, frames, "the encoder's recon"),
                                         source.info);
      out.decoder_options[kReconDigest] = sample_digest(recon);
    }
    if (c.params.one_shot) {
      out.decoded_by_encoder = std::make_shared<const Video>(
          at_source_size(read_exchange_video(c.params.output_format, values.at("output"), coded, frames,
                                             "the decoded video"),
                         source.info));
    }
  });
  return out;
}

Video ExternalCodec::decode(const Encoded& encoded) const {
  if (encoded.codec_id != id())
    throw InputError("external bitstream", "one the external codec wrote", encoded.codec_id);
  if (encoded.decoded_by_encoder) return *encoded.decoded_by_encoder;
  ParamSet params = ParamSet::resolve(param_specs(), params_of(encoded), "external");
  const ExternalCommand c = external_command(params);
  const TempDir dir("tgvc-external-");
  const VideoInfo coded = coded_info(encoded.info, c);
  const auto values = placeholder_values(params, coded, encoded.frame_count, dir.path(), c);
  // The bitstream files back under their names, split by the components' sizes.
  const auto names = parse_string_list(encoded.decoder_options.count(kBitstreamFiles)
                                           ? encoded.decoder_options.at(kBitstreamFiles)
                                           : std::string())
                         .value_or(std::vector<std::string>{});
  if (names.size() != encoded.components.size()) {
    throw InputError("external bitstream", "the file names the encoder recorded", "none");
  }
  size_t offset = 0;
  for (size_t i = 0; i < names.size(); ++i) {
    const size_t n = encoded.components[i].bytes;
    if (offset + n > encoded.bitstream.size())
      throw InputError("external bitstream", "the recorded sizes", "fewer bytes");
    const fs::path path = dir.file(names[i]);
    fs::create_directories(path.parent_path());
    std::ofstream f(path, std::ios::binary);
    f.write(reinterpret_cast<const char*>(encoded.bitstream.data() + offset),
            static_cast<std::streamsize>(n));
    if (!f) throw Error("external decode: cannot write " + path.string());
    offset += n;
  }
  const ProgramResult run = run_step("decode", substituted(c.decode, values), c, dir.path());
  Video decoded = checked_after(run, [&] {
    return at_source_size(read_exchange_video(c.params.output_format, values.at("output"), coded,
                                              encoded.frame_count, "the decoder's output"),
                          encoded.info);
  });
  const auto recon = encoded.decoder_options.find(kReconDigest);
  if (recon != encoded.decoder_options.end()) {
    const std::string digest = sample_digest(decoded);
    if (digest != recon->second) {
      throw Error(fmt::format(
          "external decode: decoder mismatch: the decoder's output differs from the encoder's recon (sample "
          "SHA-256 {} against {})",
          digest.substr(0, 16), recon->second.substr(0, 16)));
    }
  }
  return decoded;
}

}  // namespace tgvc
