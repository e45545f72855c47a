// The codecs' parameter tables: defaults round-trip, every key reaches its own member, and the
// values the adapters act on come from the struct.
#include <gtest/gtest.h>

#include "codecs/aom/aom_params.h"
#include "codecs/external/external_params.h"
#include "codecs/learned/learned_params.h"
#include "codecs/raw/raw_codec.h"
#include "codecs/x265/x265_params.h"
#include "tests/unit/core/param_table_checks.h"

namespace tgvc {
namespace {

TEST(CodecParamTables, RoundTrip) {
  test::expect_table_round_trips(x265_param_table(), "x265");
  test::expect_table_round_trips(aom_param_table(), "aom");
  test::expect_table_round_trips(raw_param_table(), "raw");
  test::expect_table_round_trips(learned_param_table(), "learned");
  test::expect_table_round_trips(external_param_table(), "external");
}

TEST(CodecParamTables, X265RateControlsAreUnsetUnlessGiven) {
  const X265Options defaults = x265_param_table().parse(ParamSet::resolve(x265_param_specs(), {}, "x265"));
  EXPECT_FALSE(defaults.qp || defaults.crf || defaults.bitrate || defaults.bframes);
  EXPECT_EQ(defaults.preset, "medium");
  EXPECT_EQ(defaults.tune, "");
  const X265Options qp = x265_param_table().parse({{"qp", "37"}, {"tune", "psnr"}}, "x265");
  EXPECT_EQ(qp.qp, 37);
  EXPECT_EQ(qp.tune, "psnr");
}

TEST(CodecParamTables, AomEnumsBindLibaomValues) {
  const AomOptions o = aom_param_table().parse({{"end-usage", "cbr"}, {"usage", "realtime"}}, "aom");
  EXPECT_EQ(o.end_usage, AOM_CBR);
  EXPECT_EQ(aom_usage(o), static_cast<unsigned int>(AOM_USAGE_REALTIME));
  EXPECT_EQ(aom_usage(AomOptions{}), static_cast<unsigned int>(AOM_USAGE_GOOD_QUALITY));
  EXPECT_EQ(AomOptions{}.end_usage, AOM_Q);
  EXPECT_EQ(find_param(aom_param_specs(), "end-usage")->default_value, "q");
}

}  // namespace
}  // namespace tgvc
