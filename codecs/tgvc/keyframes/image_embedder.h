// Image embeddings for T-GVC's keyframe selection and importance (DESIGN 4.1, 4.5). The paper
// uses OpenCLIP ViT-H-14; the built-in embedder needs no weights, a TorchScript embedder loads a
// model file.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "harness/core/frame.h"
#include "harness/core/pixel_box.h"

namespace tgvc {

using Embedding = std::vector<float>;

// Embeds images that differ from one reference image only inside a box: T-GVC's importance embeds
// each masked frame once and then many inpainted copies of it. An edit is given as the box and its
// samples only (the rest is the reference), so that its cost need not grow with the frame.
// embed_edit equals embed() of the edited image exactly; an embedder may reuse the reference's work
// to get there faster.
class EditEmbedder {
 public:
  virtual ~EditEmbedder() = default;
  virtual const Embedding& reference() const = 0;
  // `patch` has the reference's format and the size of `changed`, a box inside the reference: the
  // edited image's samples there. An empty box is the reference itself.
  virtual Embedding embed_edit(const Frame& patch, const PixelBox& changed) const = 0;
};

class ImageEmbedder {
 public:
  virtual ~ImageEmbedder() = default;
  virtual std::string id() const = 0;
  virtual std::string version() const = 0;
  // One embedding per frame (any YUV or RGB format; `colour` describes YUV samples). Thread-safe.
  virtual Embedding embed(const Frame& frame, ColourSpec colour) const = 0;
  // Factor applied to (1 - cosine) in T-GVC's importance so that the paper's thresholds and its
  // formula for the number of representatives, set for OpenCLIP ViT-H-14, keep their meaning.
  virtual double dissimilarity_gain() const { return 1.0; }
  // Edits of `reference`, a 4:4:4 (RGB or YUV) frame; the embedder must outlive the result. The
  // default pastes each patch into a copy of the reference and embeds that in full.
  virtual std::unique_ptr<EditEmbedder> edits_of(const Frame& reference, ColourSpec colour) const;
};

// Cosine similarity. Two (near-)zero vectors are identical (1); one zero vector against another
// is unrelated (0).
double cosine_similarity(const Embedding& a, const Embedding& b);

}  // namespace tgvc
