#include "harness/run/bitstream_file.h"

#include <nlohmann/json.hpp>

#include "harness/core/error.h"
#include "harness/core/sha256.h"

namespace tgvc {
namespace {

using nlohmann::json;

// Version 2 keeps the decoder options the encoder wrote (version 1 files lacked them, so a learned
// or external codec's cell could not decode a bitstream read from the cache).
constexpr const char* kMagic = "tgvc-bench bitstream 2";

json info_to_json(const VideoInfo& info) {
  return {{"width", info.width},
          {"height", info.height},
          {"chroma", static_cast<int>(info.format.chroma)},
          {"bit_depth", info.format.bit_depth},
          {"family", static_cast<int>(info.format.family)},
          {"fps", {info.fps.num, info.fps.den}},
          {"matrix", static_cast<int>(info.colour.matrix)},
          {"range", static_cast<int>(info.colour.range)}};
}

VideoInfo info_from_json(const json& j) {
  VideoInfo info;
  info.width = j.at("width").get<int>();
  info.height = j.at("height").get<int>();
  info.format.chroma = static_cast<ChromaFormat>(j.at("chroma").get<int>());
  info.format.bit_depth = j.at("bit_depth").get<int>();
  info.format.family = static_cast<ColourFamily>(j.at("family").get<int>());
  info.fps = {j.at("fps").at(0).get<int>(), j.at("fps").at(1).get<int>()};
  info.colour.matrix = static_cast<Matrix>(j.at("matrix").get<int>());
  info.colour.range = static_cast<Range>(j.at("range").get<int>());
  return info;
}

json format_to_json(const PixelFormat& f) {
  return {static_cast<int>(f.chroma), f.bit_depth, static_cast<int>(f.family)};
}

PixelFormat format_from_json(const json& j) {
  return {static_cast<ChromaFormat>(j.at(0).get<int>()), j.at(1).get<int>(),
          static_cast<ColourFamily>(j.at(2).get<int>())};
}

}  // namespace

std::string bitstream_to_file(const StoredBitstream& stored) {
  const Encoded& e = stored.encoded;
  const std::string payload(e.bitstream.begin(), e.bitstream.end());
  json components = json::array();
  for (const RateComponent& c : e.components) components.push_back({c.name, c.bytes});
  json header = {{"format", kMagic},
                 {"codec_id", e.codec_id},
                 {"info", info_to_json(e.info)},
                 {"frame_count", e.frame_count},
                 {"coded_size", {e.coded_width, e.coded_height}},
                 {"conversion",
                  {{"applied", e.conversion.applied},
                   {"source_format", format_to_json(e.conversion.source_format)},
                   {"coded_format", format_to_json(e.conversion.coded_format)},
                   {"matrix", static_cast<int>(e.conversion.spec.matrix)},
                   {"range", static_cast<int>(e.conversion.spec.range)}}},
                 {"components", components},
                 {"decoder_options", e.decoder_options},
                 {"encode_s", stored.encode_s},
                 {"bytes", payload.size()},
                 {"sha256", sha256_hex(payload)}};
  // Absent for codecs that do not state them.
  if (!e.padding.empty()) header["padding"] = e.padding;
  if (!e.encoder_notes.empty()) header["encoder_notes"] = e.encoder_notes;
  return header.dump() + "\n" + payload;
}

StoredBitstream bitstream_from_file(const std::string& file, const std::string& where) {
  const size_t newline = file.find('\n');
  if (newline == std::string::npos) throw InputError(where, "a JSON header line", "no line break");
  StoredBitstream stored;
  Encoded& e = stored.encoded;
  try {
    const json h = json::parse(file.substr(0, newline));
    if (h.at("format").get<std::string>() != kMagic) {
      throw InputError(where, std::string("format '") + kMagic + "'", h.at("format").dump());
    }
    const std::string payload = file.substr(newline + 1);
    if (payload.size() != h.at("bytes").get<size_t>()) {
      throw InputError(where, h.at("bytes").dump() + " bytes of bitstream", std::to_string(payload.size()));
    }
    if (sha256_hex(payload) != h.at("sha256").get<std::string>()) {
      throw InputError(where, "bitstream SHA-256 " + h.at("sha256").get<std::string>(), sha256_hex(payload));
    }
    e.codec_id = h.at("codec_id").get<std::string>();
    e.info = info_from_json(h.at("info"));
    e.frame_count = h.at("frame_count").get<int>();
    e.coded_width = h.at("coded_size").at(0).get<int>();
    e.coded_height = h.at("coded_size").at(1).get<int>();
    e.padding = h.value("padding", "");
    const json& c = h.at("conversion");
    e.conversion.applied = c.at("applied").get<bool>();
    e.conversion.source_format = format_from_json(c.at("source_format"));
    e.conversion.coded_format = format_from_json(c.at("coded_format"));
    e.conversion.spec.matrix = static_cast<Matrix>(c.at("matrix").get<int>());
    e.conversion.spec.range = static_cast<Range>(c.at("range").get<int>());
    for (const json& rc : h.at("components"))
      e.components.push_back({rc.at(0).get<std::string>(), rc.at(1).get<uint64_t>()});
    e.decoder_options = h.at("decoder_options").get<std::map<std::string, std::string>>();
    e.encoder_notes = h.value("encoder_notes", std::map<std::string, std::string>{});
    stored.encode_s = h.at("encode_s").get<double>();
    e.bitstream.assign(payload.begin(), payload.end());
  } catch (const json::exception& ex) {
    throw InputError(where, "a cached bitstream header", ex.what());
  }
  return stored;
}

}  // namespace tgvc
