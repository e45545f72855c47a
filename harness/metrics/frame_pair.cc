#include "harness/metrics/frame_pair.h"

#include "harness/core/colour.h"

namespace tgvc {

const Frame& FramePair::rgb(const Frame& frame, const VideoInfo& info, Converted& slot) {
  if (frame.format.family == ColourFamily::kRgb) return frame;
  std::call_once(slot.once, [&] { yuv_to_rgb_into(frame, info.colour, frame.format.bit_depth, slot.frame); });
  return *slot.frame;
}

const Frame& FramePair::yuv(const Frame& frame, const VideoInfo& info, Converted& slot) {
  if (frame.format.family == ColourFamily::kYuv) return frame;
  std::call_once(slot.once, [&] { *slot.frame = rgb_to_yuv(frame, info.colour, ChromaFormat::k444); });
  return *slot.frame;
}

}  // namespace tgvc
