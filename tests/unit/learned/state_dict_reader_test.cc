// The state_dict reader against files Python's torch.save wrote (both containers), the vendored
// LPIPS v0.1 files as distributed, and damaged input (never a crash, always InputError).
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "harness/core/error.h"
#include "harness/core/lcg.h"
#include "harness/core/sha256.h"
#include "harness/torch/metrics/lpips_linear_weights.h"
#include "harness/torch/runtime/state_dict_reader.h"
#include "harness/torch/runtime/torch_pickle.h"
#include "tests/unit/learned/learned_test_util.h"

namespace tgvc {
namespace {

using learned_test::fixture;

std::string bytes_of(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

const at::Tensor& get(const StateDict& d, const std::string& key) {
  const at::Tensor* t = find_tensor(d, key);
  EXPECT_NE(t, nullptr) << key;
  static const at::Tensor none;
  return t ? *t : none;
}

void expect_tensors_fixture(const StateDict& d) {
  ASSERT_EQ(d.size(), 13u);
  const at::Tensor f32 = get(d, "f32");
  EXPECT_EQ(f32.sizes(), (at::IntArrayRef{2, 3, 4}));
  EXPECT_EQ(f32.scalar_type(), at::kFloat);
  for (int i = 0; i < 24; ++i) EXPECT_EQ(f32.view({-1})[i].item<float>(), i / 4.0f);
  const at::Tensor t = get(d, "f64_transposed");  // [[0, 3], [1, 4], [2, 5]]
  EXPECT_EQ(t.sizes(), (at::IntArrayRef{3, 2}));
  EXPECT_EQ(t.scalar_type(), at::kDouble);
  EXPECT_EQ(t[0][1].item<double>(), 3.0);
  EXPECT_EQ(t[2][0].item<double>(), 2.0);
  const at::Tensor offset = get(d, "i64_offset");  // 3..7 from a storage of 10
  EXPECT_EQ(offset.scalar_type(), at::kLong);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(offset[i].item<int64_t>(), 3 + i);
  const at::Tensor f16 = get(d, "f16");
  EXPECT_EQ(f16.scalar_type(), at::kHalf);
  EXPECT_EQ(f16[2].item<float>(), 1024.0f);
  EXPECT_EQ(f16[1].item<float>(), -2.0f);
  EXPECT_EQ(get(d, "bf16").scalar_type(), at::kBFloat16);
  EXPECT_EQ(get(d, "bf16")[1].item<float>(), -0.25f);
  EXPECT_EQ(get(d, "bool")[1].item<bool>(), false);
  EXPECT_EQ(get(d, "u8")[4].item<uint8_t>(), 200);
  EXPECT_EQ(get(d, "i32")[1].item<int32_t>(), 70000);
  EXPECT_EQ(get(d, "i32")[0].item<int32_t>(), -7);
  EXPECT_EQ(get(d, "scalar").dim(), 0);
  EXPECT_EQ(get(d, "scalar").item<double>(), 3.25);
  EXPECT_EQ(get(d, "empty").sizes(), (at::IntArrayRef{0, 4}));
  EXPECT_EQ(get(d, "shared_a")[1][2].item<float>(), 5.0f);
  EXPECT_EQ(get(d, "shared_b")[0][0].item<float>(), 6.0f);
  EXPECT_EQ(get(d, "shared_b")[2][1].item<float>(), 11.0f);
  EXPECT_EQ(get(d, "param")[1].item<float>(), 0.75f);
}

TEST(StateDictReader, ReadsTheLegacyContainer) {
  expect_tensors_fixture(read_state_dict(fixture("tensors_legacy.pth")));
}

TEST(StateDictReader, ReadsTheZipContainer) {
  expect_tensors_fixture(read_state_dict(fixture("tensors_zip.pth")));
}

TEST(StateDictReader, ReadsBothContainersFromMemoryToo) {
  for (const char* name : {"tensors_legacy.pth", "tensors_zip.pth"}) {
    const std::string bytes = bytes_of(fixture(name));
    expect_tensors_fixture(read_state_dict(bytes.data(), bytes.size(), name));
  }
}

TEST(StateDictReader, BothContainersOfOneStateDictAgree) {
  const StateDict legacy = read_state_dict(fixture("alexnet_legacy.pth"));
  const StateDict zip = read_state_dict(fixture("alexnet_zip.pth"));
  ASSERT_EQ(legacy.size(), zip.size());
  ASSERT_EQ(legacy.size(), 11u);  // 5 convolutions x (weight, bias) + one classifier tensor
  for (size_t i = 0; i < legacy.size(); ++i) {
    EXPECT_EQ(legacy[i].first, zip[i].first);
    EXPECT_TRUE(at::equal(legacy[i].second, zip[i].second)) << legacy[i].first;
  }
  EXPECT_EQ(legacy[0].first, "features.0.weight");  // insertion order kept
  EXPECT_EQ(get(legacy, "features.10.weight").sizes(), (at::IntArrayRef{256, 256, 3, 3}));
}

TEST(StateDictReader, ReadsTheVendoredLpipsLinearLayersAsDistributed) {
  // The built-in bytes are third_party/lpips as distributed: the published SHA-256 values.
  EXPECT_EQ(lpips_linear_sha256(LpipsNet::kAlex),
            "df73285e35b22355a2df87cdb6b70b343713b667eddbda73e1977e0c860835c0");
  EXPECT_EQ(lpips_linear_sha256(LpipsNet::kVgg),
            "a78928a0af1e5f0fcb1f3b9e8f8c3a2a5a3de244d830ad5c1feddc79b8432868");
  EXPECT_EQ(sha256_file(std::string(TGVC_SOURCE_DIR) + "/third_party/lpips/alex.pth"),
            lpips_linear_sha256(LpipsNet::kAlex));
  const StateDict& vgg = lpips_linear_state_dict(LpipsNet::kVgg);
  const std::vector<int64_t> channels = lpips_layer_channels(LpipsNet::kVgg);
  const nlohmann::json sums = learned_test::expected()["vgg_linear_sums"];
  for (int k = 0; k < 5; ++k) {
    const at::Tensor& w = get(vgg, "lin" + std::to_string(k) + ".model.1.weight");
    EXPECT_EQ(w.sizes(), (at::IntArrayRef{1, channels[k], 1, 1}));
    // Python's torch.load of the same file gives the same weights.
    EXPECT_NEAR(w.to(at::kDouble).sum().item<double>(), sums[k].get<double>(), 1e-9);
  }
}

TEST(StateDictReader, RefusesWhatIsNotAStateDict) {
  const learned_test::ScratchDir dir_holder;
  const std::string path = dir_holder.file("x.pth");
  for (const std::string& content :
       {std::string(), std::string("hello"), std::string("PK\x03\x04garbage", 11),
        std::string("\x80\x02K\x05.", 5)}) {
    std::ofstream(path, std::ios::binary) << content;
    EXPECT_THROW(read_state_dict(path), InputError) << content.size();
  }
  EXPECT_THROW(read_state_dict(dir_holder.file("missing.pth")), InputError);
}

// Every prefix of a real file and random byte flips: InputError or a result, never a crash or an
// allocation beyond the file's size (the sanitizer builds run this too).
TEST(StateDictReader, SurvivesTruncationAndBitFlips) {
  for (const char* name : {"tensors_legacy.pth", "tensors_zip.pth", "../../../third_party/lpips/alex.pth"}) {
    const std::string path = std::string(name).rfind("../", 0) == 0
                                 ? std::string(TGVC_SOURCE_DIR) + "/third_party/lpips/alex.pth"
                                 : fixture(name);
    const std::string bytes = bytes_of(path);
    for (size_t n = 0; n < bytes.size(); n += 7) {
      try {
        read_state_dict(bytes.data(), n, "truncated");
        ADD_FAILURE() << name << " truncated to " << n << " bytes was accepted";
      } catch (const InputError&) {
      }
    }
    Lcg rng(7);
    for (int trial = 0; trial < 400; ++trial) {
      std::string damaged = bytes;
      const size_t at = rng.next() * 65536u % damaged.size();
      damaged[at] = static_cast<char>(damaged[at] ^ (1 << (rng.next() % 8)));
      try {
        read_state_dict(damaged.data(), damaged.size(), "damaged");
      } catch (const InputError&) {
      }
    }
  }
}

TEST(TorchPickle, SelfReferencesAndMemoStayBounded) {
  // A list appended to itself through the memo, then returned: a tree with a cycle, no leak.
  const std::string p(
      "\x80\x02]q\x00h\x00"
      "a.",
      9);
  pickle::MemorySource src(p.data(), p.size(), "cycle");
  const pickle::Document doc = pickle::read_pickle(src);
  ASSERT_EQ(doc.root.kind, pickle::Kind::kList);
  EXPECT_EQ(doc.items(doc.root)[0].node, doc.root.node);
  // A 4 GB string length in a 10-byte input is refused before any allocation.
  const std::string huge("\x80\x02X\xff\xff\xff\xff.", 8);
  pickle::MemorySource big(huge.data(), huge.size(), "huge");
  EXPECT_THROW(pickle::read_pickle(big), InputError);
}

}  // namespace
}  // namespace tgvc
