// The rules a TgvcStream obeys, checked by the writer on what it is given and by the reader on
// what it parsed, so that the two accept exactly the same streams. Each throws
// InputError(where + "." + field, expected, found).
#pragma once

#include <string>
#include <vector>

#include "harness/core/frame.h"

namespace tgvc {

void check_video_info(const VideoInfo& info, const std::string& where);
void check_frame_count(int frame_count, const std::string& where);
// Strictly increasing, first 0, last frame_count - 1 (a single keyframe 0 when frame_count is 1).
void check_keyframes(const std::vector<int>& keyframes, int frame_count, const std::string& where);
// 1..64 characters '!'..'~'.
void check_codec_id(const std::string& id, const std::string& where);
// At most 255 characters ' '..'~'.
void check_codec_version(const std::string& version, const std::string& where);
// Each side in [1, the video's side] (0 x 0: the video's size).
void check_keyframe_size(int width, int height, const VideoInfo& info, const std::string& where);
// One payload per keyframe or one for all.
void check_keyframe_payload_count(size_t payloads, size_t keyframes, const std::string& where);

}  // namespace tgvc
