#include "codecs/entropy/latent_symbols.h"

#include <cmath>
#include <string>

#include "harness/core/error.h"

namespace tgvc::entropy {

int32_t quantize_symbol(float value, float mean) {
  const float centred = value - mean;
  // nearbyint in the default rounding mode rounds halves to even, like torch.round.
  const float symbol = std::nearbyint(centred);
  if (!(symbol >= -2147483648.0f && symbol < 2147483648.0f)) {
    throw InputError("latent value", "a finite value within int32 of its mean",
                     std::to_string(value) + " (mean " + std::to_string(mean) + ")");
  }
  return static_cast<int32_t>(symbol);
}

}  // namespace tgvc::entropy
