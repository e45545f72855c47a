#include "codecs/learned/latent_trace.h"

#include <cmath>
#include <cstring>
#include <limits>

#include "harness/core/error.h"

namespace tgvc::learned {
namespace {

constexpr uint32_t kFnvOffset = 2166136261u;
constexpr uint32_t kFnvPrime = 16777619u;

uint32_t fnv1a(const unsigned char* bytes, size_t n) {
  uint32_t h = kFnvOffset;
  for (size_t i = 0; i < n; ++i) h = (h ^ bytes[i]) * kFnvPrime;
  return h;
}

template <typename T>
std::vector<uint32_t> digests_of(const T* values, int channels, size_t plane_size) {
  static_assert(sizeof(T) == 4, "int32 or float32 values");
  std::vector<uint32_t> out(channels);
  for (int c = 0; c < channels; ++c) {
    const T* plane = values + static_cast<size_t>(c) * plane_size;
    out[c] = fnv1a(reinterpret_cast<const unsigned char*>(plane), plane_size * sizeof(T));
  }
  return out;
}

std::string hex8(uint32_t v) {
  static const char* digits = "0123456789abcdef";
  std::string s(8, '0');
  for (int i = 7; i >= 0; --i, v >>= 4) s[i] = digits[v & 15];
  return s;
}

std::string hex2(uint8_t v) {
  return hex8(v).substr(6);
}

std::vector<uint32_t> parse_digests(const std::string& text, const std::string& where) {
  if (text.size() % 8 != 0)
    throw InputError(where, "8 hex digits per channel", std::to_string(text.size()) + " digits");
  std::vector<uint32_t> out;
  for (size_t i = 0; i < text.size(); i += 8) {
    uint32_t v = 0;
    for (size_t k = i; k < i + 8; ++k) {
      const char ch = text[k];
      const int d = ch >= '0' && ch <= '9' ? ch - '0' : ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
      if (d < 0) throw InputError(where, "lower-case hex digits", std::string(1, ch));
      v = (v << 4) | static_cast<uint32_t>(d);
    }
    out.push_back(v);
  }
  return out;
}

}  // namespace

bool LatentTrace::operator==(const LatentTrace& o) const {
  return hyper_symbols == o.hyper_symbols && latent_indexes == o.latent_indexes &&
         latent_means == o.latent_means && latent_symbols == o.latent_symbols;
}

std::vector<uint32_t> channel_digests(const int32_t* values, int channels, size_t plane_size) {
  return digests_of(values, channels, plane_size);
}

std::vector<uint32_t> channel_digests(const float* values, int channels, size_t plane_size) {
  return digests_of(values, channels, plane_size);
}

std::string first_channel_difference(const std::vector<uint32_t>& encoder,
                                     const std::vector<uint32_t>& decoder, const std::string& what,
                                     size_t plane_size) {
  if (encoder.size() != decoder.size()) {
    return what + " (" + std::to_string(decoder.size()) + " channels, the encoder's " +
           std::to_string(encoder.size()) + ")";
  }
  for (size_t c = 0; c < encoder.size(); ++c) {
    if (encoder[c] != decoder[c]) {
      return what + " (channel " + std::to_string(c) + ", symbols " + std::to_string(c * plane_size) + ".." +
             std::to_string((c + 1) * plane_size - 1) + " of its string)";
    }
  }
  return "";
}

int first_differing_channel(const std::vector<uint32_t>& encoder, const std::vector<uint32_t>& decoder) {
  if (encoder.size() != decoder.size()) return -1;
  for (size_t c = 0; c < encoder.size(); ++c) {
    if (encoder[c] != decoder[c]) return static_cast<int>(c);
  }
  return -1;
}

namespace {

// Tries each position with each neighbour `next(v)` offers; the first that reproduces the digest.
template <typename T, typename Neighbours>
long single_change(const T* values, size_t n, uint32_t encoder_digest, Neighbours neighbours,
                   T* encoder_value) {
  std::vector<T> copy(values, values + n);
  for (size_t p = 0; p < n; ++p) {
    for (const T candidate : neighbours(values[p])) {
      if (std::memcmp(&candidate, &values[p], sizeof(T)) == 0) continue;
      copy[p] = candidate;
      if (digests_of(copy.data(), 1, n)[0] == encoder_digest) {
        *encoder_value = candidate;
        return static_cast<long>(p);
      }
    }
    copy[p] = values[p];
  }
  return -1;
}

}  // namespace

long find_single_change(const int32_t* values, size_t n, uint32_t encoder_digest, int32_t lo, int32_t hi,
                        int32_t* encoder_value) {
  return single_change(
      values, n, encoder_digest,
      [&](int32_t v) {
        return std::vector<int32_t>{v > lo ? v - 1 : v, v < hi ? v + 1 : v};
      },
      encoder_value);
}

long find_single_change(const float* values, size_t n, uint32_t encoder_digest, float* encoder_value) {
  return single_change(
      values, n, encoder_digest,
      [](float v) {
        return std::vector<float>{std::nextafter(v, -std::numeric_limits<float>::infinity()),
                                  std::nextafter(v, std::numeric_limits<float>::infinity())};
      },
      encoder_value);
}

std::string trace_text(const LatentTrace& trace) {
  std::string out;
  for (const std::vector<uint32_t>* stage :
       {&trace.hyper_symbols, &trace.latent_indexes, &trace.latent_means, &trace.latent_symbols}) {
    if (stage != &trace.hyper_symbols) out += '/';
    for (uint32_t d : *stage) out += hex8(d);
  }
  return out;
}

LatentTrace parse_trace(const std::string& text, const std::string& where) {
  std::vector<std::string> parts(1);
  for (char ch : text) {
    if (ch == '/') {
      parts.emplace_back();
    } else {
      parts.back() += ch;
    }
  }
  if (parts.size() != 4) {
    throw InputError(where, "4 stages separated by '/'", std::to_string(parts.size()));
  }
  LatentTrace trace;
  trace.hyper_symbols = parse_digests(parts[0], where);
  trace.latent_indexes = parse_digests(parts[1], where);
  trace.latent_means = parse_digests(parts[2], where);
  trace.latent_symbols = parse_digests(parts[3], where);
  return trace;
}

std::string first_byte_difference(const std::vector<uint8_t>& ours, const std::vector<uint8_t>& reference,
                                  const std::string& what) {
  const size_t common = std::min(ours.size(), reference.size());
  for (size_t i = 0; i < common; ++i) {
    if (ours[i] != reference[i]) {
      return what + ": first differing byte " + std::to_string(i) + " of " +
             std::to_string(reference.size()) + " (ours " + hex2(ours[i]) + ", the reference " +
             hex2(reference[i]) + ")";
    }
  }
  if (ours.size() < reference.size()) {
    return what + ": ours ends after " + std::to_string(ours.size()) + " of " +
           std::to_string(reference.size()) + " bytes";
  }
  if (ours.size() > reference.size()) {
    return what + ": ours has " + std::to_string(ours.size()) + " bytes, the reference " +
           std::to_string(reference.size());
  }
  return "";
}

}  // namespace tgvc::learned
