#include <random>
#include <stdexcept>

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

// The samples of `frame` inside `box`, as a frame of the box's size.
Frame patch_of(const Frame& frame, const PixelBox& box) {
  Frame out = Frame::allocate(box.x1 - box.x0, box.y1 - box.y0, frame.format);
  for (int p = 0; p < 3; ++p) {
    for (int y = box.y0; y < box.y1; ++y) {
      for (int x = box.x0; x < box.x1; ++x)
        out.planes[p].at(x - box.x0, y - box.y0) = frame.planes[p].at(x, y);
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
      EXPECT_EQ(edits->embed_edit(patch_of(edited, box), box), embedder.embed(edited, ColourSpec{}))
          << width << "x" << height << " box " << box.x0 << "," << box.y0 << "-" << box.x1 << "," << box.y1;
    }
    EXPECT_EQ(edits->embed_edit(Frame{}, PixelBox{}), edits->reference());
  }
}

// An embedder without an edit path of its own: the default pastes the patch and embeds in full.
class FullFrameOnly final : public ImageEmbedder {
 public:
  std::string id() const override { return "full-frame-only"; }
  std::string version() const override { return "1"; }
  Embedding embed(const Frame& frame, ColourSpec colour) const override {
    return thumbnail_.embed(frame, colour);
  }

 private:
  ThumbnailEmbedder thumbnail_;
};

TEST(EditEmbedder, TheDefaultPastesThePatchAndEmbedsInFull) {
  const FullFrameOnly embedder;
  const Frame reference = rgb_frame(64, 48);
  const std::unique_ptr<EditEmbedder> edits = embedder.edits_of(reference, ColourSpec{});
  const PixelBox box{10, 12, 25, 20};
  const Frame edited = edited_copy(reference, box, 7);
  EXPECT_EQ(edits->embed_edit(patch_of(edited, box), box), embedder.embed(edited, ColourSpec{}));
  EXPECT_NE(edits->embed_edit(patch_of(edited, box), box), edits->reference());
  EXPECT_EQ(edits->embed_edit(Frame{}, PixelBox{}), edits->reference());
}

// A box maps onto every plane only at 4:4:4; subsampled references are refused.
TEST(EditEmbedder, SubsampledReferencesAreRefused) {
  SyntheticSpec spec;
  spec.width = 64;
  spec.height = 48;
  const Frame yuv420 = SyntheticSequence(spec).render(0);
  EXPECT_THROW(ThumbnailEmbedder().edits_of(yuv420, ColourSpec{}), std::invalid_argument);
  EXPECT_THROW(FullFrameOnly().edits_of(yuv420, ColourSpec{}), std::invalid_argument);
}

}  // namespace
}  // namespace tgvc
