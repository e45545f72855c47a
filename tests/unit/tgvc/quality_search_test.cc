#include "codecs/tgvc/quality_search.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "codecs/codec.h"
#include "codecs/tgvc/keyframe_coding.h"
#include "harness/core/error.h"

namespace tgvc {
namespace {

// x265's order: QP 51 (fewest bits) down to 0; a rate that doubles every 6 QP, as HEVC's roughly does.
std::vector<int> qp_by_rate() {
  std::vector<int> q;
  for (int qp = 51; qp >= 0; --qp) q.push_back(qp);
  return q;
}

double qp_bpp(int qp) {
  return 0.001 * std::pow(2.0, (51 - qp) / 6.0);
}

TEST(QualitySearch, FindsTheFinestQualityThatMeetsTheTarget) {
  for (const double target : {0.0011, 0.002, 0.0105, 0.5}) {
    std::vector<int> calls;
    const QualityChoice c = search_quality(qp_by_rate(), target, [&](int qp) {
      calls.push_back(qp);
      return qp_bpp(qp);
    });
    // Closed form: the lowest QP with 0.001 * 2^((51 - qp) / 6) <= target.
    const int expected = std::max(0, 51 - static_cast<int>(std::floor(6 * std::log2(target / 0.001))));
    EXPECT_EQ(c.quality, expected) << target;
    EXPECT_TRUE(c.met);
    EXPECT_LE(c.bpp, target);
    EXPECT_DOUBLE_EQ(c.bpp, qp_bpp(c.quality));
    if (c.quality > 0) {
      EXPECT_GT(qp_bpp(c.quality - 1), target);
    }
    // Binary search: at most ceil(log2(52)) + 1 encodes, each quality once.
    EXPECT_LE(calls.size(), 7u);
    EXPECT_EQ(std::set<int>(calls.begin(), calls.end()).size(), calls.size());
    EXPECT_EQ(c.tried, calls);
  }
}

TEST(QualitySearch, AnUnreachableTargetTakesTheLowestRate) {
  const QualityChoice low = search_quality(qp_by_rate(), 0.0005, qp_bpp);
  EXPECT_EQ(low.quality, 51);
  EXPECT_FALSE(low.met);
  EXPECT_DOUBLE_EQ(low.bpp, 0.001);
  // Learned order (quality 1 = fewest bits): rates 0.03, 0.05, ... per quality.
  const std::vector<int> learned = {1, 2, 3, 4, 5, 6};
  const auto learned_bpp = [](int q) { return 0.01 + 0.02 * q; };
  const QualityChoice none = search_quality(learned, 0.02, learned_bpp);
  EXPECT_EQ(none.quality, 1);
  EXPECT_FALSE(none.met);
  const QualityChoice mid = search_quality(learned, 0.08, learned_bpp);
  EXPECT_EQ(mid.quality, 3);  // 0.07 <= 0.08 < 0.09
  EXPECT_TRUE(mid.met);
  const QualityChoice all = search_quality(learned, 1.0, learned_bpp);
  EXPECT_EQ(all.quality, 6);
  EXPECT_TRUE(all.met);
  const QualityChoice one = search_quality({7}, 0.0, [](int) { return 0.5; });
  EXPECT_EQ(one.quality, 7);
  EXPECT_FALSE(one.met);
  EXPECT_EQ(one.tried, std::vector<int>{7});
}

TEST(QualitySearch, EachKeyframeCodecSearchesItsOwnQualities) {
  KeyframeCodingParams p;
  EXPECT_EQ(keyframe_qualities_by_rate(p), qp_by_rate());
  p.codec = "aom";
  const std::vector<int> aom = keyframe_qualities_by_rate(p);
  ASSERT_EQ(aom.size(), 64u);
  EXPECT_EQ(aom.front(), 63);
  EXPECT_EQ(aom.back(), 0);
  p.codec = "learned";
  p.model = "msillm";  // the manifest's msillm-q1 .. msillm-q6
  EXPECT_EQ(keyframe_qualities_by_rate(p), (std::vector<int>{1, 2, 3, 4, 5, 6}));
  p.model = "bmshj2018-hyperprior-mse";
  EXPECT_EQ(keyframe_qualities_by_rate(p), (std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8}));
  for (const char* single : {"msillm-q3", "/tmp/model.pt", ""}) {
    p.model = single;
    EXPECT_THROW(keyframe_qualities_by_rate(p), InputError) << single;
  }
}

}  // namespace
}  // namespace tgvc

namespace tgvc {
namespace {

// With target-bpp a learned family's every quality may code the keyframes: the cell's cache key
// fingerprints all of their exports, not only keyframe-quality's.
TEST(QualitySearch, TheCacheKeyCoversEveryExportTheSearchMayUse) {
  const std::filesystem::path dir = std::filesystem::temp_directory_path() / "tgvc_family_exports";
  std::filesystem::create_directories(dir);
  for (int q = 1; q <= 6; ++q)
    std::ofstream(dir / ("msillm-q" + std::to_string(q) + ".pt")) << "export " << q;
  const char* before = std::getenv("TGVC_MODELS_DIR");
  const std::string saved = before ? before : "";
  ::setenv("TGVC_MODELS_DIR", dir.c_str(), 1);
  const Codec& tgvc = *find_codec("tgvc");
  const auto exports = [&](std::map<std::string, std::string> given) {
    given["keyframe-codec"] = "learned";
    given["keyframe-model"] = "msillm";
    given["keyframe-quality"] = "2";
    std::set<std::string> names;
    for (const std::string& f : tgvc.input_files(ParamSet::resolve(tgvc.param_specs(), given, "tgvc"))) {
      const std::string name = std::filesystem::path(f).filename().string();
      if (name.size() > 3 && name.compare(name.size() - 3, 3, ".pt") == 0) names.insert(name);
    }
    return names;
  };
  EXPECT_EQ(exports({}), std::set<std::string>{"msillm-q2.pt"});
  EXPECT_EQ(exports({{"target-bpp", "0.01"}}),
            (std::set<std::string>{"msillm-q1.pt", "msillm-q2.pt", "msillm-q3.pt", "msillm-q4.pt",
                                   "msillm-q5.pt", "msillm-q6.pt"}));
  if (before) {
    ::setenv("TGVC_MODELS_DIR", saved.c_str(), 1);
  } else {
    ::unsetenv("TGVC_MODELS_DIR");
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace tgvc
