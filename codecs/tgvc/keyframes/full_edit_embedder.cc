// The default EditEmbedder: every edited image is embedded in full.
#include "codecs/tgvc/keyframes/image_embedder.h"

namespace tgvc {
namespace {

class FullEditEmbedder final : public EditEmbedder {
 public:
  FullEditEmbedder(const ImageEmbedder& embedder, const Frame& reference, ColourSpec colour)
      : embedder_(embedder), colour_(colour), reference_(embedder.embed(reference, colour)) {}
  const Embedding& reference() const override { return reference_; }
  Embedding embed_edit(const Frame& edited, const PixelBox&) const override {
    return embedder_.embed(edited, colour_);
  }

 private:
  const ImageEmbedder& embedder_;
  ColourSpec colour_;
  Embedding reference_;
};

}  // namespace

std::unique_ptr<EditEmbedder> ImageEmbedder::edits_of(const Frame& reference, ColourSpec colour) const {
  return std::make_unique<FullEditEmbedder>(*this, reference, colour);
}

}  // namespace tgvc
