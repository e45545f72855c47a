// Input checks shared by the metrics in this folder.
#pragma once

#include <string>
#include <vector>

#include "harness/core/frame.h"
#include "harness/core/params.h"

namespace tgvc {

// check_comparable(), plus what the sample loops rely on: a bit depth in 1..16 and, in every frame of
// both videos, planes sized as the video's geometry and chroma format say. Throws InputError.
void check_metric_inputs(const Video& ref, const Video& dist);

}  // namespace tgvc
