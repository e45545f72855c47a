// The learned codec with the exports make_exports.py writes at build time (seeded random weights
// in each family's stage structure): the strings code exactly the symbols and indexes Python's
// torch computes, round trips are bit-exact, the rate is the container's bytes, and bad exports,
// damaged streams and a decoder that cannot reproduce the encoder's frames are clear errors.
#include <fstream>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "codecs/entropy/entropy_bottleneck.h"
#include "codecs/entropy/rans_coder.h"
#include "codecs/learned/learned_backend_loader.h"
#include "codecs/learned/learned_container.h"
#include "codecs/learned/learned_image_coder.h"
#include "harness/core/error.h"
#include "tests/unit/codecs/codec_test_support.h"

namespace tgvc::learned {
namespace {

using ::testing::HasSubstr;
using testing_support::encode_with;
using testing_support::moving_pattern;
using testing_support::yuv;

std::string fixture(const std::string& name) {
  return std::string(TGVC_LEARNED_CODEC_FIXTURES) + "/" + name;
}

const nlohmann::json& expected() {
  static const nlohmann::json j = [] {
    std::ifstream in(fixture("expected.json"));
    return nlohmann::json::parse(in);
  }();
  return j;
}

std::shared_ptr<const LearnedNetwork> load(const std::string& name, const std::string& device = "cpu") {
  return require_learned_backend("test").load(fixture(name), "", device, "learned model");
}

// make_exports.py's test image: 192 x 128, ((7x + 13y + 50c + (x*y) % 31) % 256) / 255.
Planes test_image() {
  Planes p;
  p.channels = 3;
  p.height = 128;
  p.width = 192;
  for (int c = 0; c < 3; ++c) {
    for (int y = 0; y < p.height; ++y) {
      for (int x = 0; x < p.width; ++x) {
        p.values.push_back(static_cast<float>((7 * x + 13 * y + 50 * c + (x * y) % 31) % 256) / 255.0f);
      }
    }
  }
  return p;
}

std::vector<int32_t> ints(const nlohmann::json& j) {
  return j.get<std::vector<int32_t>>();
}

entropy::CdfTable table_of(const ExportCdfTable& t) {
  return entropy::CdfTable(t.cdfs, t.stride, t.cdf_lengths, t.offsets, "test");
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "no error";
}

class Family : public ::testing::TestWithParam<std::string> {};

// The strings decode, with Python's indexes, to Python's symbols: quantisation around the medians
// and means, the scales from the decoded hyper-latent and build_indexes all agree with torch.
TEST_P(Family, StringsCodeTheSymbolsPythonComputes) {
  const auto network = load(GetParam() + ".pt");
  const nlohmann::json& want = expected().at(GetParam());
  const LearnedImageCoder coder(*network);
  const EncodedImage coded = coder.encode(test_image());

  const LatentShapes& s = coded.shapes;
  EXPECT_EQ((std::vector<int>{s.latent_channels, s.latent_height, s.latent_width}),
            want.at("latent_shape").get<std::vector<int>>());
  EXPECT_EQ((std::vector<int>{s.hyper_channels, s.hyper_height, s.hyper_width}),
            want.at("hyper_shape").get<std::vector<int>>());

  const ExportInfo& info = network->info();
  const auto hyper_indexes =
      entropy::bottleneck_indexes(s.hyper_channels, static_cast<size_t>(s.hyper_height) * s.hyper_width);
  EXPECT_EQ(
      entropy::decode_with_indexes(coded.strings.hyper_latent, hyper_indexes, table_of(info.hyper_cdfs), "z"),
      ints(want.at("hyper_symbols")));
  EXPECT_EQ(entropy::decode_with_indexes(coded.strings.latent, ints(want.at("latent_indexes")),
                                         table_of(info.latent_cdfs), "y"),
            ints(want.at("latent_symbols")));
  // The fixture is scaled to exercise the coder: escapes and most rows of the scale table.
  EXPECT_GT(want.at("latent_escapes").get<int>(), 100);
  EXPECT_GE(want.at("distinct_indexes").get<int>(), 20);

  double sum = 0;
  for (float v : coded.reconstruction.values) sum += std::clamp(v, 0.0f, 1.0f);
  EXPECT_NEAR(sum, want.at("reconstruction_sum").get<double>(), 1e-3);
}

TEST_P(Family, DecodeReproducesTheEncodersReconstructionBitExactly) {
  const auto network = load(GetParam() + ".pt");
  const LearnedImageCoder coder(*network);
  const EncodedImage coded = coder.encode(test_image());
  const Planes decoded = coder.decode(coded.strings, coded.shapes, "test");
  ASSERT_TRUE(decoded.same_shape(coded.reconstruction));
  EXPECT_EQ(decoded.values, coded.reconstruction.values);
}

TEST_P(Family, CodecRoundTripRateIsTheContainersBytes) {
  const Codec* codec = find_codec("learned");
  ASSERT_NE(codec, nullptr);
  const Video source = moving_pattern(150, 100, 3, yuv(ChromaFormat::k420, 8));
  const Encoded encoded = encode_with(*codec, source, {{"model", fixture(GetParam() + ".pt")}});
  EXPECT_EQ(encoded.coded_width, 192);
  EXPECT_EQ(encoded.coded_height, 128);
  ASSERT_EQ(encoded.components.size(), 3u);
  uint64_t total = 0;
  for (const RateComponent& c : encoded.components) total += c.bytes;
  EXPECT_EQ(total, encoded.bitstream.size());

  const LearnedStream stream =
      parse_learned_stream(encoded.bitstream.data(), encoded.bitstream.size(), "test");
  ASSERT_EQ(stream.frames.size(), 3u);
  EXPECT_EQ(write_learned_stream(stream), encoded.bitstream);
  uint64_t latent = 0, hyper = 0;
  for (const ImageStrings& f : stream.frames) {
    latent += f.latent.size();
    hyper += f.hyper_latent.size();
  }
  EXPECT_EQ(encoded.components[0].name, "header");
  EXPECT_EQ(encoded.components[1].bytes, hyper);
  EXPECT_EQ(encoded.components[2].bytes, latent);

  const Video decoded = codec->decode(encoded);  // checks every frame against the encoder's digest
  testing_support::expect_same_shape(source, decoded);
  const Video again = codec->decode(encoded);
  EXPECT_TRUE(testing_support::identical(decoded, again));
}

INSTANTIATE_TEST_SUITE_P(Exports, Family, ::testing::Values("bmshj2018", "mbt2018_mean", "msillm"));

TEST(LearnedCodecTorch, ExportInfoIsRead) {
  const auto network = load("msillm.pt");
  EXPECT_EQ(network->info().family, "msillm");
  EXPECT_EQ(network->info().padding, Padding::kReflectRightBottom);
  EXPECT_EQ(network->info().multiple, 64);
  EXPECT_EQ(network->info().scale_table.size(), 24u);
  EXPECT_EQ(load("bmshj2018.pt")->info().padding, Padding::kCentredZero);
}

TEST(LearnedCodecTorch, BadExportsAreInputErrorsNamingWhatIsWrong) {
  const auto fails_with = [](const std::string& name, const std::string& text) {
    const std::string m = message_of([&] {
      const auto network = load(name);
      LearnedImageCoder(*network).encode(test_image());
    });
    EXPECT_THAT(m, HasSubstr(text)) << name;
    EXPECT_THAT(m, HasSubstr(name)) << name;
  };
  fails_with("no_synthesis.pt", "'synthesis'");
  fails_with("no_latent_cdf.pt", "latent_quantized_cdf");
  fails_with("bad_cdf.pt", "latent CDFs");
  fails_with("bad_scales.pt", "hyper_synthesis scales of shape [1, 6, 8, 12]");
  fails_with("truncated.pt", "TorchScript");
  EXPECT_THROW(load("truncated.pt"), InputError);
  EXPECT_THROW(load("missing.pt"), InputError);
}

TEST(LearnedCodecTorch, CudaWithoutADeviceIsAClearError) {
  const std::string m = message_of([] { load("bmshj2018.pt", "cuda"); });
  EXPECT_THAT(m, HasSubstr("cuda"));
}

TEST(LearnedCodecTorch, ADecoderThatCannotReproduceTheEncoderFailsWithDecoderMismatch) {
  const Codec* codec = find_codec("learned");
  const Video source = moving_pattern(64, 64, 2, yuv(ChromaFormat::k420, 8));
  const Encoded encoded = encode_with(*codec, source, {{"model", fixture("noisy.pt")}});
  EXPECT_THAT(message_of([&] { codec->decode(encoded); }), HasSubstr("decoder mismatch: frame 0"));
}

TEST(LearnedCodecTorch, DamagedStreamsAreErrorsNotWrongFrames) {
  const Codec* codec = find_codec("learned");
  const Video source = moving_pattern(64, 64, 2, yuv(ChromaFormat::k420, 8));
  const Encoded encoded = encode_with(*codec, source, {{"model", fixture("mbt2018_mean.pt")}});
  // Every damaged copy either throws or decodes to the encoder's frames (the digest check).
  EXPECT_GT(testing_support::decode_damaged_copies(*codec, encoded, 2), 20);
  Encoded truncated = encoded;
  truncated.bitstream.resize(truncated.bitstream.size() - 4);
  EXPECT_THAT(message_of([&] { codec->decode(truncated); }), HasSubstr("learned bitstream"));
  Encoded other = encode_with(*codec, source, {{"model", fixture("bmshj2018.pt")}});
  other.decoder_options = encoded.decoder_options;  // decoded with another export
  EXPECT_THAT(message_of([&] { codec->decode(other); }), HasSubstr("export digest"));
}

TEST(LearnedCodecTorch, QualityMustMatchAnExportFile) {
  const Codec* codec = find_codec("learned");
  const Video source = moving_pattern(64, 64, 1, yuv(ChromaFormat::k420, 8));
  EXPECT_THROW(encode_with(*codec, source, {{"model", fixture("msillm.pt")}, {"quality", "2"}}), InputError);
  EXPECT_NO_THROW(encode_with(*codec, source, {{"model", fixture("msillm.pt")}, {"quality", "1"}}));
}

}  // namespace
}  // namespace tgvc::learned
