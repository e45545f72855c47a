// Latent values to coded symbols and back, as CompressAI's EntropyModel.quantize(x, "symbols",
// means) and dequantize(symbols, means) do in float32: the symbol is torch.round(x - mean), which
// rounds halves to even; the value decoded is float(symbol) + mean. A model without means
// (bmshj2018-hyperprior's Gaussian) uses mean 0.
#pragma once

#include <cstdint>

namespace tgvc::entropy {

// Raises InputError (a latent the network made NaN, infinite or beyond int32) rather than coding
// an arbitrary symbol.
int32_t quantize_symbol(float value, float mean);
inline float dequantize_symbol(int32_t symbol, float mean) {
  return static_cast<float>(symbol) + mean;
}

}  // namespace tgvc::entropy
