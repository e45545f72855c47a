// Scene cuts from luma histograms: closed-form distances on flat frames, and real footage
// (opencv-doc's vtest.avi and Megamind.avi, installed by scripts/install-deps.sh).
#include "harness/tracking/scene_cuts.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "harness/core/error.h"
#include "harness/io/resize.h"
#include "harness/io/video_reader.h"

namespace tgvc {
namespace {

constexpr PixelFormat kYuv8{ChromaFormat::k420, 8, ColourFamily::kYuv};

// Frames whose left `share` of columns has luma `a` and the rest `b`.
Frame split_frame(int left_columns, uint16_t a, uint16_t b) {
  Frame f = Frame::allocate(64, 16, kYuv8, 128);
  for (int y = 0; y < 16; ++y) {
    for (int x = 0; x < 64; ++x) f.planes[0].at(x, y) = x < left_columns ? a : b;
  }
  return f;
}

// A flat grey frame, the same frame half black, then all black: the histogram moves half its mass,
// then the other half; 16 of 64 columns changing bins move a quarter.
TEST(SceneCuts, TotalVariationOfLumaHistograms) {
  Video clip;
  clip.info.width = 64;
  clip.info.height = 16;
  clip.info.format = kYuv8;
  clip.frames = {split_frame(0, 0, 128),  split_frame(0, 0, 128),
                 split_frame(32, 0, 128), split_frame(64, 0, 128),
                 split_frame(48, 0, 128), split_frame(48, 2, 128)};  // 0 and 2 share a bin
  const std::vector<double> d = scene_cut_distances(clip);
  ASSERT_EQ(d.size(), 6u);
  EXPECT_EQ(d[0], 0.0);
  EXPECT_EQ(d[1], 0.0);
  EXPECT_DOUBLE_EQ(d[2], 0.5);
  EXPECT_DOUBLE_EQ(d[3], 0.5);
  EXPECT_DOUBLE_EQ(d[4], 0.25);
  EXPECT_EQ(d[5], 0.0);
  EXPECT_EQ(scene_cuts(clip), (std::vector<int>{2, 3, 4}));
  EXPECT_EQ(scene_cuts(clip, 0.3), (std::vector<int>{2, 3}));
  EXPECT_TRUE(scene_cuts(clip, 1).empty());
  clip.frames[4] = Frame::allocate(32, 16, kYuv8);
  EXPECT_THROW(scene_cut_distances(clip), InputError);
  EXPECT_TRUE(scene_cut_distances(Video{}).empty());
}

Video small_clip(const char* path, int start, int frames) {
  return resize_video(read_video(path, {start, frames}), 256, 192, ResizeMode::kSquash,
                      ResizeFilter::kBicubic);
}

// One continuous shot has no cut; two real shots back to back have exactly one, where they meet.
TEST(SceneCuts, RealFootage) {
  const Video vtest = small_clip("/usr/share/doc/opencv-doc/examples/data/vtest.avi", 0, 48);
  const std::vector<double> d = scene_cut_distances(vtest);
  EXPECT_LT(*std::max_element(d.begin(), d.end()), 0.05);
  EXPECT_TRUE(scene_cuts(vtest).empty());

  const Video megamind = small_clip("/usr/share/doc/opencv-doc/examples/data/Megamind.avi", 100, 12);
  Video joined = vtest;
  joined.frames.resize(12);
  joined.frames.insert(joined.frames.end(), megamind.frames.begin(), megamind.frames.end());
  EXPECT_EQ(scene_cuts(joined), std::vector<int>{12});
}

}  // namespace
}  // namespace tgvc
