// Binarisations of integers onto the binary arithmetic coder: Exp-Golomb (order 0) with an
// adaptive context per prefix position, and signed values as zero flag, sign and magnitude.
// The decoders return nothing for a prefix longer than the caller allows (a corrupt stream).
#pragma once

#include <cstdint>
#include <optional>

#include "codecs/tgvc/bitstream/adaptive_bit.h"
#include "codecs/tgvc/bitstream/arithmetic_decoder.h"
#include "codecs/tgvc/bitstream/arithmetic_encoder.h"

namespace tgvc {

// Contexts of an Exp-Golomb prefix: prefix bit i uses contexts[min(i, size - 1)]. With no
// contexts (size 0) every bit is a bypass bit.
struct PrefixContexts {
  AdaptiveBit* contexts = nullptr;
  int size = 0;
};

// The contexts of one signed value: is it zero, its sign, and its magnitude's prefix.
struct SignedContexts {
  AdaptiveBit* zero = nullptr;
  AdaptiveBit* sign = nullptr;
  PrefixContexts magnitude;
};

// value + 1 = 2^k + r (0 <= r < 2^k): k ones, a zero, then r in k bypass bits, MSB first.
// value < 2^32 - 1.
void encode_exp_golomb(ArithmeticEncoder& encoder, uint32_t value, PrefixContexts prefix);
// Nothing when the prefix has more than `max_prefix` ones (max_prefix <= 31).
std::optional<uint32_t> decode_exp_golomb(ArithmeticDecoder& decoder, PrefixContexts prefix, int max_prefix);

// Zero flag (1: nonzero), then for nonzero values the sign (1: negative) and Exp-Golomb of
// |value| - 1. |value| < 2^31.
void encode_signed(ArithmeticEncoder& encoder, int32_t value, SignedContexts contexts);
std::optional<int32_t> decode_signed(ArithmeticDecoder& decoder, SignedContexts contexts, int max_prefix);

}  // namespace tgvc
