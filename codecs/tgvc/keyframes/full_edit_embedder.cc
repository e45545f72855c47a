// The default EditEmbedder: every edited image is pasted together and embedded in full.
#include <algorithm>
#include <cassert>
#include <stdexcept>

#include "codecs/tgvc/keyframes/image_embedder.h"

namespace tgvc {
namespace {

class FullEditEmbedder final : public EditEmbedder {
 public:
  FullEditEmbedder(const ImageEmbedder& embedder, const Frame& reference, ColourSpec colour)
      : embedder_(embedder),
        colour_(colour),
        reference_frame_(reference),
        reference_(embedder.embed(reference, colour)) {}
  const Embedding& reference() const override { return reference_; }
  Embedding embed_edit(const Frame& patch, const PixelBox& changed) const override {
    if (changed.empty()) return reference_;
    assert(patch.width() == changed.x1 - changed.x0 && patch.height() == changed.y1 - changed.y0);
    Frame edited = reference_frame_;
    for (int p = 0; p < 3; ++p) {
      for (int y = changed.y0; y < changed.y1; ++y) {
        const uint16_t* in = patch.planes[p].row(y - changed.y0);
        std::copy(in, in + patch.width(), edited.planes[p].row(y) + changed.x0);
      }
    }
    return embedder_.embed(edited, colour_);
  }

 private:
  const ImageEmbedder& embedder_;
  ColourSpec colour_;
  Frame reference_frame_;
  Embedding reference_;
};

}  // namespace

std::unique_ptr<EditEmbedder> ImageEmbedder::edits_of(const Frame& reference, ColourSpec colour) const {
  // A box maps one to one onto every plane only at 4:4:4.
  if (reference.format.family != ColourFamily::kRgb && reference.format.chroma != ChromaFormat::k444) {
    throw std::invalid_argument("ImageEmbedder::edits_of: the reference must be RGB or YUV 4:4:4");
  }
  return std::make_unique<FullEditEmbedder>(*this, reference, colour);
}

}  // namespace tgvc
