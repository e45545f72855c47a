// Input checks shared by the metrics in this folder.
#pragma once

#include <string>
#include <vector>

#include "harness/core/frame.h"
#include "harness/core/params.h"

namespace tgvc {

// What frame-by-frame measuring relies on before any frame is read: the same size and pixel format
// (the frame counts are checked as the frames come), a bit depth in 1..16 and RGB only in 4:4:4.
// Throws InputError.
void check_frame_inputs(const VideoInfo& ref, const VideoInfo& dist);

// check_comparable(), plus what the sample loops rely on: a bit depth in 1..16 and, in every frame of
// both videos, planes sized as the video's geometry and chroma format say. Throws InputError.
void check_metric_inputs(const Video& ref, const Video& dist);

}  // namespace tgvc
