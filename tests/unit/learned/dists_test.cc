// DISTS: whole networks against Python's torch (make_fixtures.py, written from the reference's
// formulas) on a random VGG16 with non-zero biases, the statistics' two paths, the source
// prepared once, and the metric as the registry sees it.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>

#include <cstdlib>

#include "harness/core/error.h"
#include "harness/metrics/learned_metrics.h"
#include "harness/metrics/registry.h"
#include "harness/torch/metrics/dists_compute.h"
#include "harness/torch/metrics/lpips_compute.h"
#include "harness/torch/metrics/lpips_linear_weights.h"
#include "harness/torch/runtime/state_dict_reader.h"
#include "tests/unit/learned/learned_test_util.h"

namespace tgvc {
namespace {

using learned_test::expected;
using learned_test::fixture;
using learned_test::fixture_videos;
using ::testing::HasSubstr;

DistsNetwork fixture_network() {
  return DistsNetwork(read_state_dict(fixture("vgg16_dists_legacy.pth")),
                      read_state_dict(fixture("dists_alpha_beta.pt")), "vgg16_dists_legacy.pth");
}

// DISTS is 1 minus a sum close to 1: float32 features agree with Python's to an absolute 1e-6.
void expect_values(const std::vector<double>& got, const nlohmann::json& want, const std::string& what) {
  ASSERT_EQ(got.size(), want.size()) << what;
  for (size_t i = 0; i < got.size(); ++i)
    EXPECT_NEAR(got[i], want[i].get<double>(), 1e-6) << what << " " << i;
}

TEST(DistsNetwork, MatchesPythonOnEvenAndOddSizes) {
  const DistsNetwork net = fixture_network();
  const nlohmann::json want = expected()["dists_random"];
  for (const auto& [w, h, frames] : {std::tuple{64, 48, 3}, {37, 29, 2}, {13, 11, 2}}) {
    const auto [ref, dist] = fixture_videos(w, h, frames);
    const std::string size = std::to_string(w) + "x" + std::to_string(h);
    expect_values(dists_per_frame(net, ref, dist, 2), want[size], size);
  }
}

TEST(DistsNetwork, IdenticalIsZeroAndIndependentOfBatchAndThreads) {
  const DistsNetwork net = fixture_network();
  const auto [ref, dist] = fixture_videos();
  for (double v : dists_per_frame(net, ref, ref, 2)) EXPECT_NEAR(v, 0.0, 1e-12);
  const std::vector<double> ab = dists_per_frame(net, ref, dist, 3);
  // LibTorch may choose another convolution algorithm for another batch size: the last bits move.
  expect_values(dists_per_frame(net, ref, dist, 1), nlohmann::json(ab), "batch 1");
  const int threads = at::get_num_threads();
  for (int n : {1, 3}) {
    at::set_num_threads(n);
    EXPECT_EQ(dists_per_frame(net, ref, dist, 3), ab) << n << " threads";
  }
  at::set_num_threads(threads);
}

TEST(DistsNetwork, StagesHaveTheReferenceShapes) {
  const DistsNetwork net = fixture_network();
  const std::vector<at::Tensor> s = net.stages(at::rand({1, 3, 29, 37}));
  ASSERT_EQ(s.size(), 6u);
  const std::vector<int64_t> channels = dists_stage_channels();
  const int64_t heights[6] = {29, 29, 15, 8, 4, 2}, widths[6] = {37, 37, 19, 10, 5, 3};
  for (size_t k = 0; k < 6; ++k) {
    EXPECT_EQ(s[k].sizes(), at::IntArrayRef({1, channels[k], heights[k], widths[k]})) << k;
  }
}

TEST(DistsNetwork, RefusesIncompleteWeights) {
  StateDict backbone = read_state_dict(fixture("vgg16_dists_legacy.pth"));
  const StateDict weights = read_state_dict(fixture("dists_alpha_beta.pt"));
  StateDict no_bias;
  for (const auto& [k, v] : backbone) {
    if (k != "features.28.bias") no_bias.emplace_back(k, v);
  }
  try {
    DistsNetwork(no_bias, weights, "partial.pth");
    ADD_FAILURE() << "accepted";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("features.28.bias"));
  }
  EXPECT_THROW(DistsNetwork(backbone, StateDict(weights.begin(), weights.begin() + 1), "w.pt"), InputError);
}

TEST(DistsMoments, LoopAgreesWithDoubleTensorsAndClosedForms) {
  at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(7);
  // A large mean beside a small spread: where float32 sums lose digits.
  const at::Tensor x = at::normal(50.0, 0.5, {2, 3, 31, 17}, gen, at::TensorOptions(at::kFloat));
  const at::Tensor y = x * 0.5 + at::normal(10.0, 0.25, {2, 3, 31, 17}, gen, at::TensorOptions(at::kFloat));
  const at::Tensor loop = dists_channel_moments(x, y), tensors = dists_channel_moments_by_tensors(x, y);
  ASSERT_EQ(loop.sizes(), at::IntArrayRef({2, 3, 5}));
  EXPECT_LT((loop - tensors).abs().max().item<double>(), 1e-9);
  // Two-pass statistics in double as the independent reference.
  const at::Tensor a = x.to(at::kDouble), b = y.to(at::kDouble);
  const at::Tensor ma = a.mean({2, 3}, true), mb = b.mean({2, 3}, true);
  EXPECT_LT((loop.select(2, 2) - (a - ma).pow(2).mean({2, 3})).abs().max().item<double>(), 1e-9);
  EXPECT_LT((loop.select(2, 4) - ((a - ma) * (b - mb)).mean({2, 3})).abs().max().item<double>(), 1e-9);
  // A constant map: its mean, no variance, no covariance.
  const at::Tensor c = dists_channel_moments(at::full({1, 1, 5, 5}, 0.75f), at::full({1, 1, 5, 5}, 0.25f));
  EXPECT_EQ(c[0][0][0].item<double>(), 0.75);
  EXPECT_EQ(c[0][0][1].item<double>(), 0.25);
  for (int i = 2; i < 5; ++i) EXPECT_EQ(c[0][0][i].item<double>(), 0.0) << i;
}

// The source prepared once gives the values computed without it, bit for bit, whether it holds all
// frames, some (a small budget: the rest are recomputed) or none.
TEST(DistsPrepared, GivesBitIdenticalValues) {
  const DistsNetwork net = fixture_network();
  const auto [ref, dist] = fixture_videos(37, 29, 5);
  const std::vector<double> alone = dists_per_frame(net, ref, dist, 2);
  const size_t one_batch = 2 * sizeof(float) * (256 * 8 * 10 + 512 * 4 * 5 + 512 * 2 * 3);
  for (size_t budget : {size_t{1} << 30, one_batch, size_t{0}}) {
    const auto source = dists_prepare_source(net, ref, 2, budget);
    EXPECT_EQ(dists_per_frame(net, ref, dist, 2, source.get()), alone) << budget;
  }
  EXPECT_THROW(dists_per_frame(net, ref, dist, 3, dists_prepare_source(net, ref, 2, 1 << 30).get()), Error);
}

TEST(LpipsPrepared, GivesBitIdenticalValues) {
  const LpipsNetwork net = LpipsNetwork(LpipsNet::kAlex, read_state_dict(fixture("alexnet_zip.pth")),
                                        lpips_linear_state_dict(LpipsNet::kAlex), "alexnet_zip.pth");
  const auto [ref, dist] = fixture_videos(64, 48, 5);
  const std::vector<double> alone = lpips_per_frame(net, ref, dist, 2);
  expect_values(std::vector<double>(alone.begin(), alone.begin() + 3), expected()["lpips_alex"], "lpips");
  for (size_t budget : {size_t{1} << 30, size_t{200000}, size_t{0}}) {
    const auto source = lpips_prepare_source(net, ref, 2, budget);
    EXPECT_EQ(lpips_per_frame(net, ref, dist, 2, source.get()), alone) << budget;
  }
}

ParamSet dists_options(const std::map<std::string, std::string>& values = {}) {
  return ParamSet::resolve(find_metric("dists")->descriptor->options, values, "dists");
}

TEST(DistsValues, VendoredWeightsPerFrameMeanAndConvention) {
  const auto [ref, dist] = fixture_videos();
  EXPECT_EQ(dists_builtin_alpha_beta_sha256(),
            "f5e65c96230b7f6ca995691647d482237e4cab8a50c5c4a5784f219ef0748218");
  const std::vector<MetricValue> v = dists_values(
      ref, dist, dists_options(), learned_test::model_file(fixture("vgg16_dists_legacy.pth")), nullptr);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].name, "dists");
  ASSERT_TRUE(v[0].available) << v[0].reason;
  expect_values(v[0].per_frame, expected()["dists_builtin"], "built-in alpha/beta");
  EXPECT_NEAR(v[0].value, (v[0].per_frame[0] + v[0].per_frame[1] + v[0].per_frame[2]) / 3, 1e-15);
  EXPECT_THAT(v[0].convention, HasSubstr("DISTS"));
  EXPECT_THAT(v[0].convention, HasSubstr("f5e65c96230b"));
}

TEST(DistsValues, CudaIsRefusedWithoutADevice) {
  if (at::hasCUDA()) GTEST_SKIP() << "this LibTorch sees a CUDA device";
  const auto [ref, dist] = fixture_videos();
  try {
    dists_values(ref, dist, dists_options({{"device", "cuda"}}),
                 learned_test::model_file(fixture("vgg16_dists_legacy.pth")), nullptr);
    ADD_FAILURE() << "accepted";
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("dists.device"));
    EXPECT_THAT(e.what(), HasSubstr("without CUDA"));
  }
}

TEST(DistsMetric, DescriptorAndOptions) {
  const Metric* m = find_metric("dists")->plain;
  ASSERT_NE(m, nullptr);
  EXPECT_EQ(m->id(), "dists");
  EXPECT_EQ(m->version(), "1");
  std::vector<std::string> keys;
  for (const ParamSpec& s : m->param_specs()) keys.push_back(s.key);
  EXPECT_EQ(keys, (std::vector<std::string>{"device", "batch", "model_file"}));
  const ParamSet p = dists_options();
  EXPECT_EQ(p.get_string("device"), "cpu");
  EXPECT_EQ(p.get_int("batch"), 4);
  EXPECT_NE(m->prepared_source_key(p, {}), "");
  EXPECT_NE(m->prepared_source_key(dists_options({{"batch", "2"}}), {}), m->prepared_source_key(p, {}));
}

TEST(DistsMetric, MissingBackboneIsNotAvailableWithTheFetchCommand) {
  const learned_test::ScratchDir dir;
  ::setenv("TGVC_MODELS_DIR", dir.path().c_str(), 1);
  const auto [ref, dist] = fixture_videos();
  const Metric* m = find_metric("dists")->plain;
  const std::vector<MetricValue> v = m->compute(ref, dist, dists_options());
  EXPECT_EQ(m->prepare(ref, dists_options(), {}), nullptr);
  ::unsetenv("TGVC_MODELS_DIR");
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].name, "dists");
  EXPECT_FALSE(v[0].available);
  EXPECT_EQ(v[0].reason, "model 'lpips-vgg-backbone' missing: run `tgvc-bench models fetch lpips-vgg`");
}

// Through the registry and the dlopen-ed library: prepare() once, then compute with it, gives the
// values of compute alone, for DISTS and LPIPS.
TEST(DistsMetric, PreparedSourceThroughTheRegistryIsBitIdentical) {
  const auto [ref, dist] = fixture_videos();
  const std::map<std::string, std::map<std::string, std::string>> cases = {
      {"dists", {{"model_file", fixture("vgg16_dists_legacy.pth")}, {"batch", "2"}}},
      {"lpips", {{"model_file", fixture("alexnet_zip.pth")}, {"batch", "2"}}}};
  for (const auto& [id, values] : cases) {
    const Metric* m = find_metric(id)->plain;
    const ParamSet p = ParamSet::resolve(m->param_specs(), values, id);
    const std::vector<MetricValue> alone = m->compute(ref, dist, p);
    ASSERT_TRUE(alone.at(0).available) << alone[0].reason;
    MetricContext context;
    const std::shared_ptr<const PreparedSource> prepared = m->prepare(ref, p, context);
    ASSERT_NE(prepared, nullptr) << id;
    context.prepared_source = prepared.get();
    const std::vector<MetricValue> shared = m->compute_in_context(ref, dist, p, context);
    EXPECT_EQ(shared.at(0).per_frame, alone[0].per_frame) << id;
    EXPECT_EQ(shared[0].value, alone[0].value) << id;
  }
}

}  // namespace
}  // namespace tgvc
