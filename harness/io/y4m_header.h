// The YUV4MPEG2 stream header, shared by the Y4M reader and writer.
//
// Accepted tags: W, H (1..16384), F (num:den, both positive; 25:1 when absent, as FFmpeg does),
// I (only 'p' or '?': progressive), A (ignored), C (420jpeg, 420paldv, 420mpeg2, 420, 420p10,
// 422, 422p10, 444, 444p10; absent means 8-bit 4:2:0), X (XCOLORRANGE=FULL|LIMITED is read,
// other X tags are ignored). Unknown tag letters are ignored, as the format allows.
// Y4M carries no matrix: videos read from Y4M are BT.709, limited range unless XCOLORRANGE=FULL.
#pragma once

#include <string>

#include "harness/core/frame.h"

namespace tgvc {

// Longest header line accepted (stream or FRAME); real headers are under 100 bytes.
inline constexpr int kMaxY4mHeaderLength = 4096;

// Parses the stream header line (without its '\n'). Throws InputError naming `path` and the tag.
VideoInfo parse_y4m_header(const std::string& line, const std::string& path);

// The header line (with its '\n') for `info`; throws InputError for RGB or another bit depth.
std::string format_y4m_header(const VideoInfo& info, const std::string& path);

// True when `line` is a FRAME header ("FRAME" alone or followed by a space and parameters).
bool is_y4m_frame_header(const std::string& line);

}  // namespace tgvc
