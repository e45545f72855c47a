// The typed-row mechanism: defaults read from the struct, ranges without sentinels, choices,
// enum binding, nested members, prefixes, and the messages a config author sees.
#include "harness/core/param_table.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "harness/core/error.h"
#include "tests/unit/core/param_table_checks.h"

namespace tgvc {
namespace {

using ::testing::ElementsAre;

enum class Shape { kBox, kGauss };

struct Kernel {
  int taps = 5;
};

struct Blur {
  int radius = 3;
  double sigma = 0.25;
  bool separable = true;
  std::string name;  // empty: unset
  std::optional<int> passes;
  Shape shape = Shape::kGauss;
  double step = 4;  // one of a list of texts
  uint32_t seed = 7;
  Kernel kernel;
};

const EnumNames<Shape> kShapes = {{Shape::kBox, "box"}, {Shape::kGauss, "gauss"}};

const ParamTable<Blur>& blur_table() {
  using Row = ParamRow<Blur>;
  static const ParamTable<Blur> table({
      Row("radius", &Blur::radius).range(1, 15).help("kernel radius").unit("px"),
      Row("sigma", &Blur::sigma).range(0, 1e6).help("spread"),
      Row("separable", &Blur::separable).help("two 1-D passes"),
      Row("name", &Blur::name).help("a label"),
      Row("passes", &Blur::passes).help("unset: one"),
      Row("shape", &Blur::shape, kShapes).help("kernel shape"),
      Row("step", &Blur::step).choices({"8", "4", "2"}).help("grid").unit("px"),
      Row("seed", &Blur::seed).range(0, 2147483647).help("noise seed"),
      Row("taps", &Blur::kernel, &Kernel::taps).range(3, 9).help("kernel taps"),
  });
  return table;
}

const ParamSpec& spec_of(const std::string& key) {
  const ParamSpec* spec = find_param(blur_table().specs(), key);
  EXPECT_NE(spec, nullptr) << key;
  return *spec;
}

TEST(ParamTable, DefaultsAreReadFromTheStruct) {
  EXPECT_EQ(spec_of("radius").default_value, "3");
  EXPECT_EQ(spec_of("sigma").default_value, "0.25");
  EXPECT_EQ(spec_of("separable").default_value, "true");
  EXPECT_EQ(spec_of("name").default_value, "");    // an empty string is unset
  EXPECT_EQ(spec_of("passes").default_value, "");  // so is nullopt
  EXPECT_EQ(spec_of("shape").default_value, "gauss");
  EXPECT_EQ(spec_of("step").default_value, "4");
  EXPECT_EQ(spec_of("seed").default_value, "7");
  EXPECT_EQ(spec_of("taps").default_value, "5");
}

TEST(ParamTable, TypesRangesChoicesHelpAndUnit) {
  EXPECT_EQ(spec_of("radius").type, ParamType::kInt);
  EXPECT_EQ(describe_expected(spec_of("radius")), "an integer in [1, 15]");
  EXPECT_EQ(spec_of("radius").help, "kernel radius");
  EXPECT_EQ(spec_of("radius").unit, "px");
  EXPECT_EQ(describe_expected(spec_of("sigma")), "a number in [0, 1000000]");
  EXPECT_EQ(describe_expected(spec_of("separable")), "true or false");
  EXPECT_EQ(describe_expected(spec_of("name")), "a string");
  // No range is no range: any integer, including the old "0, -1" sentinel's values.
  EXPECT_FALSE(spec_of("passes").range.has_value());
  EXPECT_EQ(describe_expected(spec_of("passes")), "an integer");
  EXPECT_FALSE(check_param_value(spec_of("passes"), "-1").has_value());
  // Enum and numeric choices read as strings from a list.
  EXPECT_EQ(spec_of("shape").type, ParamType::kString);
  EXPECT_THAT(spec_of("shape").choices, ElementsAre("box", "gauss"));
  EXPECT_EQ(spec_of("step").type, ParamType::kString);
  EXPECT_EQ(describe_expected(spec_of("step")), "one of 8, 4, 2");
}

TEST(ParamTable, ParseFillsEveryKindOfMember) {
  const ParamSet set = ParamSet::resolve(blur_table().specs(),
                                         {{"radius", "9"},
                                          {"sigma", "1.5"},
                                          {"separable", "false"},
                                          {"name", "soft"},
                                          {"passes", "2"},
                                          {"shape", "box"},
                                          {"step", "2"},
                                          {"seed", "2147483647"},
                                          {"taps", "9"}},
                                         "blur");
  const Blur b = blur_table().parse(set);
  EXPECT_EQ(b.radius, 9);
  EXPECT_DOUBLE_EQ(b.sigma, 1.5);
  EXPECT_FALSE(b.separable);
  EXPECT_EQ(b.name, "soft");
  EXPECT_EQ(b.passes, 2);
  EXPECT_EQ(b.shape, Shape::kBox);
  EXPECT_DOUBLE_EQ(b.step, 2);
  EXPECT_EQ(b.seed, 2147483647u);
  EXPECT_EQ(b.kernel.taps, 9);
}

TEST(ParamTable, KeysNotInTheSetKeepTheStructDefaults) {
  const Blur b = blur_table().parse(ParamSet{});  // e.g. a metric called without resolving
  EXPECT_EQ(b.radius, 3);
  EXPECT_EQ(b.shape, Shape::kGauss);
  EXPECT_FALSE(b.passes.has_value());
  const Blur given = blur_table().parse(ParamSet::resolve(blur_table().specs(), {{"taps", "7"}}, "blur"));
  EXPECT_EQ(given.kernel.taps, 7);
  EXPECT_EQ(given.radius, 3);
}

TEST(ParamTable, UnknownChoiceNamesTheKeyAndTheNames) {
  try {
    blur_table().parse({{"shape", "disc"}}, "codecs[1]");
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "codecs[1].shape");
    EXPECT_EQ(e.expected(), "one of box, gauss");
    EXPECT_EQ(e.found(), "'disc'");
  }
  try {
    blur_table().parse({{"radius", "16"}}, "blur");
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "blur.radius");
    EXPECT_EQ(e.expected(), "an integer in [1, 15]");
  }
  EXPECT_THROW(blur_table().parse({{"step", "3"}}, "blur"), InputError);
  EXPECT_THROW(blur_table().parse({{"radus", "3"}}, "blur"), InputError);
}

TEST(ParamTable, TextsGiveBackWhatAConfigWouldSay) {
  Blur b;
  b.shape = Shape::kBox;
  b.passes = 4;
  b.step = 8;
  const std::map<std::string, std::string> texts = blur_table().texts(b);
  EXPECT_EQ(texts.at("shape"), "box");
  EXPECT_EQ(texts.at("passes"), "4");
  EXPECT_EQ(texts.at("step"), "8");
  EXPECT_EQ(texts.count("name"), 0u);  // unset
}

TEST(ParamTable, CheckRejectsAStructOutsideTheTable) {
  Blur b;
  EXPECT_NO_THROW(blur_table().check(b, "blur"));
  b.radius = 20;
  try {
    blur_table().check(b, "blur");
    FAIL() << "no InputError";
  } catch (const InputError& e) {
    EXPECT_EQ(e.where(), "blur radius");
    EXPECT_EQ(e.found(), "20");
  }
}

TEST(ParamTable, PrefixedAndNestedTablesBindTheSameMembers) {
  const ParamTable<Blur> prefixed = blur_table().prefixed("blur-");
  EXPECT_EQ(prefixed.specs().front().key, "blur-radius");
  EXPECT_EQ(prefixed.parse(ParamSet::resolve(prefixed.specs(), {{"blur-radius", "11"}}, "x")).radius, 11);

  struct Filter {
    int order = 2;
    Blur blur;
  };
  const ParamTable<Filter> outer(concat_rows<Filter>({
      {ParamRow<Filter>("order", &Filter::order).range(1, 4)},
      blur_table().nested_in(&Filter::blur),
  }));
  EXPECT_EQ(outer.specs().size(), blur_table().specs().size() + 1);
  EXPECT_EQ(find_param(outer.specs(), "shape")->default_value, "gauss");
  const Filter f = outer.parse(ParamSet::resolve(outer.specs(), {{"shape", "box"}, {"order", "3"}}, "f"));
  EXPECT_EQ(f.order, 3);
  EXPECT_EQ(f.blur.shape, Shape::kBox);
  test::expect_table_round_trips(outer, "filter");
}

TEST(ParamTable, RoundTripsItsDefaultsAndEveryKey) {
  test::expect_table_round_trips(blur_table(), "blur");
}

// The round-trip check itself must catch a row bound to the wrong member.
TEST(ParamTable, RoundTripCheckCatchesAMisboundRow) {
  using Row = ParamRow<Blur>;
  const ParamTable<Blur> misbound({
      Row("radius", &Blur::radius).range(1, 15),
      Row("taps", &Blur::radius).range(3, 9),  // should be kernel.taps
  });
  const ParamSet set = ParamSet::resolve(misbound.specs(), {{"taps", "9"}}, "m");
  EXPECT_NE(misbound.texts(misbound.parse(set)), set.values());
}

}  // namespace
}  // namespace tgvc
