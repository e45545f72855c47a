#include "codecs/learned/learned_container.h"

#include <cassert>
#include <cstring>

#include "harness/core/error.h"
#include "harness/core/leb128.h"

namespace tgvc::learned {
namespace {

constexpr char kMagic[4] = {'T', 'G', 'L', 'C'};

class Reader {
 public:
  Reader(const uint8_t* data, size_t size, const std::string& where)
      : data_(data), size_(size), where_(where) {}

  size_t remaining() const { return size_ - pos_; }

  const uint8_t* take(size_t n, const std::string& field) {
    if (n > remaining()) {
      throw InputError(where_ + " (" + field + ")", std::to_string(n) + " bytes",
                       std::to_string(remaining()) + " left");
    }
    const uint8_t* p = data_ + pos_;
    pos_ += n;
    return p;
  }

  // A minimal LEB128 number of at most 5 bytes, in [low, high].
  uint32_t varint(const std::string& field, uint32_t low, uint32_t high) {
    const std::string at = where_ + " (" + field + ")";
    const uint64_t v = read_leb128([&] { return *take(1, field); }, 5, at);
    if (v < low || v > high) {
      throw InputError(at, "a value in [" + std::to_string(low) + ", " + std::to_string(high) + "]",
                       std::to_string(v));
    }
    return static_cast<uint32_t>(v);
  }

 private:
  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
  const std::string& where_;
};

}  // namespace

std::array<uint8_t, 8> digest_prefix(const std::string& sha256_hex) {
  std::array<uint8_t, 8> out{};
  for (size_t i = 0; i < out.size() && 2 * i + 1 < sha256_hex.size(); ++i) {
    out[i] = static_cast<uint8_t>(std::stoi(sha256_hex.substr(2 * i, 2), nullptr, 16));
  }
  return out;
}

std::vector<uint8_t> write_learned_stream(const LearnedStream& s) {
  assert(s.width >= 1 && s.width <= kMaxPictureSize && s.height >= 1 && s.height <= kMaxPictureSize);
  std::vector<uint8_t> out(kMagic, kMagic + 4);
  out.push_back(kContainerVersion);
  out.insert(out.end(), s.export_digest.begin(), s.export_digest.end());
  append_leb128(&out, static_cast<uint32_t>(s.width));
  append_leb128(&out, static_cast<uint32_t>(s.height));
  for (int v : {s.shapes.latent_channels, s.shapes.latent_height, s.shapes.latent_width,
                s.shapes.hyper_channels, s.shapes.hyper_height, s.shapes.hyper_width}) {
    append_leb128(&out, static_cast<uint32_t>(v));
  }
  append_leb128(&out, static_cast<uint32_t>(s.frames.size()));
  for (const ImageStrings& f : s.frames) {
    assert(f.hyper_latent.size() % 4 == 0 && f.latent.size() % 4 == 0);
    append_leb128(&out, static_cast<uint32_t>(f.hyper_latent.size() / 4));
    append_leb128(&out, static_cast<uint32_t>(f.latent.size() / 4));
    out.insert(out.end(), f.hyper_latent.begin(), f.hyper_latent.end());
    out.insert(out.end(), f.latent.begin(), f.latent.end());
  }
  return out;
}

LearnedStream parse_learned_stream(const uint8_t* data, size_t size, const std::string& where) {
  Reader r(data, size, where);
  LearnedStream s;
  if (std::memcmp(r.take(4, "magic"), kMagic, 4) != 0) {
    throw InputError(where + " (magic)", "a learned-codec container starting with 'TGLC'", "other bytes");
  }
  const uint8_t version = *r.take(1, "version");
  if (version != kContainerVersion) {
    throw InputError(where + " (version)", "container version " + std::to_string(kContainerVersion),
                     std::to_string(version));
  }
  std::memcpy(s.export_digest.data(), r.take(8, "export digest"), 8);
  s.width = static_cast<int>(r.varint("width", 1, kMaxPictureSize));
  s.height = static_cast<int>(r.varint("height", 1, kMaxPictureSize));
  int* shape_fields[] = {&s.shapes.latent_channels, &s.shapes.latent_height, &s.shapes.latent_width,
                         &s.shapes.hyper_channels,  &s.shapes.hyper_height,  &s.shapes.hyper_width};
  const char* shape_names[] = {"latent channels",       "latent height",       "latent width",
                               "hyper-latent channels", "hyper-latent height", "hyper-latent width"};
  for (int i = 0; i < 6; ++i) {
    *shape_fields[i] = static_cast<int>(r.varint(shape_names[i], 1, kMaxLatentDimension));
  }
  const uint32_t frames = r.varint("frame count", 1, kMaxFrames);
  for (uint32_t f = 0; f < frames; ++f) {
    const std::string frame = "frame " + std::to_string(f);
    // Each string is at least the rANS state (two words).
    const uint32_t hyper_words = r.varint(frame + " hyper-latent length", 2, UINT32_MAX / 4);
    const uint32_t latent_words = r.varint(frame + " latent length", 2, UINT32_MAX / 4);
    ImageStrings strings;
    const uint8_t* h = r.take(size_t{hyper_words} * 4, frame + " hyper-latent string");
    strings.hyper_latent.assign(h, h + size_t{hyper_words} * 4);
    const uint8_t* l = r.take(size_t{latent_words} * 4, frame + " latent string");
    strings.latent.assign(l, l + size_t{latent_words} * 4);
    s.frames.push_back(std::move(strings));
  }
  if (r.remaining() != 0) {
    throw InputError(where, "the container to end after " + std::to_string(frames) + " frames",
                     std::to_string(r.remaining()) + " bytes more");
  }
  return s;
}

ContainerSizes container_sizes(const LearnedStream& s) {
  ContainerSizes sizes;
  for (const ImageStrings& f : s.frames) {
    sizes.hyper_latent += f.hyper_latent.size();
    sizes.latent += f.latent.size();
  }
  sizes.header = write_learned_stream(s).size() - sizes.hyper_latent - sizes.latent;
  return sizes;
}

}  // namespace tgvc::learned
