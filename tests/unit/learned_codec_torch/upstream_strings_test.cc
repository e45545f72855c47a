// The learned codec against upstream CompressAI and NeuralCompression themselves: for the same
// weights and image, the strings in our container equal the strings upstream compress() wrote, byte
// for byte, and decoding gives upstream decompress()'s picture. The data (exports, image, upstream
// strings and reconstructions) come from tools/models/make_upstream_vectors.py, run once with the
// upstream sources (tests/data/learned_codec_upstream/upstream.json says which).
#include <fstream>
#include <iterator>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "codecs/codec.h"
#include "codecs/learned/latent_trace.h"
#include "codecs/learned/learned_container.h"
#include "tests/unit/codecs/codec_test_support.h"

namespace tgvc::learned {
namespace {

std::string data_path(const std::string& name) {
  return std::string(TGVC_TEST_DATA_DIR) + "/learned_codec_upstream/" + name;
}

std::string read_bytes(const std::string& name) {
  std::ifstream in(data_path(name), std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

const nlohmann::json& vectors() {
  static const nlohmann::json j = nlohmann::json::parse(read_bytes("upstream.json"));
  return j;
}

std::string hex(const std::vector<uint8_t>& bytes) {
  static const char* digits = "0123456789abcdef";
  std::string out;
  for (uint8_t b : bytes) {
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

std::vector<uint8_t> bytes_of(const nlohmann::json& hex_text) {
  const std::string h = hex_text.get<std::string>();
  std::vector<uint8_t> out;
  for (size_t i = 0; i + 1 < h.size(); i += 2)
    out.push_back(static_cast<uint8_t>(std::stoi(h.substr(i, 2), nullptr, 16)));
  return out;
}

// A planar 8-bit RGB file as a one-frame RGB video.
Video rgb_video(const std::string& name) {
  const nlohmann::json& image = vectors().at("image");
  const int width = image.at("width"), height = image.at("height");
  const std::string bytes = read_bytes(name);
  EXPECT_EQ(bytes.size(), static_cast<size_t>(3 * width * height)) << name;
  Video video;
  video.info.width = width;
  video.info.height = height;
  video.info.format = {ChromaFormat::k444, 8, ColourFamily::kRgb};
  video.info.fps = {25, 1};
  Frame frame = Frame::allocate(width, height, video.info.format);
  for (int c = 0; c < 3; ++c) {
    for (int i = 0; i < width * height; ++i) {
      frame.planes[c].samples[i] = static_cast<uint8_t>(bytes[static_cast<size_t>(c) * width * height + i]);
    }
  }
  video.frames.push_back(std::move(frame));
  return video;
}

class Upstream : public ::testing::TestWithParam<std::string> {
 protected:
  const nlohmann::json& want() const { return vectors().at("models").at(GetParam()); }
  Encoded encode() const {
    return testing_support::encode_with(*find_codec("learned"), rgb_video("image.rgb"),
                                        {{"model", data_path(want().at("export"))}});
  }
};

TEST_P(Upstream, StringsEqualUpstreamCompressByteForByte) {
  const Encoded encoded = encode();
  EXPECT_EQ(encoded.coded_width, want().at("padded_width").get<int>());
  EXPECT_EQ(encoded.coded_height, want().at("padded_height").get<int>());
  EXPECT_EQ(encoded.padding, want().at("padding").get<std::string>());  // stated in the cell result
  const LearnedStream stream =
      parse_learned_stream(encoded.bitstream.data(), encoded.bitstream.size(), "test");
  const LatentShapes& s = stream.shapes;
  EXPECT_EQ((std::vector<int>{s.latent_channels, s.latent_height, s.latent_width}),
            want().at("latent_shape").get<std::vector<int>>());
  EXPECT_EQ((std::vector<int>{s.hyper_channels, s.hyper_height, s.hyper_width}),
            want().at("hyper_shape").get<std::vector<int>>());
  ASSERT_EQ(stream.frames.size(), 1u);
  EXPECT_EQ(first_byte_difference(stream.frames[0].hyper_latent, bytes_of(want().at("hyper_latent_string")),
                                  "frame 0, hyper-latent z string"),
            "");
  EXPECT_EQ(first_byte_difference(stream.frames[0].latent, bytes_of(want().at("latent_string")),
                                  "frame 0, latent y string"),
            "");
  EXPECT_EQ(hex(stream.frames[0].latent), want().at("latent_string").get<std::string>());
  // The vectors exercise the coder: escapes in both latents, many rows of the scale table.
  EXPECT_GT(want().at("escapes").get<int>(), 100);
  EXPECT_GT(want().at("hyper_escapes").get<int>(), 10);
  EXPECT_GE(want().at("distinct_indexes").get<int>(), 14);
}

// Same machine and LibTorch build as the vectors: the picture is upstream decompress()'s (cropped,
// clamped, v * 255 rounded) in every sample. Another build may differ by rounding in the networks;
// then this test fails and says by how much.
TEST_P(Upstream, DecodeGivesUpstreamDecompressPicture) {
  const Encoded encoded = encode();
  const Video decoded = find_codec("learned")->decode(encoded);
  const Video upstream = rgb_video(want().at("reconstruction"));
  ASSERT_EQ(decoded.frames.size(), 1u);
  int differing = 0, largest = 0;
  for (int c = 0; c < 3; ++c) {
    const std::vector<uint16_t>& a = decoded.frames[0].planes[c].samples;
    const std::vector<uint16_t>& b = upstream.frames[0].planes[c].samples;
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      const int d = std::abs(int(a[i]) - int(b[i]));
      differing += d != 0;
      largest = std::max(largest, d);
    }
  }
  EXPECT_EQ(differing, 0) << "largest difference " << largest;
}

INSTANTIATE_TEST_SUITE_P(Models, Upstream, ::testing::Values("bmshj2018", "mbt2018_mean", "msillm"));

}  // namespace
}  // namespace tgvc::learned
