// One frame of the reference and the distorted clip, with the colour forms metrics measure them in,
// each made once per pair on first use and shared by every metric of the pair (psnr_rgb and
// msssim_rgb need the same RGB frames).
#pragma once

#include <mutex>

#include "harness/core/frame.h"

namespace tgvc {

class FramePair {
 public:
  // Planes for the converted frames, handed from pair to pair so that converting a clip frame by
  // frame allocates them once.
  struct Storage {
    Frame ref_rgb, dist_rgb, ref_yuv, dist_yuv;
  };

  // Keeps references: the frames, infos and storage must outlive the pair. Without storage the
  // pair holds its own.
  FramePair(const Frame& ref, const Frame& dist, const VideoInfo& ref_info, const VideoInfo& dist_info,
            Storage* storage = nullptr)
      : ref_(ref),
        dist_(dist),
        ref_info_(ref_info),
        dist_info_(dist_info),
        storage_(storage ? storage : &own_),
        ref_rgb_{{}, &storage_->ref_rgb},
        dist_rgb_{{}, &storage_->dist_rgb},
        ref_yuv_{{}, &storage_->ref_yuv},
        dist_yuv_{{}, &storage_->dist_yuv} {}
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
    Frame* frame;
  };
  static const Frame& rgb(const Frame& frame, const VideoInfo& info, Converted& slot);
  static const Frame& yuv(const Frame& frame, const VideoInfo& info, Converted& slot);

  const Frame& ref_;
  const Frame& dist_;
  const VideoInfo& ref_info_;
  const VideoInfo& dist_info_;
  Storage own_;
  Storage* storage_;
  mutable Converted ref_rgb_, dist_rgb_, ref_yuv_, dist_yuv_;
};

}  // namespace tgvc
