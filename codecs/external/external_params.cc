#include "codecs/external/external_params.h"

#include "harness/core/error.h"
#include "harness/core/placeholders.h"
#include "harness/core/string_lists.h"

namespace tgvc {

const ParamTable<ExternalParams>& external_param_table() {
  using O = ExternalParams;
  using Row = ParamRow<O>;
  static const ParamTable<O> table({
      Row("encode", &O::encode)
          .list(true)
          .help("the encoder's argv: [program, arg, ...], run without a shell"),
      Row("decode", &O::decode)
          .list(true)
          .help("the decoder's argv; absent with one-shot (the encoder writes {output})"),
      Row("bitstream", &O::bitstream)
          .help("the bitstream file in the work dir, or a glob (sizes summed): the rate"),
      Row("input-format", &O::input_format, exchange_format_names())
          .help("how {input} is written: y4m, yuv (planar) or png (folder im00001.png ...)"),
      Row("output-format", &O::output_format, exchange_format_names())
          .help("how {output} and {recon} are read: y4m, yuv or png"),
      Row("one-shot", &O::one_shot).help("the encode program also writes the decoded video to {output}"),
      Row("whole-chroma", &O::whole_chroma)
          .help("the programs get an odd-size source padded by edge replication to whole chroma "
                "samples (even width for 4:2:0 and 4:2:2, even height for 4:2:0), as HEVC needs; "
                "the decode is cropped back"),
      Row("timeout", &O::timeout)
          .range(0, 1e7)
          .unit("s")
          .help("kill a program (and its children) after this long; 0: never"),
      Row("env", &O::env).map().help("variables added to the programs' environment"),
      Row("version", &O::version)
          .list(true)
          .help("a command whose output, with the programs' SHA-256, keys the cache"),
  });
  return table;
}

const std::vector<ParamSpec>& external_param_specs() {
  static const std::vector<ParamSpec> specs = [] {
    std::vector<ParamSpec> out = external_param_table().specs();
    ParamSpec any;
    any.key = kAnyOtherKey;
    any.type = ParamType::kString;
    any.help = "any other key: a value for its {KEY} placeholder";
    out.push_back(any);
    return out;
  }();
  return specs;
}

const std::vector<std::string>& external_placeholders() {
  static const std::vector<std::string> names = {"input",   "bitstream", "output",   "recon",
                                                 "width",   "height",    "fps",      "fps_num",
                                                 "fps_den", "frames",    "bitdepth", "workdir"};
  return names;
}

namespace {

std::vector<std::string> list_of(const std::string& text) {
  if (text.empty()) return {};
  return parse_string_list(text).value_or(std::vector<std::string>{});
}

bool holds_placeholder(const std::vector<std::string>& argv, const std::string& name) {
  for (const std::string& item : argv) {
    for (const PlaceholderUse& use : scan_placeholders(item).uses) {
      if (use.name == name) return true;
    }
  }
  return false;
}

}  // namespace

ExternalCommand external_command(const ParamSet& params) {
  ExternalCommand c;
  c.params = external_param_table().parse(params);
  c.encode = list_of(c.params.encode);
  c.decode = list_of(c.params.decode);
  c.version = list_of(c.params.version);
  if (!c.params.env.empty())
    c.env = parse_string_map(c.params.env).value_or(std::map<std::string, std::string>{});
  if (c.encode.empty())
    throw InputError("external.encode", "the encoder's argv: [program, arg, ...]", "none");
  if (c.params.one_shot && !c.decode.empty()) {
    throw InputError("external.decode", "no decode with one-shot: true (the encoder writes {output})",
                     "a decode argv");
  }
  if (!c.params.one_shot && c.decode.empty()) {
    throw InputError("external.decode", "the decoder's argv (or one-shot: true)", "none");
  }
  if (c.params.one_shot && !holds_placeholder(c.encode, "output")) {
    throw InputError("external.encode", "an {output} argument with one-shot: true", "none");
  }
  const std::string& b = c.params.bitstream;
  if (b.empty())
    throw InputError("external.bitstream", "the bitstream's file name (or glob) in the work dir", "none");
  if (b[0] == '/' || b == ".." || b.rfind("../", 0) == 0 || b.find("/../") != std::string::npos) {
    throw InputError("external.bitstream", "a name inside the cell's work dir", "'" + b + "'");
  }
  c.uses_recon = holds_placeholder(c.encode, "recon");
  return c;
}

}  // namespace tgvc
