#include "codecs/tgvc/tgvc_codec.h"

#include <algorithm>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "codecs/tgvc/bitstream/tgvc_stream.h"
#include "codecs/tgvc/keyframe_coding.h"
#include "codecs/tgvc/keyframe_scaling.h"
#include "codecs/tgvc/tgvc_encoder.h"
#include "datasets/synthetic/synthetic_sequence.h"
#include "harness/core/error.h"
#include "harness/io/resize.h"
#include "tests/unit/codecs/hevc_nal_types.h"

namespace tgvc {
namespace {

Video synthetic(const std::string& scene, int width, int height, int frames, uint32_t seed = 1) {
  SyntheticSpec spec;
  spec.scene = scene;
  spec.seed = seed;
  spec.width = width;
  spec.height = height;
  spec.frame_count = frames;
  return SyntheticSequence(spec).render_range(0, frames);
}

// The top-left width x height of `video` (the synthetic scenes are even-sized).
Video crop(const Video& video, int width, int height) {
  Video out;
  out.info = video.info;
  out.info.width = width;
  out.info.height = height;
  for (const Frame& frame : video.frames) {
    Frame f = Frame::allocate(width, height, frame.format);
    for (int p = 0; p < 3; ++p) {
      for (int y = 0; y < f.planes[p].height; ++y) {
        for (int x = 0; x < f.planes[p].width; ++x) f.planes[p].at(x, y) = frame.planes[p].at(x, y);
      }
    }
    out.frames.push_back(f);
  }
  return out;
}

ParamSet params(std::map<std::string, std::string> given = {}) {
  return ParamSet::resolve(TgvcCodec().param_specs(), given, "tgvc");
}

TEST(TgvcCodec, RoundTripKeepsGeometryAndDecodesTheEncodersKeyframes) {
  const Video source = synthetic("orbit", 320, 192, 40);
  TgvcEncodeStats stats;
  const TgvcEncoded coded = tgvc_encode(source, tgvc_params_from(params()), &stats);
  EXPECT_EQ(coded.sizes.header_bytes + coded.sizes.keyframe_bytes + coded.sizes.trajectory_bytes,
            coded.bytes.size());
  ASSERT_GE(coded.keyframe_indices.size(), 2u);
  EXPECT_EQ(coded.keyframe_indices.front(), 0);
  EXPECT_EQ(coded.keyframe_indices.back(), 39);

  const Video decoded = tgvc_decode(coded.bytes, "test", "blend");
  ASSERT_EQ(decoded.frame_count(), 40);
  EXPECT_EQ(decoded.info.width, 320);
  EXPECT_EQ(decoded.info.height, 192);
  EXPECT_EQ(decoded.info.fps.value(), source.info.fps.value());
  // The decoder's keyframes are exactly what the encoder reconstructed.
  for (size_t k = 0; k < coded.keyframe_indices.size(); ++k) {
    for (int p = 0; p < 3; ++p) {
      EXPECT_EQ(decoded.frames[coded.keyframe_indices[k]].planes[p].samples,
                coded.keyframes_reconstructed.frames[k].planes[p].samples);
    }
  }
  // A frame between two keyframes is their blend.
  const int a = coded.keyframe_indices[0];
  const int b = coded.keyframe_indices[1];
  ASSERT_GT(b - a, 1);
  const int t = a + 1;
  const uint16_t sa = decoded.frames[a].planes[0].samples[1000];
  const uint16_t sb = decoded.frames[b].planes[0].samples[1000];
  EXPECT_EQ(decoded.frames[t].planes[0].samples[1000], ((b - t) * sa + (t - a) * sb + (b - a) / 2) / (b - a));
}

// VCL NAL unit types (below 32) of an HEVC stream.
std::vector<int> hevc_vcl_nal_types(const std::vector<uint8_t>& stream) {
  std::vector<int> types;
  for (int type : testing_support::hevc_nal_types(stream)) {
    if (type < 32) types.push_back(type);
  }
  return types;
}

TEST(TgvcCodec, InterPredictedKeyframesAreOneCheaperStream) {
  const Video source = synthetic("orbit", 192, 128, 48);
  const TgvcEncoded intra = tgvc_encode(source, tgvc_params_from(params()));
  const TgvcEncoded inter = tgvc_encode(source, tgvc_params_from(params({{"keyframe-prediction", "inter"}})));
  ASSERT_EQ(intra.keyframe_indices, inter.keyframe_indices);
  ASSERT_GE(inter.keyframe_indices.size(), 3u);
  const TgvcStream intra_stream = read_tgvc(intra.bytes, "intra");
  const TgvcStream inter_stream = read_tgvc(inter.bytes, "inter");
  ASSERT_EQ(inter_stream.keyframe_payloads.size(), 1u);
  const std::vector<int> intra_types = hevc_vcl_nal_types(intra_stream.keyframe_payloads[0]);
  const std::vector<int> inter_types = hevc_vcl_nal_types(inter_stream.keyframe_payloads[0]);
  ASSERT_EQ(intra_types.size(), intra.keyframe_indices.size());
  ASSERT_EQ(inter_types.size(), inter.keyframe_indices.size());
  EXPECT_TRUE(std::all_of(intra_types.begin(), intra_types.end(), [](int t) { return t >= 16; }));
  EXPECT_GE(std::count_if(inter_types.begin(), inter_types.end(), [](int t) { return t < 16; }), 1);
  EXPECT_LT(inter.sizes.keyframe_bytes, intra.sizes.keyframe_bytes);
  // The decoder reads the one stream and shows what the encoder reconstructed.
  const Video decoded = tgvc_decode(inter.bytes, "inter", "blend");
  for (size_t k = 0; k < inter.keyframe_indices.size(); ++k) {
    EXPECT_EQ(decoded.frames[inter.keyframe_indices[k]].planes[0].samples,
              inter.keyframes_reconstructed.frames[k].planes[0].samples);
  }
}

// keyframe-scale codes the keyframes smaller: the header carries the coded size, the payload
// decodes at that size, and the decoder enlarges it to exactly the encoder's reconstruction. Odd
// sizes, both keyframe codecs and inter prediction.
TEST(TgvcCodec, ReducedSizeKeyframesDecodeToTheEncodersReconstruction) {
  struct Case {
    int width, height;
    const char* codec;
    const char* prediction;
    const char* scale;
    int coded_width, coded_height;
  };
  const Case cases[] = {{192, 128, "x265", "intra", "0.5", 96, 64},
                        {190, 126, "x265", "inter", "0.5", 95, 63},
                        {161, 97, "aom", "intra", "0.375", 60, 36},
                        {161, 97, "aom", "inter", "0.75", 121, 73}};
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.codec) + " " + c.prediction + " " + c.scale);
    const Video source =
        crop(synthetic("orbit", c.width + c.width % 2, c.height + c.height % 2, 12), c.width, c.height);
    // A coarse query grid: the test is about the keyframes.
    const std::map<std::string, std::string> common = {
        {"grid", "8"}, {"keyframe-codec", c.codec}, {"keyframe-prediction", c.prediction}};
    std::map<std::string, std::string> given = common;
    given["keyframe-scale"] = c.scale;
    const TgvcEncoded full = tgvc_encode(source, tgvc_params_from(params(common)));
    const TgvcEncoded reduced = tgvc_encode(source, tgvc_params_from(params(given)));
    ASSERT_EQ(reduced.keyframe_indices, full.keyframe_indices);
    EXPECT_EQ(read_tgvc(full.bytes, "full").keyframe_width, source.info.width);
    const TgvcStream stream = read_tgvc(reduced.bytes, "reduced");
    EXPECT_EQ(stream.keyframe_width, c.coded_width);
    EXPECT_EQ(stream.keyframe_height, c.coded_height);
    EXPECT_LT(reduced.sizes.keyframe_bytes, full.sizes.keyframe_bytes);
    EXPECT_EQ(reduced.sizes.trajectory_bytes, full.sizes.trajectory_bytes);  // tracking at full size

    // The payload holds keyframes of the coded size; enlarged, they are the reconstruction.
    const int count = static_cast<int>(stream.keyframes.size());
    const Video small = decode_keyframes(stream.keyframe_payloads[0], c.codec, stream.info, c.coded_width,
                                         c.coded_height, count);
    const Video enlarged = resize_keyframes(small, c.width, c.height);
    const Video decoded = tgvc_decode(reduced.bytes, "reduced", "blend");
    ASSERT_EQ(decoded.info.width, c.width);
    ASSERT_EQ(decoded.info.height, c.height);
    ASSERT_EQ(reduced.keyframes_reconstructed.frame_count(), count);
    for (int k = 0; k < count; ++k) {
      for (int p = 0; p < 3; ++p) {
        const auto& expected = reduced.keyframes_reconstructed.frames[k].planes[p].samples;
        EXPECT_EQ(enlarged.frames[k].planes[p].samples, expected) << "keyframe " << k << " plane " << p;
        EXPECT_EQ(decoded.frames[stream.keyframes[k]].planes[p].samples, expected);
      }
    }
  }
}

TEST(TgvcCodec, KeyframeScaleOutsideItsRangeIsRefused) {
  for (const char* scale : {"0", "1.5", "-0.5", "0.05"}) {
    EXPECT_THROW(params({{"keyframe-scale", scale}}), InputError) << scale;
  }
  // Below one x265 CTU the keyframe codec refuses the coded size by name.
  const Video source = synthetic("orbit", 128, 96, 4);
  try {
    tgvc_encode(source, tgvc_params_from(params({{"keyframe-scale", "0.0625"}})));
    ADD_FAILURE() << "8x6 x265 keyframes accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("CTU"), std::string::npos) << e.what();
  }
}

TEST(TgvcCodec, SameInputSameBytes) {
  const Video source = synthetic("crossing", 256, 160, 30, 4);
  const TgvcCodec codec;
  const Encoded first = codec.encode(source, params());
  const Encoded second = codec.encode(source, params());
  EXPECT_EQ(first.bitstream, second.bitstream);
  uint64_t total = 0;
  for (const RateComponent& c : first.components) total += c.bytes;
  EXPECT_EQ(total, first.bitstream.size());
  EXPECT_EQ(first.components[0].name, "header");
  EXPECT_EQ(first.components[1].name, "keyframes");
  EXPECT_EQ(first.components[2].name, "trajectories");
}

TEST(TgvcCodec, MovingObjectsAreSentAndAStaticSceneSendsNoTrajectories) {
  TgvcEncodeStats moving;
  const TgvcEncoded m = tgvc_encode(synthetic("orbit", 512, 320, 30), tgvc_params_from(params()), &moving);
  EXPECT_GT(moving.motion.clusters, 0);
  EXPECT_GT(moving.motion.kept, 0);
  EXPECT_GT(m.sizes.trajectory_bytes, 0u);
  const TgvcStream stream = read_tgvc(m.bytes, "moving");
  size_t sent = 0;
  for (const ClipTrajectories& c : stream.clips) sent += c.tracks.size();
  EXPECT_EQ(static_cast<int>(sent), moving.motion.representatives);

  TgvcEncodeStats still;
  tgvc_encode(synthetic("static", 512, 320, 30), tgvc_params_from(params()), &still);
  EXPECT_EQ(still.motion.kept, 0);
  // No trajectories at all when their budget is zero.
  TgvcEncodeStats none;
  const TgvcEncoded n = tgvc_encode(synthetic("orbit", 512, 320, 30),
                                    tgvc_params_from(params({{"trajectory-scale", "0"}})), &none);
  EXPECT_EQ(none.motion.representatives, 0);
  EXPECT_LT(n.sizes.trajectory_bytes, m.sizes.trajectory_bytes);
}

TEST(TgvcCodec, TargetBppPicksTheFinestKeyframeQualityThatFits) {
  const Video source = synthetic("orbit", 256, 160, 24);
  TgvcEncodeStats stats;
  const double target = 0.02;
  const TgvcEncoded coded = tgvc_encode(source, tgvc_params_from(params({{"target-bpp", "0.02"}})), &stats);
  const double pixels = 256.0 * 160 * 24;
  EXPECT_LE(coded.bytes.size() * 8 / pixels, target);
  ASSERT_GT(stats.keyframe_quality, 0);
  const TgvcEncoded finer = tgvc_encode(
      source, tgvc_params_from(params({{"keyframe-quality", std::to_string(stats.keyframe_quality - 1)}})));
  EXPECT_GT(finer.bytes.size() * 8 / pixels, target);
  EXPECT_TRUE(stats.target.met);
  EXPECT_DOUBLE_EQ(stats.target.bpp, coded.bytes.size() * 8 / pixels);
  EXPECT_LE(stats.target.tried.size(), 7u);  // a binary search over QP 0..51
}

// target-bpp with aom, inter-predicted and reduced-size keyframes: the stream meets the target and
// the next finer cq-level would not; the cell's result records the choice. A target below the
// lowest rate takes the lowest-rate quality and says so.
TEST(TgvcCodec, TargetBppWorksWithEveryKeyframeOptionAndRecordsItsChoice) {
  const Video source = synthetic("orbit", 192, 128, 16);
  const double pixels = 192.0 * 128 * 16;
  const std::map<std::string, std::string> common = {
      {"grid", "8"}, {"keyframe-codec", "aom"}, {"keyframe-prediction", "inter"}, {"keyframe-scale", "0.5"}};
  std::map<std::string, std::string> given = common;
  given["target-bpp"] = "0.01";
  const Encoded encoded = TgvcCodec().encode(source, params(given));
  const double bpp = encoded.bitstream.size() * 8 / pixels;
  EXPECT_LE(bpp, 0.01);
  const int quality = std::stoi(encoded.encoder_notes.at("keyframe-quality"));
  EXPECT_EQ(encoded.encoder_notes.at("target-bpp"), "met");
  EXPECT_EQ(encoded.encoder_notes.at("keyframe-size"), "96x64");
  ASSERT_GT(quality, 0);
  std::map<std::string, std::string> fixed = common;
  fixed["keyframe-quality"] = std::to_string(quality);
  EXPECT_EQ(tgvc_encode(source, tgvc_params_from(params(fixed))).bytes, encoded.bitstream);
  fixed["keyframe-quality"] = std::to_string(quality - 1);
  EXPECT_GT(tgvc_encode(source, tgvc_params_from(params(fixed))).bytes.size() * 8 / pixels, 0.01);

  given["target-bpp"] = "0.00001";  // below what cq-level 63 reaches
  const Encoded lowest = TgvcCodec().encode(source, params(given));
  EXPECT_EQ(lowest.encoder_notes.at("keyframe-quality"), "63");
  EXPECT_EQ(lowest.encoder_notes.at("target-bpp").rfind("not reachable: ", 0), 0u)
      << lowest.encoder_notes.at("target-bpp");
  EXPECT_GT(lowest.bitstream.size() * 8 / pixels, 0.00001);
  // Without target-bpp and at full size there is nothing to note.
  EXPECT_TRUE(TgvcCodec().encode(source, params({{"grid", "8"}})).encoder_notes.empty());
}

TEST(TgvcCodec, ShortSourcesAndBadInput) {
  for (int frames : {1, 2}) {
    const Video source = synthetic("orbit", 256, 160, frames);
    const Video decoded =
        tgvc_decode(tgvc_encode(source, tgvc_params_from(params())).bytes, "short", "blend");
    EXPECT_EQ(decoded.frame_count(), frames);
  }
  Video rgb = synthetic("orbit", 256, 160, 3);
  rgb.info.format.family = ColourFamily::kRgb;
  EXPECT_THROW(tgvc_encode(rgb, tgvc_params_from(params())), InputError);
  EXPECT_THROW(
      tgvc_encode(synthetic("orbit", 256, 160, 3), tgvc_params_from(params({{"keyframe-quality", "60"}}))),
      InputError);
  std::vector<uint8_t> bytes = tgvc_encode(synthetic("orbit", 256, 160, 6), tgvc_params_from(params())).bytes;
  bytes.resize(bytes.size() / 2);
  EXPECT_THROW(tgvc_decode(bytes, "truncated.tgvc", "warp"), InputError);
}

// Documented behaviour for high-bit-depth and 4:4:4 sources: the keyframe codec codes them as
// they are, the tracker reads their luma.
TEST(TgvcCodec, TenBitAndFourFourFourSourcesKeepTheirFormat) {
  const Video source = synthetic("orbit", 256, 160, 6);
  for (const PixelFormat format : {PixelFormat{ChromaFormat::k420, 10, ColourFamily::kYuv},
                                   PixelFormat{ChromaFormat::k444, 8, ColourFamily::kYuv}}) {
    const Video converted = convert_pixel_format(source, format);
    const Video decoded =
        tgvc_decode(tgvc_encode(converted, tgvc_params_from(params())).bytes, "format", "warp");
    ASSERT_EQ(decoded.frame_count(), 6);
    EXPECT_EQ(decoded.info.format, format);
    EXPECT_EQ(decoded.frames[0].planes[1].width, converted.frames[0].planes[1].width);
  }
}

}  // namespace
}  // namespace tgvc
