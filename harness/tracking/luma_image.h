// 8-bit luma of a harness frame as an OpenCV image, the input of the point tracker.
#pragma once

#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "harness/core/frame.h"

namespace tgvc {

// Luma scaled to 8 bits (rounded, clamped): plane 0 of a YUV frame, or Kr R + Kg G + Kb B of an
// RGB frame with the matrix's coefficients. Throws InputError (where = `where`) when the plane
// sizes do not match the frame size.
cv::Mat luma_image(const Frame& frame, Matrix matrix, const std::string& where);

// luma_image of every frame of a clip. Throws InputError when a frame's size differs from frame 0's.
std::vector<cv::Mat> clip_lumas(const Video& clip);

}  // namespace tgvc
