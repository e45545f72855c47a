// Where a decoder parts from its encoder, latent by latent (docs/learned-codecs.md, "Exactness").
// The encoder fingerprints, per channel, every array one image's coding computes in the order the
// decoder computes it again: the hyper-latent's symbols, the latent's scale-table rows and means,
// the latent's symbols. The decoder compares each stage as soon as it has it, so a mismatch is
// named at its cause (a scale rounded across a table boundary) rather than where it shows (a
// string that no longer decodes, or another picture). The fingerprints travel in the codec's
// decoder options, not in the stream: they cost no rate.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace tgvc::learned {

// 32-bit FNV-1a of each channel's values (channels x plane values, channel-major), by stage.
struct LatentTrace {
  std::vector<uint32_t> hyper_symbols;   // per hyper-latent channel
  std::vector<uint32_t> latent_indexes;  // per latent channel: the GaussianConditional rows
  std::vector<uint32_t> latent_means;    // per latent channel: the means' float32 bits
  std::vector<uint32_t> latent_symbols;  // per latent channel

  bool operator==(const LatentTrace& o) const;
};

std::vector<uint32_t> channel_digests(const int32_t* values, int channels, size_t plane_size);
std::vector<uint32_t> channel_digests(const float* values, int channels, size_t plane_size);

// The first difference between the encoder's and the decoder's fingerprints of one stage, as
// "the latent y's scale-table rows (channel 5, symbols 320..383 of its string)"; empty when equal.
// `what` names the array, `plane_size` the symbols per channel.
std::string first_channel_difference(const std::vector<uint32_t>& encoder,
                                     const std::vector<uint32_t>& decoder, const std::string& what,
                                     size_t plane_size);

// The first channel whose fingerprints differ, -1 when none (or the counts differ).
int first_differing_channel(const std::vector<uint32_t>& encoder, const std::vector<uint32_t>& decoder);

// When a channel parts from the encoder's at one value only, as when a scale rounds across one
// table boundary on another build: the position in `values` (one channel's) where replacing the
// value by a neighbour gives `encoder_digest`, and that neighbour in `*encoder_value`; -1 when no
// single change explains the digest. Neighbours: v - 1 and v + 1 within [lo, hi] for rows, the
// next float32 either way for means. Only a mismatch's error path calls it (n^2 in the plane).
long find_single_change(const int32_t* values, size_t n, uint32_t encoder_digest, int32_t lo, int32_t hi,
                        int32_t* encoder_value);
long find_single_change(const float* values, size_t n, uint32_t encoder_digest, float* encoder_value);

// One frame's trace as text (8 hex digits per channel; stages separated by '/') and back;
// InputError naming `where` for text that is not a trace.
std::string trace_text(const LatentTrace& trace);
LatentTrace parse_trace(const std::string& text, const std::string& where);

// The first byte where `ours` and `reference` differ, as "first differing byte 17 of 992 (ours
// 3a, reference 3b)", "ours ends after 990 of 992 bytes" or "ours has 994 bytes, the reference
// 992"; empty when equal. Names the string with `what`.
std::string first_byte_difference(const std::vector<uint8_t>& ours, const std::vector<uint8_t>& reference,
                                  const std::string& what);

}  // namespace tgvc::learned
