// One image through a model export and CompressAI's entropy coding, as CompressAI's and
// NeuralCompression's compress()/decompress() do it: y = analysis(x), z = hyper_analysis(y), z
// coded with the EntropyBottleneck's tables around its medians, the encoder decodes its own z
// string to get the scales (and means) the decoder will see, y coded with the GaussianConditional
// rows build_indexes picks for those scales, y_hat = symbols + means, x_hat = synthesis(y_hat).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "codecs/entropy/cdf_table.h"
#include "codecs/entropy/gaussian_conditional.h"
#include "codecs/learned/latent_trace.h"
#include "harness/torch/api/learned_network.h"

namespace tgvc::learned {

// The latent shapes of one image size (the container stores them once per sequence).
struct LatentShapes {
  int latent_channels = 0;
  int latent_height = 0;
  int latent_width = 0;
  int hyper_channels = 0;
  int hyper_height = 0;
  int hyper_width = 0;

  bool operator==(const LatentShapes& o) const;
  bool operator!=(const LatentShapes& o) const { return !(*this == o); }
};

struct ImageStrings {
  std::vector<uint8_t> hyper_latent;  // the EntropyBottleneck's string
  std::vector<uint8_t> latent;        // the GaussianConditional's string
};

struct EncodedImage {
  LatentShapes shapes;
  ImageStrings strings;
  Planes reconstruction;  // synthesis of the decoded latent: what decode() returns
  LatentTrace trace;      // what decode() must compute again on the way
};

class LearnedImageCoder {
 public:
  // Checks the export's tables (InputError naming its file and the table) once.
  explicit LearnedImageCoder(const LearnedNetwork& network);

  // `image`: 3 x H x W in [0, 1], H and W multiples of the export's multiple. InputError naming
  // the export when a stage's output has a shape the contract does not allow or a latent is not
  // finite.
  EncodedImage encode(const Planes& image) const;
  // The image `strings` code; InputError naming `where` for a damaged string. With `expected` (the
  // encoder's trace), each stage is compared as soon as it is computed and the first difference is
  // an Error "decoder mismatch: WHERE: the latent y's scale-table rows (channel 5, symbols ...)
  // differ from the encoder's: ...", before a string that no longer decodes could hide its cause.
  Planes decode(const ImageStrings& strings, const LatentShapes& shapes, const std::string& where,
                const LatentTrace* expected = nullptr) const;

 private:
  Planes scales_and_means(const Planes& hyper_hat, const LatentShapes& shapes, Planes* means) const;

  const LearnedNetwork& network_;
  entropy::CdfTable hyper_table_;
  entropy::CdfTable latent_table_;
  entropy::ScaleTable scale_table_;
};

}  // namespace tgvc::learned
