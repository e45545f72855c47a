#include "codecs/tgvc/bitstream/binarisation.h"

#include <cassert>

namespace tgvc {
namespace {

int decode_prefix_bit(ArithmeticDecoder& decoder, int index, PrefixContexts prefix) {
  if (prefix.size == 0) return decoder.decode_bypass();
  return decoder.decode(prefix.contexts[index < prefix.size ? index : prefix.size - 1]);
}

}  // namespace

std::optional<uint32_t> decode_exp_golomb(ArithmeticDecoder& decoder, PrefixContexts prefix, int max_prefix) {
  assert(max_prefix >= 0 && max_prefix <= 31);
  int k = 0;
  while (decode_prefix_bit(decoder, k, prefix) == 1) {
    if (++k > max_prefix) return std::nullopt;
  }
  const uint32_t w = (uint32_t{1} << k) | decoder.decode_bits(k);
  return w - 1;
}

std::optional<int32_t> decode_signed(ArithmeticDecoder& decoder, SignedContexts contexts, int max_prefix) {
  assert(max_prefix <= 30);  // keeps |value| <= 2^31 - 1
  if (decoder.decode(*contexts.zero) == 0) return 0;
  const bool negative = decoder.decode(*contexts.sign) == 1;
  const std::optional<uint32_t> rest = decode_exp_golomb(decoder, contexts.magnitude, max_prefix);
  if (!rest) return std::nullopt;
  const int32_t magnitude = static_cast<int32_t>(*rest + 1);
  return negative ? -magnitude : magnitude;
}

}  // namespace tgvc
