// The metric registry (harness/metrics/registry.cc) and the descriptors: the registry holds every
// Metric and PerSetMetric class declared under harness/metrics (read from the sources) once; each
// value name maps back to exactly one metric and spec; each metric has one headline for every
// combination of its options; and what a metric computes is what its descriptor lists.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <utility>

#include "harness/core/error.h"
#include "harness/metrics/metric_values.h"
#include "harness/metrics/rate.h"
#include "harness/metrics/registry.h"
#include "tests/unit/metrics/metric_test_util.h"

namespace tgvc {
namespace {

using testing::names_of;
using testing::video_of;

struct Declared {
  int classes = 0;            // classes deriving from Metric or PerSetMetric
  std::set<std::string> ids;  // ids their descriptors assign
};

// `d.id = "x";` in a descriptor, or a shared descriptor builder given the id first
// (`ssim_family_descriptor("ssim", ...)`).
void read_declarations(const std::string& text, Declared* out) {
  static const std::regex class_start(
      R"(class\s+\w+\s+(?:final\s+)?:\s*public\s+(?:Metric|PerSetMetric)\s*\{)");
  static const std::regex id_assignment(R"re(\b\w+\.id\s*=\s*"([^"]+)"\s*;)re");
  static const std::regex builder_call(R"re(\w+_descriptor\(\s*"([^"]+)")re");
  out->classes += static_cast<int>(
      std::distance(std::sregex_iterator(text.begin(), text.end(), class_start), std::sregex_iterator()));
  for (const std::regex* re : {&id_assignment, &builder_call}) {
    for (auto it = std::sregex_iterator(text.begin(), text.end(), *re); it != std::sregex_iterator(); ++it) {
      out->ids.insert((*it)[1]);
    }
  }
}

Declared declared_under(const std::filesystem::path& folder) {
  Declared declared;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
    const std::string extension = entry.path().extension().string();
    if (!entry.is_regular_file() || (extension != ".h" && extension != ".cc")) continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    read_declarations(text.str(), &declared);
  }
  return declared;
}

TEST(MetricRegistry, ReadsTheClassesAndIdsOfMetricFiles) {
  Declared d;
  read_declarations(
      "class A final : public Metric {\n public:\n  const MetricDescriptor& descriptor() const "
      "override;\n};\n"
      "class B : public PerSetMetric {};\nclass C : public Other {};\n"
      "MetricDescriptor d;\nd.id = \"a\";\nspec.key = \"k\";\nstatic auto s = ssim_family_descriptor(\n"
      "    \"b\", \"text\");\n",
      &d);
  EXPECT_EQ(d.classes, 2);
  EXPECT_EQ(d.ids, (std::set<std::string>{"a", "b"}));
}

TEST(MetricRegistry, EqualsTheMetricClassesUnderHarnessMetrics) {
  std::set<std::string> registered;
  for (const MetricEntry& m : all_metrics()) {
    EXPECT_TRUE(registered.insert(m.descriptor->id).second) << "metric id " << m.descriptor->id << " twice";
  }
  const Declared declared = declared_under(std::filesystem::path(TGVC_SOURCE_DIR) / "harness/metrics");
  EXPECT_THAT(declared.ids, ::testing::IsSupersetOf(
                                {"psnr", "ssim", "msssim", "trajectory_error", "lpips", "clipsim", "fvd"}));
  EXPECT_EQ(registered, declared.ids);
  EXPECT_EQ(static_cast<size_t>(declared.classes), all_metrics().size())
      << "a Metric or PerSetMetric class is not in the registry";
}

TEST(MetricRegistry, EachEntryHoldsTheInterfaceOfItsKind) {
  for (const MetricEntry& m : all_metrics()) {
    const MetricDescriptor& d = *m.descriptor;
    EXPECT_FALSE(d.version.empty()) << d.id;
    EXPECT_FALSE(d.description.empty()) << d.id;
    EXPECT_FALSE(d.values.empty()) << d.id;
    EXPECT_EQ(find_metric(d.id), &m);
    if (d.kind == MetricKind::kPerSet) {
      ASSERT_NE(m.per_set, nullptr) << d.id;
      EXPECT_EQ(m.plain, nullptr) << d.id;
      EXPECT_EQ(&m.per_set->descriptor(), &d);
    } else {
      ASSERT_NE(m.plain, nullptr) << d.id;
      EXPECT_EQ(m.per_set, nullptr) << d.id;
      EXPECT_EQ(&m.plain->descriptor(), &d);
    }
  }
  EXPECT_EQ(find_metric("nope"), nullptr);
  EXPECT_EQ(metric_ids().size(), all_metrics().size());
}

TEST(MetricRegistry, EveryValueNameMapsBackToItsMetricAndSpec) {
  std::map<std::string, std::string> owner;
  for (const MetricEntry& m : all_metrics()) {
    for (const ValueSpec& spec : m.descriptor->values) {
      const auto [it, fresh] = owner.emplace(spec.name, m.descriptor->id);
      EXPECT_TRUE(fresh) << spec.name << " is listed by " << it->second << " and " << m.descriptor->id;
      EXPECT_EQ(find_metric_of_value(spec.name), &m) << spec.name;
      EXPECT_EQ(find_value_spec(spec.name), &spec) << spec.name;
      EXPECT_FALSE(is_rate_value(spec.name)) << spec.name << " reads as a rate column";
    }
  }
  EXPECT_EQ(find_value_spec("psnr_w"), nullptr);
  EXPECT_EQ(find_value_spec("bpp"), nullptr);  // the rate's own table (rate.h)
  EXPECT_EQ(find_value_spec("lpips_vgg")->direction, Direction::kLowerIsBetter);
  EXPECT_EQ(find_metric_of_value("fvd_clips")->descriptor->id, "fvd");
}

// Every combination of the values that the options named by `when` conditions may take.
std::vector<std::map<std::string, std::string>> option_combinations(const MetricDescriptor& d) {
  std::vector<std::map<std::string, std::string>> combos = {{}};
  std::set<std::string> keys;
  for (const ValueSpec& v : d.values) {
    if (!v.when_key.empty()) keys.insert(v.when_key);
  }
  for (const std::string& key : keys) {
    const ParamSpec* p = find_param(d.options, key);
    if (!p) {
      ADD_FAILURE() << d.id << ": a value's condition names the unknown option " << key;
      continue;
    }
    const std::vector<std::string> choices =
        p->type == ParamType::kBool ? std::vector<std::string>{"true", "false"} : p->choices;
    EXPECT_FALSE(choices.empty()) << d.id << "." << key << " has no finite set of values";
    std::vector<std::map<std::string, std::string>> next;
    for (const auto& combo : combos) {
      for (const std::string& c : choices) {
        auto more = combo;
        more[key] = c;
        next.push_back(more);
      }
    }
    combos = next;
  }
  return combos;
}

TEST(MetricRegistry, EachMetricHasExactlyOneHeadlineForEveryOptionCombination) {
  for (const MetricEntry& m : all_metrics()) {
    const MetricDescriptor& d = *m.descriptor;
    for (const ValueSpec& v : d.values) {
      if (v.when_key.empty()) continue;
      const ParamSpec* p = find_param(d.options, v.when_key);
      ASSERT_NE(p, nullptr) << d.id << ": " << v.name;
      EXPECT_FALSE(check_param_value(*p, v.when_value).has_value()) << d.id << ": " << v.name;
    }
    for (const auto& given : option_combinations(d)) {
      const ParamSet options = ParamSet::resolve(d.options, given, d.id);
      const std::vector<const ValueSpec*> produced = values_produced(d, options);
      ASSERT_FALSE(produced.empty()) << d.id;
      int headlines = 0;
      for (const ValueSpec* v : produced) headlines += v->headline ? 1 : 0;
      EXPECT_EQ(headlines, 1) << d.id;
      // The runner records the headline, and reports show it first: it leads the list.
      EXPECT_TRUE(produced.front()->headline) << d.id;
      EXPECT_EQ(&headline_value(d, options), produced.front()) << d.id;
    }
  }
}

TEST(MetricDescriptor, HeadlineLookUpRefusesZeroOrTwo) {
  MetricDescriptor d;
  d.id = "x";
  d.values = {higher_is_better("x_a", ""), higher_is_better("x_b", "")};
  EXPECT_THROW(headline_value(d, {}), Error);
  d.values[0].headline = d.values[1].headline = true;
  EXPECT_THROW(headline_value(d, {}), Error);
  EXPECT_THROW(value_spec(d, "x_c"), Error);
}

// Every metric, every combination of the options that select values, on frames and on no frames.
// With no models (an empty models directory) the learned metrics give their n/a rows, whose names
// must be the descriptor's too.
TEST(MetricRegistry, ComputedValuesAreTheDescriptorsInItsOrder) {
  const std::filesystem::path no_models =
      std::filesystem::temp_directory_path() / ("tgvc_no_models_" + std::to_string(::getpid()));
  std::filesystem::create_directories(no_models);
  ::setenv("TGVC_MODELS_DIR", no_models.c_str(), 1);
  const PixelFormat yuv420{ChromaFormat::k420, 8, ColourFamily::kYuv};
  const Video ref = video_of(192, 176, yuv420, 3, 100);
  Video dist = ref;
  for (Frame& f : dist.frames) f.planes[0].samples[7] = 140;  // finite PSNR
  const Video empty = video_of(192, 176, yuv420, 0, 0);
  const auto compute = [](const MetricEntry& m, const Video& a, const Video& b, const ParamSet& options) {
    return m.plain ? m.plain->compute(a, b, options)
                   : m.per_set->finish({m.per_set->contribute(a, b, options)}, options);
  };
  for (const MetricEntry& m : all_metrics()) {
    const MetricDescriptor& d = *m.descriptor;
    for (const auto& given : option_combinations(d)) {
      const ParamSet options = ParamSet::resolve(d.options, given, d.id);
      std::vector<std::string> want;
      for (const ValueSpec* v : values_produced(d, options)) want.push_back(v->name);
      const std::vector<MetricValue> values = compute(m, ref, dist, options);
      EXPECT_EQ(names_of(values), want) << d.id;
      for (const MetricValue& v : values) EXPECT_EQ(v.unit, value_spec(d, v.name).unit) << v.name;
      EXPECT_EQ(names_of(compute(m, empty, empty, options)), want) << d.id << " on no frames";
    }
  }
  ::unsetenv("TGVC_MODELS_DIR");
  std::filesystem::remove_all(no_models);
}

TEST(UnavailableValues, ListTheDescriptorsNamesForTheOptions) {
  const MetricDescriptor& psnr = *find_metric("psnr")->descriptor;
  const ParamSet rgb_off = ParamSet::resolve(psnr.options, {{"rgb", "false"}, {"extra_yuv", "true"}}, "psnr");
  const std::vector<MetricValue> v = unavailable_values(psnr, rgb_off, "why", "how");
  ASSERT_EQ(v.size(), 10u);  // eight YUV values, no RGB, the two extra
  EXPECT_EQ(v.back().name, "psnr_yuv_hm");
  for (const MetricValue& value : v) {
    EXPECT_FALSE(value.available);
    EXPECT_EQ(value.reason, "why");
    EXPECT_EQ(value.convention, "how");
    EXPECT_EQ(value.unit, "dB");
  }
  const MetricValue made = make_value(value_spec(psnr, "psnr_u"), 31.5, {30, 33}, "c");
  EXPECT_EQ(made.name, "psnr_u");
  EXPECT_EQ(made.unit, "dB");
  EXPECT_EQ(made.value, 31.5);
  EXPECT_EQ(made.per_frame, (std::vector<double>{30, 33}));
  EXPECT_TRUE(made.available);
  // Values made elsewhere (the LibTorch backend) must carry the descriptor's names in its order.
  const ParamSet defaults = ParamSet::resolve(psnr.options, {{"rgb", "false"}}, "psnr");
  std::vector<MetricValue> eight = unavailable_values(psnr, defaults, "why");
  EXPECT_EQ(as_described(psnr, defaults, eight).size(), 8u);
  std::swap(eight[0], eight[1]);
  EXPECT_THROW(as_described(psnr, defaults, eight), Error);
  eight.pop_back();
  EXPECT_THROW(as_described(psnr, defaults, eight), Error);
}

TEST(RateValues, AreTheRateColumnsAndLowerIsBetter) {
  for (const char* name : {"bits", "bpp", "kbps", "bits_keyframes", "bits_header"}) {
    ASSERT_TRUE(find_rate_spec(name).has_value()) << name;
    EXPECT_EQ(find_rate_spec(name)->direction, Direction::kLowerIsBetter) << name;
    EXPECT_TRUE(is_rate_value(name)) << name;
  }
  EXPECT_EQ(find_rate_spec("bits_trajectories")->unit, "bits");
  for (const char* name : {"psnr_y", "bitsy", "rate", "fvd"}) EXPECT_FALSE(is_rate_value(name)) << name;
}

}  // namespace
}  // namespace tgvc
