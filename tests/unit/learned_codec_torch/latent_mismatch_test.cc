// On a decoder mismatch the learned codec names the frame, the latent and where in it the decoder
// parts from the encoder: a scale table perturbed on the decoder's side (what another build's
// rounding does to a scale on a table boundary), a damaged string that still decodes, and a
// string checked against a reference.
#include <algorithm>
#include <cmath>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "codecs/entropy/entropy_bottleneck.h"
#include "codecs/entropy/gaussian_conditional.h"
#include "codecs/entropy/latent_symbols.h"
#include "codecs/entropy/rans_coder.h"
#include "codecs/learned/latent_trace.h"
#include "codecs/learned/learned_backend_loader.h"
#include "codecs/learned/learned_container.h"
#include "codecs/learned/learned_image_coder.h"
#include "harness/core/error.h"
#include "tests/unit/codecs/codec_test_support.h"

namespace tgvc::learned {
namespace {

using ::testing::HasSubstr;

std::shared_ptr<const LearnedNetwork> load(const std::string& name) {
  return require_learned_backend("test").load(std::string(TGVC_LEARNED_CODEC_FIXTURES) + "/" + name, "",
                                              "cpu", "learned model");
}

// An export whose scale table is multiplied by `factor` on this side only.
class PerturbedScales : public LearnedNetwork {
 public:
  PerturbedScales(std::shared_ptr<const LearnedNetwork> inner, float factor)
      : inner_(std::move(inner)), info_(inner_->info()) {
    for (float& s : info_.scale_table) s *= factor;
  }
  const ExportInfo& info() const override { return info_; }
  Planes analysis(const Planes& image) const override { return inner_->analysis(image); }
  Planes hyper_analysis(const Planes& y) const override { return inner_->hyper_analysis(y); }
  void hyper_synthesis(const Planes& z_hat, Planes* scales, Planes* means) const override {
    inner_->hyper_synthesis(z_hat, scales, means);
  }
  Planes synthesis(const Planes& y_hat) const override { return inner_->synthesis(y_hat); }

 private:
  std::shared_ptr<const LearnedNetwork> inner_;
  ExportInfo info_;
};

Planes test_image() {
  Planes p;
  p.channels = 3;
  p.height = 128;
  p.width = 192;
  for (int c = 0; c < 3; ++c) {
    for (int y = 0; y < p.height; ++y) {
      for (int x = 0; x < p.width; ++x) {
        p.values.push_back(static_cast<float>((5 * x + 11 * y + 70 * c + (x * y) % 23) % 256) / 255.0f);
      }
    }
  }
  return p;
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const std::exception& e) {
    return e.what();
  }
  return "no error";
}

// The scales and rows the decoder computes for `coded` (with the entropy library, not the coder).
void decoder_scales(const LearnedNetwork& network, const EncodedImage& coded, std::vector<float>* scales,
                    std::vector<int32_t>* rows) {
  const ExportInfo& info = network.info();
  const LatentShapes& s = coded.shapes;
  Planes z_hat;
  z_hat.channels = s.hyper_channels;
  z_hat.height = s.hyper_height;
  z_hat.width = s.hyper_width;
  const auto z_indexes = entropy::bottleneck_indexes(z_hat.channels, z_hat.plane_size());
  const entropy::CdfTable hyper(info.hyper_cdfs.cdfs, info.hyper_cdfs.stride, info.hyper_cdfs.cdf_lengths,
                                info.hyper_cdfs.offsets, "test");
  const auto z_symbols = entropy::decode_with_indexes(coded.strings.hyper_latent, z_indexes, hyper, "z");
  for (size_t k = 0; k < z_symbols.size(); ++k) {
    z_hat.values.push_back(entropy::dequantize_symbol(z_symbols[k], info.hyper_medians[z_indexes[k]]));
  }
  Planes sc, means;
  network.hyper_synthesis(z_hat, &sc, &means);
  *scales = sc.values;
  *rows = entropy::ScaleTable(info.scale_table, info.scale_bound, "t").build_indexes(sc.values);
}

// The first latent position whose scale-table row differs between the two tables, from the scales
// of the decoded hyper-latent.
size_t first_row_difference(const LearnedNetwork& a, const LearnedNetwork& b, const EncodedImage& coded) {
  std::vector<float> scales;
  std::vector<int32_t> rows_a;
  decoder_scales(a, coded, &scales, &rows_a);
  const auto rows_b =
      entropy::ScaleTable(b.info().scale_table, b.info().scale_bound, "b").build_indexes(scales);
  return std::mismatch(rows_a.begin(), rows_a.end(), rows_b.begin()).first - rows_a.begin();
}

TEST(LatentMismatch, ADecoderWhoseScalesRoundOtherwiseIsNamedAtTheLatentsRows) {
  for (const std::string name : {"bmshj2018.pt", "mbt2018_mean.pt", "msillm.pt"}) {
    const auto network = load(name);
    const PerturbedScales perturbed(network, 1.04f);
    const EncodedImage coded = LearnedImageCoder(*network).encode(test_image());
    const size_t k = first_row_difference(*network, perturbed, coded);
    const size_t plane = static_cast<size_t>(coded.shapes.latent_height) * coded.shapes.latent_width;
    ASSERT_LT(k, plane * coded.shapes.latent_channels) << name << ": the perturbation changes no row";
    const size_t c = k / plane;

    const std::string m = message_of(
        [&] { LearnedImageCoder(perturbed).decode(coded.strings, coded.shapes, "frame 4", &coded.trace); });
    EXPECT_THAT(m, HasSubstr("decoder mismatch: frame 4: the latent y's scale-table rows (channel " +
                             std::to_string(c) + ", symbols " + std::to_string(c * plane) + ".."))
        << name;
    // Unchecked, the same decode fails later or gives another picture, without naming the cause.
    EXPECT_THAT(
        message_of([&] { LearnedImageCoder(perturbed).decode(coded.strings, coded.shapes, "frame 4"); }),
        ::testing::Not(HasSubstr("scale-table rows")));
    // The encoder's own tables pass the check.
    EXPECT_NO_THROW(LearnedImageCoder(*network).decode(coded.strings, coded.shapes, "frame 4", &coded.trace));
  }
}

// An export whose hyper-synthesis moves one scale across a table boundary, or one mean by one
// float step, on this side only: what another build's rounding does to one value.
class OneValueMoved : public PerturbedScales {
 public:
  OneValueMoved(std::shared_ptr<const LearnedNetwork> inner, size_t k, float scale, bool mean)
      : PerturbedScales(std::move(inner), 1.0f), k_(k), scale_(scale), mean_(mean) {}
  void hyper_synthesis(const Planes& z_hat, Planes* scales, Planes* means) const override {
    PerturbedScales::hyper_synthesis(z_hat, scales, means);
    if (mean_) {
      means->values[k_] = std::nextafter(means->values[k_], 1e9f);
    } else {
      scales->values[k_] = scale_;
    }
  }

 private:
  size_t k_;
  float scale_;
  bool mean_;
};

// When one value alone differs, the report names the symbol and both values.
TEST(LatentMismatch, OneScaleAcrossOneBoundaryIsNamedAtItsSymbol) {
  const auto network = load("mbt2018_mean.pt");
  const EncodedImage coded = LearnedImageCoder(*network).encode(test_image());
  std::vector<float> scales;
  std::vector<int32_t> rows;
  decoder_scales(*network, coded, &scales, &rows);
  const size_t plane = static_cast<size_t>(coded.shapes.latent_height) * coded.shapes.latent_width;
  const int last_row = static_cast<int>(network->info().scale_table.size()) - 1;
  size_t k = plane + 5;  // in channel 1
  while (rows[k] >= last_row) ++k;
  const float moved = network->info().scale_table[rows[k]] * 1.001f;  // just past the entry: the next row
  const OneValueMoved decoder(network, k, moved, false);
  EXPECT_THAT(message_of([&] {
                LearnedImageCoder(decoder).decode(coded.strings, coded.shapes, "frame 0", &coded.trace);
              }),
              HasSubstr("the latent y's scale-table rows (channel 1, symbols " + std::to_string(plane) +
                        ".." + std::to_string(2 * plane - 1) +
                        " of its string) differ from the encoder's: the hyper-synthesis "
                        "or the scale table computes otherwise on this device or build; only symbol " +
                        std::to_string(k) + " of the channel differs, row " + std::to_string(rows[k] + 1) +
                        " where the encoder's is " + std::to_string(rows[k])));

  const OneValueMoved mean_decoder(network, k, 0, true);
  EXPECT_THAT(
      message_of([&] {
        LearnedImageCoder(mean_decoder).decode(coded.strings, coded.shapes, "frame 0", &coded.trace);
      }),
      HasSubstr("the latent y's means (channel 1, symbols " + std::to_string(plane) + ".." +
                std::to_string(2 * plane - 1) + " of its string) differ from the encoder's: " +
                std::string("the hyper-synthesis or the scale table computes otherwise on this device or "
                            "build; only symbol ") +
                std::to_string(k) + " of the channel differs, mean "));
}

// A damaged latent string that still decodes (another valid string) decodes to other symbols: the
// check names the latent and the channel of the first changed symbol.
TEST(LatentMismatch, ADamagedStringThatStillDecodesIsNamedAtTheLatentsSymbols) {
  const auto network = load("bmshj2018.pt");
  const LearnedImageCoder coder(*network);
  const EncodedImage coded = coder.encode(test_image());
  int decoded_otherwise = 0, rejected = 0;
  for (size_t byte = 8; byte < coded.strings.latent.size() && decoded_otherwise < 3; ++byte) {
    for (int bit = 0; bit < 8; ++bit) {
      ImageStrings damaged = coded.strings;
      damaged.latent[byte] ^= static_cast<uint8_t>(1 << bit);
      try {
        coder.decode(damaged, coded.shapes, "frame 0", &coded.trace);
        ADD_FAILURE() << "byte " << byte << " bit " << bit << " decoded to the encoder's picture";
      } catch (const InputError&) {
        ++rejected;  // the rANS decoder's own check
      } catch (const Error& e) {
        EXPECT_THAT(e.what(), HasSubstr("decoder mismatch: frame 0: the latent y's symbols (channel "));
        ++decoded_otherwise;
      }
    }
  }
  EXPECT_GT(decoded_otherwise, 0);
  EXPECT_GT(rejected, 0);
}

TEST(LatentMismatch, TheCodecNamesTheFrameAndLatentOfAMismatch) {
  const Codec* codec = find_codec("learned");
  const Video source =
      testing_support::moving_pattern(64, 64, 3, testing_support::yuv(ChromaFormat::k420, 8));
  Encoded encoded = testing_support::encode_with(
      *codec, source, {{"model", std::string(TGVC_LEARNED_CODEC_FIXTURES) + "/mbt2018_mean.pt"}});
  std::string& traces = encoded.decoder_options.at("latent-digests");
  // The encoder's record of frame 2's latent symbols, channel 1, is altered: the decoder names it.
  const size_t frame2 = traces.find(';', traces.find(';') + 1) + 1;
  const size_t symbols = traces.rfind('/') + 1;
  ASSERT_GT(symbols, frame2);
  traces[symbols + 8] = traces[symbols + 8] == '0' ? '1' : '0';
  EXPECT_THAT(
      message_of([&] { codec->decode(encoded); }),
      HasSubstr("decoder mismatch: frame 2 of the learned bitstream: the latent y's symbols (channel 1,"));
  encoded.decoder_options.at("latent-digests") = "00/00";
  EXPECT_THAT(message_of([&] { codec->decode(encoded); }), HasSubstr("latent-digests"));
}

}  // namespace
}  // namespace tgvc::learned
