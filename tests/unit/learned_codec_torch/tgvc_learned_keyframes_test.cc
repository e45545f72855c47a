// T-GVC with learned keyframes (the paper's way): the keyframes travel as one learned container
// inside the .tgvc stream, the decoder gets the export through the codec's decoder options, and
// the decoded keyframes are the encoder's reconstruction.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "codecs/learned/learned_container.h"
#include "codecs/tgvc/tgvc_encoder.h"
#include "harness/core/error.h"
#include "tests/unit/codecs/codec_test_support.h"

namespace tgvc {
namespace {

using ::testing::HasSubstr;
using testing_support::moving_pattern;
using testing_support::yuv;

std::string fixture(const std::string& name) {
  return std::string(TGVC_LEARNED_CODEC_FIXTURES) + "/" + name;
}

TgvcParams learned_keyframes(int quality) {
  TgvcParams p;
  p.keyframes.codec = "learned";
  p.keyframes.model = fixture("msillm.pt");
  p.keyframes.quality = quality;
  p.grid = 8;
  return p;
}

TEST(TgvcLearnedKeyframes, EncodeAndDecodeEndToEnd) {
  const Video source = moving_pattern(128, 64, 10, yuv(ChromaFormat::k420, 8));
  const TgvcEncoded coded = tgvc_encode(source, learned_keyframes(1));
  ASSERT_GE(coded.keyframe_indices.size(), 2u);
  EXPECT_EQ(coded.sizes.header_bytes + coded.sizes.keyframe_bytes + coded.sizes.trajectory_bytes,
            coded.bytes.size());
  EXPECT_EQ(coded.keyframe_decoder_options.count("model-file"), 1u);

  const Video decoded = tgvc_decode(coded.bytes, "test", "blend", {}, coded.keyframe_decoder_options);
  ASSERT_EQ(decoded.frame_count(), 10);
  for (size_t k = 0; k < coded.keyframe_indices.size(); ++k) {
    EXPECT_TRUE(testing_support::identical(Video{decoded.info, {decoded.frames[coded.keyframe_indices[k]]}},
                                           Video{decoded.info, {coded.keyframes_reconstructed.frames[k]}}))
        << "keyframe " << k;
  }
}

// keyframe-scale with learned keyframes: the container holds half-size images and the decoder
// enlarges them to exactly the encoder's reconstruction.
TEST(TgvcLearnedKeyframes, ReducedSizeKeyframes) {
  const Video source = moving_pattern(128, 64, 8, yuv(ChromaFormat::k420, 8));
  TgvcParams half = learned_keyframes(1);
  half.keyframes.scale = 0.5;
  TgvcEncodeStats stats;
  const TgvcEncoded coded = tgvc_encode(source, half, &stats);
  EXPECT_EQ(stats.keyframe_width, 64);
  EXPECT_EQ(stats.keyframe_height, 32);
  EXPECT_LT(coded.sizes.keyframe_bytes, tgvc_encode(source, learned_keyframes(1)).sizes.keyframe_bytes);
  const Video decoded = tgvc_decode(coded.bytes, "test", "blend", {}, coded.keyframe_decoder_options);
  ASSERT_EQ(decoded.info.width, 128);
  for (size_t k = 0; k < coded.keyframe_indices.size(); ++k) {
    EXPECT_TRUE(testing_support::identical(Video{decoded.info, {decoded.frames[coded.keyframe_indices[k]]}},
                                           Video{decoded.info, {coded.keyframes_reconstructed.frames[k]}}))
        << "keyframe " << k;
  }
}

TEST(TgvcLearnedKeyframes, TheCodecCarriesTheKeyframeOptions) {
  const Codec* codec = find_codec("tgvc");
  ASSERT_NE(codec, nullptr);
  const Video source = moving_pattern(128, 64, 6, yuv(ChromaFormat::k420, 8));
  const Encoded encoded = testing_support::encode_with(*codec, source,
                                                       {{"keyframe-codec", "learned"},
                                                        {"keyframe-model", fixture("mbt2018_mean.pt")},
                                                        {"keyframe-quality", "1"},
                                                        {"grid", "8"}});
  EXPECT_EQ(encoded.decoder_options.at("keyframe-model-file"), fixture("mbt2018_mean.pt"));
  EXPECT_EQ(codec->decode(encoded).frame_count(), 6);
  const ParamSet params = ParamSet::resolve(codec->param_specs(),
                                            {{"keyframe-codec", "learned"},
                                             {"keyframe-model", fixture("mbt2018_mean.pt")},
                                             {"keyframe-quality", "1"}},
                                            "test");
  const std::vector<std::string> files = codec->input_files(params);
  EXPECT_NE(std::find(files.begin(), files.end(), fixture("mbt2018_mean.pt")), files.end());
}

TEST(TgvcLearnedKeyframes, SettingsTheLearnedCodecCannotTakeAreInputErrors) {
  const Video source = moving_pattern(128, 64, 4, yuv(ChromaFormat::k420, 8));
  TgvcParams no_model = learned_keyframes(1);
  no_model.keyframes.model.clear();
  EXPECT_THROW(tgvc_encode(source, no_model), InputError);
  EXPECT_THROW(tgvc_encode(source, learned_keyframes(46)), InputError);  // x265's default QP
  // target-bpp searches a family's qualities; one export file has none to search.
  TgvcParams target = learned_keyframes(1);
  target.target_bpp = 0.01;
  try {
    tgvc_encode(source, target);
    ADD_FAILURE() << "target-bpp with one learned model accepted";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("a family with qualities"));
  }
  TgvcParams inter = learned_keyframes(1);
  inter.keyframes.prediction = KeyframePrediction::kInter;  // every learned keyframe is an image
  EXPECT_THROW(tgvc_encode(source, inter), InputError);
}

}  // namespace
}  // namespace tgvc
