// The codec interface. A codec is one folder under codecs/ and one line in codecs/registry.cc.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "harness/core/frame.h"
#include "harness/core/params.h"

namespace tgvc {

// A named share of the bitstream (T-GVC: header, keyframes, trajectories). Components sum to
// the bitstream size.
struct RateComponent {
  std::string name;
  uint64_t bytes = 0;
};

// The colour conversion between a source and what its codec coded, when there is one: an RGB
// source is coded as YUV and its decode converted back (codecs/source_colour.h).
struct ColourConversion {
  bool applied = false;
  PixelFormat source_format;  // RGB 4:4:4 at the source's bit depth
  PixelFormat coded_format;   // the YUV the codec was given
  ColourSpec spec;            // matrix and range of both directions
};

// What an encoder produced: the real bitstream bytes, headers included, and what a decoder
// needs to know that the elementary stream does not say (the source's colour description).
struct Encoded {
  std::string codec_id;
  VideoInfo info;  // geometry, format and fps of the coded video
  int frame_count = 0;
  // Size of the pictures the library coded: info.width x info.height unless the adapter padded
  // the source (edge replication) to a size the library takes; decode() crops back.
  int coded_width = 0;
  int coded_height = 0;
  // How the source was padded to the coded size when the padding is part of the codec's method
  // (learned: "centred-zero" or "reflect-right-bottom", docs/learned-codecs.md); empty otherwise.
  std::string padding;
  ColourConversion conversion;  // set by encode_source() for an RGB source
  std::vector<uint8_t> bitstream;
  std::vector<RateComponent> components;
  // Choices of the decoder that the bitstream does not carry (tgvc: "generator"), set by
  // encode() from its params; empty for codecs with nothing to choose.
  std::map<std::string, std::string> decoder_options;
  // What the encoder chose that its params do not say, recorded in the cell's result (tgvc: the
  // keyframe quality target-bpp found, the coded keyframe size); empty for most codecs.
  std::map<std::string, std::string> encoder_notes;
  // The decoded video when the encoder's own program also decodes (an external codec's one-shot
  // tool); decode() returns it. Null for every other codec.
  std::shared_ptr<const Video> decoded_by_encoder;
};

class Codec {
 public:
  virtual ~Codec() = default;

  // Stable identifier used in configs (`type:`) and cache keys.
  virtual std::string id() const = 0;
  // Adapter version plus library version, e.g. "1 (x265 3.5)".
  virtual std::string version() const = 0;
  // The version of what a cell with `params` really runs (a codec built from choosable parts
  // names the parts chosen); recorded in the cell's result and part of its cache key.
  virtual std::string version_for(const ParamSet& /*params*/) const { return version(); }
  // Files and directories a cell with `params` reads besides its source (model files): the cache
  // key fingerprints their contents (harness/core/file_fingerprint.h).
  virtual std::vector<std::string> input_files(const ParamSet& /*params*/) const { return {}; }
  virtual std::string description() const = 0;
  // Choices of the decoder that the bitstream does not carry, from `params` (the keys the table
  // marks decoder-only); encode() puts them into Encoded::decoder_options, and a cell decoding a
  // bitstream that another entry encoded sets its own.
  virtual std::map<std::string, std::string> decoder_options(const ParamSet& /*params*/) const { return {}; }
  // The keys `params:` and `sweep:` accept for this codec.
  virtual const std::vector<ParamSpec>& param_specs() const = 0;
  // The {NAME} placeholders the items of its list params (specs marked `placeholders`) may hold
  // besides the entry's own param and sweep keys; the config loader refuses any other name.
  virtual std::vector<std::string> placeholder_names() const { return {}; }
  // The YUV bit depths encode() takes, ascending; an RGB source is converted to one of them.
  virtual std::vector<int> yuv_bit_depths() const { return {8, 10}; }

  // Both are thread-safe: each call owns its encoder or decoder instance.
  // Throw InputError for a source the codec cannot take, Error when the library fails.
  virtual Encoded encode(const Video& source, const ParamSet& params) const = 0;
  virtual Video decode(const Encoded& encoded) const = 0;
};

// Every codec built into this binary, in registry order.
const std::vector<const Codec*>& all_codecs();
// nullptr when no codec has that id.
const Codec* find_codec(const std::string& id);

}  // namespace tgvc
