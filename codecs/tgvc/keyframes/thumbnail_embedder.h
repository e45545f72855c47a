// The built-in embedder: a normalised colour-and-structure thumbnail. No weights to download, so
// every machine computes the same numbers, and it keeps the paper's similarity rules meaningful:
// consecutive frames of continuous footage stay far above the 0.5 scene-cut threshold, a cut to
// unrelated content falls near 0, and masking a moving object lowers similarity in proportion to
// the area and contrast it covered (docs/tgvc.md gives the calibration).
#pragma once

#include "codecs/tgvc/keyframes/image_embedder.h"

namespace tgvc {

class ThumbnailEmbedder final : public ImageEmbedder {
 public:
  std::string id() const override { return "thumbnail"; }
  std::string version() const override { return "1"; }
  // 16x10 luma means, 8x5 Cb and Cr means and 32x20 mean gradient magnitudes (cells of equal
  // area over the frame), each part made zero-mean, weighted (luma 1, chroma 0.5, gradients 1)
  // and concatenated; the whole vector has unit length (or is zero for a flat frame). The fine
  // gradient part is what sees a textured object disappear under inpainting.
  Embedding embed(const Frame& frame, ColourSpec colour) const override;
  // For RGB and 4:4:4 references, edits cost about the changed box rather than the whole frame.
  std::unique_ptr<EditEmbedder> edits_of(const Frame& reference, ColourSpec colour) const override;
  // Removing an object changes a thumbnail far less than a CLIP embedding: inpainting keeps the
  // region's mean colour and only its texture goes. docs/tgvc.md gives the calibration.
  double dissimilarity_gain() const override { return 100.0; }
};

}  // namespace tgvc
