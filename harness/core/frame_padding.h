// Edge-replication padding and cropping of whole frames: how a codec that needs even (or larger)
// picture sizes codes an odd-size source and hands back the source's geometry.
#pragma once

#include "harness/core/frame.h"

namespace tgvc {

// `frame` grown to `width` x `height` (each at least the frame's own): every plane's last column
// and row are repeated into the new area. Chroma planes take the sizes the chroma format gives
// the new luma size (rounded up, chroma_width), so padded chroma is replicated chroma.
Frame pad_frame(const Frame& frame, int width, int height);

// The top-left `width` x `height` of `frame` (each at most the frame's own), chroma planes
// sized from the chroma format.
Frame crop_frame(const Frame& frame, int width, int height);

// Every frame padded or cropped; info.width and info.height follow.
Video pad_video(const Video& video, int width, int height);
Video crop_video(const Video& video, int width, int height);

// The smallest size at or above `width` x `height` whose chroma planes cover exactly half the
// luma where the format subsamples: even width for 4:2:0 and 4:2:2, even height for 4:2:0.
// What codecs with whole chroma samples per 2x2 (2x1) luma block (HEVC) need.
struct PictureSize {
  int width = 0;
  int height = 0;
};
PictureSize whole_chroma_size(int width, int height, ChromaFormat chroma);

}  // namespace tgvc
