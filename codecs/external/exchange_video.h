// The files an external codec's programs read and write: Y4M, headerless planar YUV or a folder of
// PNGs (im00001.png ...), and the checks on what they wrote (docs/codecs.md, "External codecs").
#pragma once

#include <string>

#include "harness/core/frame.h"
#include "harness/core/param_table.h"

namespace tgvc {

enum class ExchangeFormat { kY4m, kYuv, kPng };

// y4m, yuv, png: the names a config uses.
const EnumNames<ExchangeFormat>& exchange_format_names();

// Where a video called `stem` of `format` lies in `dir`: stem.y4m, stem.yuv or the folder stem/.
std::string exchange_path(const std::string& dir, const std::string& stem, ExchangeFormat format);

// Writes `video` (YUV, 8 or 10 bits) as `format` at `path`: Y4M with its header; YUV as planes,
// 8-bit samples as bytes and 10-bit as little-endian 16-bit words; PNG as RGB (the video's matrix
// and range; 8-bit PNGs from 8-bit video, 16-bit from 10-bit) into the folder `path`, created.
void write_exchange_video(const Video& video, ExchangeFormat format, const std::string& path);

// Reads what a program wrote at `path` as a video like `expected` (its geometry, pixel format,
// frame rate and colour; `frames` frames). Throws Error naming `what` ("the decoder's output",
// "the encoder's recon") when the file is missing or unreadable, or its frame count, size or
// pixel format differ from the source's. A PNG folder is converted back to YUV with the video's
// matrix and range.
Video read_exchange_video(ExchangeFormat format, const std::string& path, const VideoInfo& expected,
                          int frames, const std::string& what);

// SHA-256 of a video's samples (plane by plane, 16-bit little-endian), to compare two decodes.
std::string sample_digest(const Video& video);

}  // namespace tgvc
