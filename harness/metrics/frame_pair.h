// One frame of the reference and the distorted clip, with the colour forms metrics measure them in,
// each made once per pair on first use and shared by every metric of the pair (psnr_rgb and
// msssim_rgb need the same RGB frames).
#pragma once

#include <mutex>

#include "harness/core/frame.h"

namespace tgvc {

class FramePair {
 public:
  // Keeps references: the frames and infos must outlive the pair.
  FramePair(const Frame& ref, const Frame& dist, const VideoInfo& ref_info, const VideoInfo& dist_info)
      : ref_(ref), dist_(dist), ref_info_(ref_info), dist_info_(dist_info) {}
  FramePair(const FramePair&) = delete;
  FramePair& operator=(const FramePair&) = delete;

  const Frame& ref() const { return ref_; }
  const Frame& dist() const { return dist_; }
  const VideoInfo& ref_info() const { return ref_info_; }
  const VideoInfo& dist_info() const { return dist_info_; }

  // R, G, B of a YUV frame: yuv_to_rgb with its video's matrix and range, at the video's depth.
  // An RGB frame is returned as it is. Thread-safe.
  const Frame& ref_rgb() const { return rgb(ref_, ref_info_, ref_rgb_); }
  const Frame& dist_rgb() const { return rgb(dist_, dist_info_, dist_rgb_); }
  // YUV 4:4:4 of an RGB frame: rgb_to_yuv with its video's matrix and range. A YUV frame is returned
  // as it is. Thread-safe.
  const Frame& ref_yuv() const { return yuv(ref_, ref_info_, ref_yuv_); }
  const Frame& dist_yuv() const { return yuv(dist_, dist_info_, dist_yuv_); }

 private:
  struct Converted {
    std::once_flag once;
    Frame frame;
  };
  static const Frame& rgb(const Frame& frame, const VideoInfo& info, Converted& slot);
  static const Frame& yuv(const Frame& frame, const VideoInfo& info, Converted& slot);

  const Frame& ref_;
  const Frame& dist_;
  const VideoInfo& ref_info_;
  const VideoInfo& dist_info_;
  mutable Converted ref_rgb_, dist_rgb_, ref_yuv_, dist_yuv_;
};

}  // namespace tgvc
