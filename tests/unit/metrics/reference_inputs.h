// Rebuilds the inputs of /work/shared/reference/README.md (tests/data/vectors.json) with tgvc::Lcg.
#pragma once

#include <algorithm>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "harness/core/frame.h"
#include "harness/core/lcg.h"

namespace tgvc::testing {

inline const nlohmann::json& reference_vectors() {
  static const nlohmann::json vectors = [] {
    std::ifstream in(TGVC_TEST_DATA_DIR "/vectors.json");
    return nlohmann::json::parse(in);
  }();
  return vectors;
}

// The README's triangle wave: (2x + 3y + 40c + 17f) mod 510 folded back at 255.
inline int folded_base(int t) {
  t %= 510;
  return t <= 255 ? t : 510 - t;
}

inline uint16_t clamp_u8(int v) {
  return static_cast<uint16_t>(std::clamp(v, 0, 255));
}

// images.img_*: C x H x W as an 8-bit RGB frame; ref from seed 12345, dist from 67890, A = 8.
struct ImagePair {
  Frame ref;
  Frame dist;
};

inline ImagePair reference_image_pair(int width, int height) {
  const PixelFormat rgb{ChromaFormat::k444, 8, ColourFamily::kRgb};
  ImagePair pair{Frame::allocate(width, height, rgb), Frame::allocate(width, height, rgb)};
  Lcg r1(12345), r2(67890);
  const int amplitude = 8;
  for (int c = 0; c < 3; ++c) {
    for (int y = 0; y < height; ++y) {
      for (int x = 0; x < width; ++x) {
        const int ref = clamp_u8(folded_base(2 * x + 3 * y + 40 * c) + static_cast<int>(r1.next() % 33) - 16);
        const int dist = clamp_u8(ref + static_cast<int>(r2.next() % (2 * amplitude + 1)) - amplitude);
        pair.ref.planes[c].at(x, y) = static_cast<uint16_t>(ref);
        pair.dist.planes[c].at(x, y) = static_cast<uint16_t>(dist);
      }
    }
  }
  return pair;
}

// yuv420_2frames_64x48: ref from seed 2024, dist from 4048, both streams over frames then planes.
struct VideoPair {
  Video ref;
  Video dist;
};

inline VideoPair reference_yuv420_pair() {
  const int width = 64, height = 48;
  VideoPair pair;
  for (Video* v : {&pair.ref, &pair.dist}) {
    v->info.width = width;
    v->info.height = height;
    v->info.format = {ChromaFormat::k420, 8, ColourFamily::kYuv};
  }
  Lcg r1(2024), r2(4048);
  for (int f = 0; f < 2; ++f) {
    Frame ref = Frame::allocate(width, height, pair.ref.info.format);
    Frame dist = Frame::allocate(width, height, pair.ref.info.format);
    for (int p = 0; p < 3; ++p) {
      for (int y = 0; y < ref.planes[p].height; ++y) {
        for (int x = 0; x < ref.planes[p].width; ++x) {
          const int r =
              clamp_u8(folded_base(2 * x + 3 * y + 40 * p + 17 * f) + static_cast<int>(r1.next() % 33) - 16);
          const int d = clamp_u8(r + static_cast<int>(r2.next() % (9 + 8 * f)) - (4 + 4 * f));
          ref.planes[p].at(x, y) = static_cast<uint16_t>(r);
          dist.planes[p].at(x, y) = static_cast<uint16_t>(d);
        }
      }
    }
    pair.ref.frames.push_back(std::move(ref));
    pair.dist.frames.push_back(std::move(dist));
  }
  return pair;
}

}  // namespace tgvc::testing
