// A small, complete TgvcStream for the container tests, and helpers that edit .tgvc bytes.
#pragma once

#include <string>
#include <vector>

#include "codecs/tgvc/bitstream/crc32.h"
#include "codecs/tgvc/bitstream/tgvc_stream.h"
#include "tests/unit/bitstream/synthetic_tracks.h"

namespace tgvc {
namespace testing_tracks {

// 64x48, 13 frames, keyframes 0, 5, 12, two keyframe payloads and a few tracks per clip.
inline TgvcStream sample_stream(int tracks_per_clip = 3) {
  TgvcStream s;
  s.info.width = 64;
  s.info.height = 48;
  s.info.fps = {25, 1};
  s.frame_count = 13;
  s.quant_step = 8;
  s.keyframes = {0, 5, 12};
  s.keyframe_codec = "x265";
  s.keyframe_codec_version = "1 (x265 3.5)";
  s.keyframe_payloads = {{1, 2, 3, 4, 5}, {6, 7, 8}, {9}};
  MotionSpec spec;
  spec.width = 64;
  spec.height = 48;
  spec.gap_probability = 0.1;
  for (size_t c = 0; c + 1 < s.keyframes.size(); ++c) {
    s.clips.push_back(smooth_clip(40 + static_cast<uint32_t>(c), tracks_per_clip,
                                  s.keyframes[c + 1] - s.keyframes[c] + 1, spec));
  }
  return s;
}

// A chunk with a correct CRC, as the spec frames it.
inline std::vector<uint8_t> make_chunk(const std::string& type, const std::vector<uint8_t>& payload) {
  std::vector<uint8_t> chunk(type.begin(), type.end());
  const uint32_t length = static_cast<uint32_t>(payload.size());
  for (int i = 0; i < 4; ++i) chunk.push_back(static_cast<uint8_t>(length >> (8 * i)));
  chunk.insert(chunk.end(), payload.begin(), payload.end());
  // The CRC of the type, continued over the payload.
  const uint32_t full = crc32_update(crc32(chunk.data(), 4), payload.data(), payload.size());
  for (int i = 0; i < 4; ++i) chunk.push_back(static_cast<uint8_t>(full >> (8 * i)));
  return chunk;
}

struct ParsedChunk {
  std::string type;
  std::vector<uint8_t> payload;
};

// Splits a well-formed file into its chunks (after the 6-byte magic and version).
inline std::vector<ParsedChunk> split_chunks(const std::vector<uint8_t>& file) {
  std::vector<ParsedChunk> chunks;
  size_t pos = 6;
  while (pos + 12 <= file.size()) {
    ParsedChunk c;
    c.type.assign(file.begin() + pos, file.begin() + pos + 4);
    const uint32_t length = file[pos + 4] | (file[pos + 5] << 8) | (file[pos + 6] << 16) |
                            (static_cast<uint32_t>(file[pos + 7]) << 24);
    c.payload.assign(file.begin() + pos + 8, file.begin() + pos + 8 + length);
    chunks.push_back(c);
    pos += 12 + length;
  }
  return chunks;
}

// Magic, the format version (the current one by default) and the given chunks, each with a
// correct CRC.
inline std::vector<uint8_t> join_chunks(const std::vector<ParsedChunk>& chunks, uint8_t version = 3) {
  std::vector<uint8_t> file = {'T', 'G', 'V', 'C', version, 0};
  for (const ParsedChunk& c : chunks) {
    const std::vector<uint8_t> chunk = make_chunk(c.type, c.payload);
    file.insert(file.end(), chunk.begin(), chunk.end());
  }
  return file;
}

}  // namespace testing_tracks
}  // namespace tgvc
