#include <random>

#include <gtest/gtest.h>

#include "codecs/tgvc/keyframes/thumbnail_embedder.h"
#include "datasets/synthetic/synthetic_sequence.h"
#include "harness/core/colour.h"

namespace tgvc {
namespace {

// A synthetic frame as 8-bit RGB, the form T-GVC's importance step embeds (cropped to odd sizes).
Frame rgb_frame(int width, int height) {
  SyntheticSpec spec;
  spec.width = width + width % 2;
  spec.height = height + height % 2;
  const Frame rgb = yuv_to_rgb(SyntheticSequence(spec).render(3), ColourSpec{});
  Frame out = Frame::allocate(width, height, rgb.format);
  for (int p = 0; p < 3; ++p) {
    for (int y = 0; y < height; ++y) {
      for (int x = 0; x < width; ++x) out.planes[p].at(x, y) = rgb.planes[p].at(x, y);
    }
  }
  return out;
}

// Random samples inside `box`, as an inpainting would leave them.
Frame edited_copy(const Frame& frame, const PixelBox& box, uint32_t seed) {
  Frame out = frame;
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> sample(0, frame.max_value());
  for (int p = 0; p < 3; ++p) {
    for (int y = box.y0; y < box.y1; ++y) {
      for (int x = box.x0; x < box.x1; ++x) out.planes[p].at(x, y) = static_cast<uint16_t>(sample(random));
    }
  }
  return out;
}

// The thumbnail's edit path updates sums and re-sums only the cells an edit touches; it must give
// the full embedding bit for bit, for boxes inside, at every border and covering the whole frame.
TEST(EditEmbedder, ThumbnailEditsEqualFullEmbeddings) {
  const ThumbnailEmbedder embedder;
  for (const auto& [width, height] : {std::pair{512, 320}, std::pair{97, 61}}) {
    const Frame reference = rgb_frame(width, height);
    const std::unique_ptr<EditEmbedder> edits = embedder.edits_of(reference, ColourSpec{});
    EXPECT_EQ(edits->reference(), embedder.embed(reference, ColourSpec{}));
    const PixelBox boxes[] = {{40, 30, 57, 51},
                              {0, 0, 9, 7},
                              {width - 5, height - 3, width, height},
                              {0, height / 2, width, height / 2 + 1},
                              {0, 0, width, height},
                              {3, 0, 4, height}};
    uint32_t seed = 1;
    for (const PixelBox& box : boxes) {
      const Frame edited = edited_copy(reference, box, seed++);
      EXPECT_EQ(edits->embed_edit(edited, box), embedder.embed(edited, ColourSpec{}))
          << width << "x" << height << " box " << box.x0 << "," << box.y0 << "-" << box.x1 << "," << box.y1;
    }
    EXPECT_EQ(edits->embed_edit(reference, PixelBox{}), edits->reference());
  }
}

// Layouts the edit path does not cover (4:2:0) fall back to full embeddings.
TEST(EditEmbedder, OtherLayoutsEmbedInFull) {
  SyntheticSpec spec;
  spec.width = 64;
  spec.height = 48;
  const Frame yuv420 = SyntheticSequence(spec).render(0);
  const ThumbnailEmbedder embedder;
  const std::unique_ptr<EditEmbedder> edits = embedder.edits_of(yuv420, ColourSpec{});
  const PixelBox box{10, 10, 20, 20};
  Frame edited = yuv420;
  for (int y = box.y0; y < box.y1; ++y) {
    for (int x = box.x0; x < box.x1; ++x) edited.planes[0].at(x, y) = 255;
  }
  EXPECT_EQ(edits->embed_edit(edited, box), embedder.embed(edited, ColourSpec{}));
  EXPECT_NE(edits->embed_edit(edited, box), edits->reference());
}

}  // namespace
}  // namespace tgvc
