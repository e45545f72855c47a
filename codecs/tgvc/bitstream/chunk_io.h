// Chunk framing of the .tgvc container: 4-byte type, 32-bit little-endian payload length,
// payload, CRC-32 of type and payload. A chunk whose type starts with a lower-case letter is
// optional: a reader that does not know it skips it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "codecs/tgvc/bitstream/byte_io.h"

namespace tgvc {

constexpr uint8_t kTgvcMagic[4] = {'T', 'G', 'V', 'C'};
// Version 2 adds the coded keyframe size to HEAD and the BGND chunk (the clips' background choice,
// one bit per clip); version 3 makes BGND a mode byte per clip with a sent camera path for mode 2.
// The writer writes version 3, the reader reads all three (a version 1 file: keyframes at the
// video's size, no camera-aware background).
constexpr uint32_t kTgvcFormatVersion = 3;
constexpr uint32_t kTgvcOldestFormatVersion = 1;
constexpr size_t kChunkOverhead = 12;  // type, length and CRC

// Chunk types, in file order (TRAJ once per clip; BGND from version 2, when there are clips).
constexpr char kChunkHead[] = "HEAD";
constexpr char kChunkClips[] = "CLIP";
constexpr char kChunkKeyframes[] = "KEYF";
constexpr char kChunkBackground[] = "BGND";
constexpr char kChunkTrajectories[] = "TRAJ";
constexpr char kChunkEnd[] = "END ";

struct Chunk {
  std::string type;  // 4 characters
  const uint8_t* payload = nullptr;
  size_t size = 0;
  size_t offset = 0;  // of the chunk's type in the file
  bool optional() const { return type[0] >= 'a' && type[0] <= 'z'; }
};

void append_chunk(ByteWriter& out, const char* type, const std::vector<uint8_t>& payload);

// Reads the chunk at the reader's position and checks its type characters, length and CRC;
// `offset` is the reader's position in the file. Throws InputError(where, ...).
Chunk read_chunk(ByteReader& in, size_t offset, const std::string& where);

}  // namespace tgvc
