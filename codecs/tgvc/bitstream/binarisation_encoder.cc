#include "codecs/tgvc/bitstream/binarisation.h"

#include <cassert>

namespace tgvc {
namespace {

void encode_prefix_bit(ArithmeticEncoder& encoder, int bit, int index, PrefixContexts prefix) {
  if (prefix.size == 0) {
    encoder.encode_bypass(bit);
  } else {
    encoder.encode(bit, prefix.contexts[index < prefix.size ? index : prefix.size - 1]);
  }
}

}  // namespace

void encode_exp_golomb(ArithmeticEncoder& encoder, uint32_t value, PrefixContexts prefix) {
  assert(value < 0xFFFFFFFFu);
  const uint32_t w = value + 1;
  int k = 0;
  while (k < 31 && (w >> (k + 1)) != 0) ++k;
  for (int i = 0; i < k; ++i) encode_prefix_bit(encoder, 1, i, prefix);
  encode_prefix_bit(encoder, 0, k, prefix);
  encoder.encode_bits(w - (uint32_t{1} << k), k);
}

void encode_signed(ArithmeticEncoder& encoder, int32_t value, SignedContexts contexts) {
  encoder.encode(value != 0, *contexts.zero);
  if (value == 0) return;
  encoder.encode(value < 0, *contexts.sign);
  const uint32_t magnitude =
      value < 0 ? static_cast<uint32_t>(-static_cast<int64_t>(value)) : static_cast<uint32_t>(value);
  encode_exp_golomb(encoder, magnitude - 1, contexts.magnitude);
}

}  // namespace tgvc
