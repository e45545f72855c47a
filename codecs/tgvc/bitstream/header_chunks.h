// Payloads of the HEAD, CLIP and KEYF chunks (BGND: background_chunk.h) (docs/bitstream.md, "Chunks"). The
// writers take a stream the caller has checked; the readers check everything they parse, including the rules
// of stream_rules.h, and throw InputError(where + field, ...).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "codecs/tgvc/bitstream/chunk_io.h"
#include "codecs/tgvc/bitstream/tgvc_stream.h"

namespace tgvc {

// HEAD: geometry, format, colour, fps, frame count and quantisation step (23 bytes), and from format
// version 2 the coded keyframe size (27 bytes). The writer writes version 2.
std::vector<uint8_t> head_payload(const TgvcStream& stream);
void read_head(const Chunk& chunk, uint32_t version, TgvcStream* stream, const std::string& where);

// CLIP: the keyframe indices. Needs stream->frame_count (HEAD first).
std::vector<uint8_t> clip_payload(const TgvcStream& stream);
void read_clips(const Chunk& chunk, TgvcStream* stream, const std::string& where);

// KEYF: the keyframe codec's id and version, then its payloads. Needs stream->keyframes.
// `tag_bytes` receives the bytes of the payload that are not keyframe data.
std::vector<uint8_t> keyframe_payload(const TgvcStream& stream, uint64_t* tag_bytes);
void read_keyframes(const Chunk& chunk, TgvcStream* stream, const std::string& where);

}  // namespace tgvc
