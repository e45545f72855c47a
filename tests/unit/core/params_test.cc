#include "harness/core/params.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness/core/error.h"

namespace tgvc {
namespace {

using ::testing::HasSubstr;

const std::vector<ParamSpec> kSpecs = {
    {"qp", ParamType::kInt, "", ParamRange{0, 51}, {}, "quantiser", ""},
    {"preset", ParamType::kString, "medium", std::nullopt, {"fast", "medium", "slow"}, "speed", ""},
    {"strength", ParamType::kReal, "0.5", ParamRange{0, 1}, {}, "", ""},
    {"fast", ParamType::kBool, "false", std::nullopt, {}, "", ""},
};

TEST(Params, DefaultsAndGivenValues) {
  const ParamSet set = ParamSet::resolve(kSpecs, {{"qp", "37"}, {"fast", "true"}}, "codec");
  EXPECT_EQ(set.get_int("qp"), 37);
  EXPECT_EQ(set.get_string("preset"), "medium");
  EXPECT_DOUBLE_EQ(set.get_real("strength"), 0.5);
  EXPECT_TRUE(set.get_bool("fast"));
}

TEST(Params, BadValuesNameTheKeyAndTheExpectation) {
  try {
    ParamSet::resolve(kSpecs, {{"qp", "52"}}, "codecs[0]");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "codecs[0].qp");
    EXPECT_EQ(e.expected(), "an integer in [0, 51]");
    EXPECT_EQ(e.found(), "'52'");
  }
  EXPECT_THROW(ParamSet::resolve(kSpecs, {{"qp", "4x"}}, "c"), InputError);
  EXPECT_THROW(ParamSet::resolve(kSpecs, {{"strength", "nan"}}, "c"), InputError);
  EXPECT_THROW(ParamSet::resolve(kSpecs, {{"preset", "fastest"}}, "c"), InputError);
  EXPECT_THROW(ParamSet::resolve(kSpecs, {{"fast", "yes"}}, "c"), InputError);
}

TEST(Params, UnknownKeySuggestsTheClosest) {
  try {
    ParamSet::resolve(kSpecs, {{"prest", "fast"}}, "c");
    FAIL();
  } catch (const InputError& e) {
    EXPECT_THAT(e.what(), HasSubstr("'preset'"));
    EXPECT_THAT(e.what(), HasSubstr("unknown key 'prest'"));
  }
}

}  // namespace
}  // namespace tgvc
