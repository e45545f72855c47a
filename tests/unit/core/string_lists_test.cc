#include <gtest/gtest.h>

#include "harness/core/params.h"
#include "harness/core/string_lists.h"

namespace tgvc {
namespace {

TEST(StringLists, CanonicalTextRoundTripsEveryByte) {
  const std::vector<std::string> items = {
      "x265", "two words", "quote \" and \\ back", "tab\tnew\nline", std::string("nul\x01") + "ctl",
      "",     "ünï"};
  const std::string text = format_string_list(items);
  EXPECT_EQ(format_string_list({"a", "b c"}), R"(["a","b c"])");
  EXPECT_EQ(parse_string_list(text), items);
  const std::map<std::string, std::string> env = {{"PYTHONPATH", "/a b"}, {"A", "\"x\""}};
  EXPECT_EQ(format_string_map(env), R"({"A":"\"x\"","PYTHONPATH":"/a b"})");
  EXPECT_EQ(parse_string_map(format_string_map(env)), env);
  EXPECT_EQ(parse_string_list(" [ \"a\" , \"b\" ] "), (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(parse_string_list("[]"), std::vector<std::string>{});
}

TEST(StringLists, RefusesWhatIsNotAListOrMapOfStrings) {
  for (const char* bad :
       {"", "a", "[", "[\"a\"", "[\"a\",]", "[1]", "[\"a\"] x", "{\"a\":\"b\"}", "[\"\\q\"]"}) {
    EXPECT_FALSE(parse_string_list(bad).has_value()) << bad;
  }
  for (const char* bad : {"", "{", "{\"a\"}", "{\"a\":1}", "[\"a\"]", "{\"a\":\"b\",\"a\":\"c\"}"}) {
    EXPECT_FALSE(parse_string_map(bad).has_value()) << bad;
  }
}

TEST(StringLists, ListAndMapSpecsCheckTheirTextsAndOpenTablesTakeOtherKeys) {
  ParamSpec argv;
  argv.key = "encode";
  argv.type = ParamType::kString;
  argv.form = ParamForm::kList;
  ParamSpec any;
  any.key = kAnyOtherKey;
  any.type = ParamType::kString;
  EXPECT_FALSE(check_param_value(argv, R"(["a"])").has_value());
  EXPECT_EQ(check_param_value(argv, "a b"), "a list of strings");
  const ParamSet set = ParamSet::resolve({argv, any}, {{"encode", R"(["a"])"}, {"qp", "37"}}, "external");
  EXPECT_EQ(set.get_string("qp"), "37");
  // Without the open spec, an unknown key is still an error; the open spec's own key is never a key.
  EXPECT_THROW(ParamSet::resolve({argv}, {{"qp", "37"}}, "external"), InputError);
  EXPECT_THROW(ParamSet::resolve({argv, any}, {{"*", "x"}}, "external"), InputError);
}

}  // namespace
}  // namespace tgvc
