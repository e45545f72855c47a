// LPIPS: the head against the reference vectors (real v0.1 alex weights), whole networks against
// Python's torch on the same random torchvision-layout weights, and the invariants.
#include <gtest/gtest.h>

#include <ATen/Parallel.h>

#include "harness/core/colour.h"
#include "harness/core/error.h"
#include "harness/core/lcg.h"
#include "harness/io/video_reader.h"
#include "harness/torch/metrics/lpips_compute.h"
#include "harness/torch/metrics/lpips_linear_weights.h"
#include "harness/torch/metrics/lpips_network.h"
#include "harness/torch/runtime/state_dict_reader.h"
#include "tests/unit/learned/learned_test_util.h"

namespace tgvc {
namespace {

using learned_test::expected;
using learned_test::fixture;
using learned_test::fixture_videos;

// Feature map k of the reference vectors: 2r/65536 from the LCG seeded `seed`, raster c, y, x.
at::Tensor lcg_features(uint32_t seed, int64_t c, int64_t h, int64_t w) {
  Lcg rng(seed);
  at::Tensor t = at::empty({1, c, h, w}, at::kFloat);
  float* p = t.data_ptr<float>();
  for (int64_t i = 0; i < c * h * w; ++i) p[i] = static_cast<float>(2.0 * rng.next() / 65536.0);
  return t;
}

std::vector<at::Tensor> linear_weights(LpipsNet net) {
  std::vector<at::Tensor> out;
  for (int k = 0; k < 5; ++k) {
    out.push_back(require_tensor(lpips_linear_state_dict(net), "lin" + std::to_string(k) + ".model.1.weight",
                                 {1, lpips_layer_channels(net)[k], 1, 1}, "test")
                      .reshape({-1}));
  }
  return out;
}

TEST(LpipsHead, ReproducesTheReferenceVectors) {
  const nlohmann::json v = learned_test::reference_vectors()["lpips_head_alex"];
  const int64_t shapes[5][3] = {{64, 15, 15}, {192, 7, 7}, {384, 3, 3}, {256, 3, 3}, {256, 3, 3}};
  std::vector<at::Tensor> f0, f1;
  for (int k = 0; k < 5; ++k) {
    f0.push_back(lcg_features(100 + k, shapes[k][0], shapes[k][1], shapes[k][2]));
    f1.push_back(lcg_features(200 + k, shapes[k][0], shapes[k][1], shapes[k][2]));
  }
  EXPECT_EQ(f0[0].view({-1})[0].item<float>(), v["F0_0_first3"][0].get<float>());
  EXPECT_EQ(f1[0].view({-1})[2].item<float>(), v["F1_0_first3"][2].get<float>());
  const at::Tensor layers = lpips_layer_distances(f0, f1, linear_weights(LpipsNet::kAlex));
  double total = 0;
  for (int k = 0; k < 5; ++k) {
    EXPECT_NEAR(layers[0][k].item<double>(), v["per_layer"][k].get<double>(), 1e-6) << "layer " << k;
    total += layers[0][k].item<double>();
  }
  EXPECT_NEAR(total, v["lpips_head"].get<double>(), 1e-6);
}

LpipsNetwork fixture_network(LpipsNet net, const std::string& file) {
  return LpipsNetwork(net, read_state_dict(fixture(file)), lpips_linear_state_dict(net), file);
}

void expect_per_frame(const std::vector<double>& got, const nlohmann::json& want, const std::string& what) {
  ASSERT_EQ(got.size(), want.size()) << what;
  for (size_t i = 0; i < got.size(); ++i) {
    // float32 network against Python's float64 computation of the same weights
    EXPECT_NEAR(got[i], want[i].get<double>(), 2e-4 * want[i].get<double>() + 1e-7) << what << " frame " << i;
  }
}

TEST(LpipsNetwork, AlexMatchesPythonOnBothContainers) {
  const auto [ref, dist] = fixture_videos();
  const nlohmann::json want = expected()["lpips_alex"];
  expect_per_frame(lpips_per_frame(fixture_network(LpipsNet::kAlex, "alexnet_legacy.pth"), ref, dist, 4),
                   want, "legacy");
  expect_per_frame(lpips_per_frame(fixture_network(LpipsNet::kAlex, "alexnet_zip.pth"), ref, dist, 4), want,
                   "zip");
}

TEST(LpipsNetwork, VggMatchesPython) {
  const auto [ref, dist] = fixture_videos();
  expect_per_frame(lpips_per_frame(fixture_network(LpipsNet::kVgg, "vgg16_zip.pth"), ref, dist, 2),
                   expected()["lpips_vgg"], "vgg");
}

TEST(LpipsNetwork, IdenticalIsZeroSymmetricAndIndependentOfBatchAndThreads) {
  const auto [ref, dist] = fixture_videos();
  const LpipsNetwork net = fixture_network(LpipsNet::kAlex, "alexnet_zip.pth");
  for (double v : lpips_per_frame(net, ref, ref, 4)) EXPECT_EQ(v, 0.0);
  const std::vector<double> ab = lpips_per_frame(net, ref, dist, 3);
  const std::vector<double> ba = lpips_per_frame(net, dist, ref, 3);
  for (size_t i = 0; i < ab.size(); ++i) EXPECT_NEAR(ab[i], ba[i], 1e-6 * ab[i]);
  // LibTorch may choose another convolution algorithm for another batch size: the last bits move.
  const std::vector<double> single = lpips_per_frame(net, ref, dist, 1);
  for (size_t i = 0; i < ab.size(); ++i) EXPECT_NEAR(single[i], ab[i], 1e-6 * ab[i]);
  const int threads = at::get_num_threads();
  for (int n : {1, 2, 3}) {
    at::set_num_threads(n);
    EXPECT_EQ(lpips_per_frame(net, ref, dist, 3), ab) << n << " threads";
  }
  at::set_num_threads(threads);
}

TEST(LpipsNetwork, RefusesIncompleteWeights) {
  StateDict backbone = read_state_dict(fixture("alexnet_zip.pth"));
  StateDict missing(backbone.begin() + 1, backbone.end());
  try {
    LpipsNetwork(LpipsNet::kAlex, missing, lpips_linear_state_dict(LpipsNet::kAlex), "partial.pth");
    ADD_FAILURE() << "accepted";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("features.0.weight"), std::string::npos) << e.what();
  }
  // VGG weights are not AlexNet weights.
  EXPECT_THROW(LpipsNetwork(LpipsNet::kAlex, read_state_dict(fixture("vgg16_zip.pth")),
                            lpips_linear_state_dict(LpipsNet::kAlex), "vgg.pth"),
               InputError);
}

ParamSet lpips_options(const std::string& net, const std::string& device = "cpu") {
  ParamSet p;
  p.set("net", net);
  p.set("device", device);
  p.set("batch", "2");
  return p;
}

TEST(LpipsValues, ReportsPerFrameMeanAndConvention) {
  const auto [ref, dist] = fixture_videos();
  const std::vector<MetricValue> v =
      lpips_values(ref, dist, lpips_options("alex"), learned_test::model_file(fixture("alexnet_legacy.pth")));
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].name, "lpips_alex");
  ASSERT_TRUE(v[0].available) << v[0].reason;
  expect_per_frame(v[0].per_frame, expected()["lpips_alex"], "values");
  EXPECT_NEAR(v[0].value, (v[0].per_frame[0] + v[0].per_frame[1] + v[0].per_frame[2]) / 3, 1e-15);
  EXPECT_NE(v[0].convention.find("LPIPS v0.1 alex"), std::string::npos) << v[0].convention;
  EXPECT_NE(v[0].convention.find("df73285e35b2"), std::string::npos) << v[0].convention;
}

// The same pair as PNG folders written by make_fixtures.py (Python's zlib, not our writer), read
// through the harness's image-folder reader: RGB samples as they are, LPIPS as Python computes it.
TEST(LpipsValues, PngFoldersReadThroughTheReaderMatchPython) {
  const Video ref = read_video(fixture("png/ref")), dist = read_video(fixture("png/dist"));
  ASSERT_EQ(ref.info.format, (PixelFormat{ChromaFormat::k444, 8, ColourFamily::kRgb}));
  const std::vector<MetricValue> v =
      lpips_values(ref, dist, lpips_options("alex"), learned_test::model_file(fixture("alexnet_legacy.pth")));
  ASSERT_TRUE(v[0].available) << v[0].reason;
  expect_per_frame(v[0].per_frame, expected()["lpips_alex"], "png");
}

TEST(LpipsValues, MissingOrAlteredBackboneIsNotAvailable) {
  const auto [ref, dist] = fixture_videos();
  ModelFile missing;
  missing.name = "lpips-alex-backbone";
  missing.path = "/nonexistent/alexnet-owt-7be5be79.pth";
  missing.fetch = "tgvc-bench models fetch lpips-alex";
  std::vector<MetricValue> v = lpips_values(ref, dist, lpips_options("alex"), missing);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_FALSE(v[0].available);
  EXPECT_EQ(v[0].reason, "model 'lpips-alex-backbone' missing: run `tgvc-bench models fetch lpips-alex`");
  EXPECT_TRUE(v[0].per_frame.empty());

  ModelFile altered = learned_test::model_file(fixture("alexnet_zip.pth"), "lpips-alex-backbone");
  altered.sha256 = std::string(64, '0');
  v = lpips_values(ref, dist, lpips_options("alex"), altered);
  EXPECT_FALSE(v[0].available);
  EXPECT_NE(v[0].reason.find("expected 0000"), std::string::npos) << v[0].reason;
}

TEST(LpipsValues, CudaWithoutCudaIsAnInputError) {
  const auto [ref, dist] = fixture_videos();
  if (at::hasCUDA()) GTEST_SKIP() << "this LibTorch has CUDA";
  EXPECT_THROW(lpips_values(ref, dist, lpips_options("alex", "cuda"),
                            learned_test::model_file(fixture("alexnet_zip.pth"))),
               InputError);
}

TEST(LpipsValues, YuvInputGoesThroughTheHarnessRgb) {
  // A 4:2:0 video and its RGB conversion give the same LPIPS: the metric uses tgvc::yuv_to_rgb.
  Video yuv;
  yuv.info.width = 64;
  yuv.info.height = 48;
  yuv.info.format = {ChromaFormat::k420, 8, ColourFamily::kYuv};
  Video yuv2 = yuv;
  Lcg rng(5);
  for (int f = 0; f < 2; ++f) {
    Frame a = Frame::allocate(64, 48, yuv.info.format), b = Frame::allocate(64, 48, yuv.info.format);
    for (int p = 0; p < 3; ++p) {
      for (size_t i = 0; i < a.planes[p].samples.size(); ++i) {
        a.planes[p].samples[i] = static_cast<uint16_t>(16 + rng.next() % 200);
        b.planes[p].samples[i] = static_cast<uint16_t>(16 + rng.next() % 200);
      }
    }
    yuv.frames.push_back(a);
    yuv2.frames.push_back(b);
  }
  const LpipsNetwork net = fixture_network(LpipsNet::kAlex, "alexnet_zip.pth");
  const std::vector<double> from_yuv = lpips_per_frame(net, yuv, yuv2, 2);
  const std::vector<double> from_rgb = lpips_per_frame(net, to_rgb(yuv), to_rgb(yuv2), 2);
  EXPECT_EQ(from_yuv, from_rgb);
  EXPECT_GT(from_yuv[0], 0.0);
}

}  // namespace
}  // namespace tgvc
