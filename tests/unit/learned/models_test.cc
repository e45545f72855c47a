// The model manager: the built-in manifest, the models directory rule, verification, and fetch
// through libcurl from file:// URLs (no network: the "server" is a local file).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "harness/core/error.h"
#include "harness/core/sha256.h"
#include "harness/models/model_fetch.h"
#include "harness/models/model_manifest.h"
#include "harness/models/model_store.h"
#include "tests/unit/learned/learned_test_util.h"

namespace tgvc {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;

// The names in `dir`, sorted (none when it does not exist).
std::vector<std::string> directory_entries(const std::string& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec))
    names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  return names;
}

// Sets an environment variable for one scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) {
      ::setenv(name, value, 1);
    } else {
      ::unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

bool exists(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0;
}

TEST(ModelManifest, BuiltInManifestListsEveryModelWithItsProvenance) {
  const ModelManifest& m = builtin_model_manifest();
  std::set<std::string> names;
  for (const ModelEntry& e : m.models) {
    names.insert(e.name);
    EXPECT_FALSE(e.licence.empty()) << e.name;
    EXPECT_FALSE(e.used_by.empty()) << e.name;
    const bool msillm = e.name.rfind("msillm-", 0) == 0;
    const bool compressai =
        e.source.urls.size() == 1 && e.source.urls[0].rfind("https://compressai.s3", 0) == 0;
    // Upstream publishes no digest for DynamiCrafter and MS-ILLM (pinned at first fetch); CompressAI
    // names each file with the first 8 hex digits of its SHA-256.
    if (e.name != "dynamicrafter-512-interp" && !msillm && !compressai) {
      EXPECT_EQ(e.source.sha256.size(), 64u) << e.name;
      EXPECT_GT(e.source.size, 0) << e.name;
    }
    if (compressai) {
      EXPECT_THAT(e.source.file, MatchesRegex(".*-[0-9a-f]{8}\\.pth\\.tar")) << e.name;
      // The published part of the digest: the file name's 8 hex digits.
      const size_t dash = e.source.file.rfind('-');
      EXPECT_EQ(e.source.sha256_prefix, e.source.file.substr(dash + 1, 8)) << e.name;
    } else {
      EXPECT_EQ(e.source.sha256_prefix, "") << e.name;
    }
    // MS-ILLM's weights are CC-BY-NC 4.0: fetch needs --accept-license.
    EXPECT_EQ(e.requires_acceptance, msillm) << e.name;
    if (!e.vendored.empty()) {
      EXPECT_EQ(sha256_file(std::string(TGVC_SOURCE_DIR) + "/" + e.vendored), e.source.sha256) << e.name;
    }
    if (e.conversion && !e.conversion->script.empty()) {
      EXPECT_TRUE(exists(std::string(TGVC_SOURCE_DIR) + "/" + e.conversion->script)) << e.conversion->script;
    }
  }
  for (const char* name :
       {"lpips-alex-backbone", "lpips-vgg-backbone", "i3d-kinetics400", "openclip-vit-h-14-image",
        "cotracker3-offline", "dynamicrafter-512-interp", "lpips-alex-linear", "msillm-q1", "msillm-q2",
        "msillm-vlo1", "bmshj2018-hyperprior-mse-q8", "mbt2018-mean-ms-ssim-q1"}) {
    EXPECT_TRUE(names.count(name)) << name;
  }
  EXPECT_EQ(m.find("lpips-alex-backbone")->source.sha256,
            "7be5be791159472b1fbf3c69796f7cb30dca7ad8466c2df70058c37116cdee02");
  EXPECT_EQ(m.fetch_name(*m.find("lpips-alex-backbone")), "lpips-alex");
  EXPECT_EQ(m.fetch_name(*m.find("i3d-kinetics400")), "fvd");
  EXPECT_EQ(m.fetch_name(*m.find("cotracker3-offline")), "cotracker3-offline");
  EXPECT_EQ(m.select("lpips").size(), 2u);
  EXPECT_EQ(m.select("all").size(), m.models.size());
  try {
    m.select("lpips-alx");
    ADD_FAILURE();
  } catch (const InputError& e) {
    EXPECT_THAT(e.expected(), HasSubstr("'lpips-alex'"));
  }
}

TEST(ModelManifest, RefusesMalformedManifests) {
  const std::string good =
      R"({"schema_version": 1, "models": [{"name": "a", "description": "d", "licence": "l",
      "used_by": ["x"], "source": {"file": "a.bin", "urls": ["file:///a"], "sha256": null}}]})";
  EXPECT_NO_THROW(parse_model_manifest(good, "m.json"));
  for (const std::string& bad :
       {std::string("{"), std::string(R"({"schema_version": 2, "models": []})"),
        std::string(R"({"schema_version": 1, "models": [{"name": "a"}]})"),
        std::string(R"({"schema_version": 1, "models": [{"name": "a", "description": "d", "licence": "l",
              "source": {"file": "../escape", "urls": ["u"]}}]})"),
        std::string(R"({"schema_version": 1, "models": [{"name": "a", "description": "d", "licence": "l",
              "source": {"file": "a", "urls": ["u"], "sha256": "ABC"}}]})"),
        std::string(R"({"schema_version": 1, "models": [{"name": "a", "description": "d", "licence": "l",
              "source": {"file": "a", "urls": ["u"], "sha256_prefix": "7eb9740"}}]})"),
        std::string(R"({"schema_version": 1, "models": [{"name": "a", "description": "d", "licence": "l",
              "source": {"file": "a", "urls": ["u"], "sha256_prefix": "7EB97409"}}]})"),
        std::string(R"({"schema_version": 1, "models": [], "groups": {"g": ["nobody"]}})")}) {
    EXPECT_THROW(parse_model_manifest(bad, "m.json"), InputError) << bad;
  }
}

TEST(ModelsDirectory, FollowsTheEnvironmentRule) {
  {
    ScopedEnv a("TGVC_MODELS_DIR", "/data/models"), b("XDG_CACHE_HOME", "/xdg"), c("HOME", "/home/u");
    EXPECT_EQ(models_directory(), "/data/models");
  }
  {
    ScopedEnv a("TGVC_MODELS_DIR", nullptr), b("XDG_CACHE_HOME", "/xdg"), c("HOME", "/home/u");
    EXPECT_EQ(models_directory(), "/xdg/tgvc-bench/models");
  }
  {
    ScopedEnv a("TGVC_MODELS_DIR", nullptr), b("XDG_CACHE_HOME", nullptr), c("HOME", "/home/u");
    EXPECT_EQ(models_directory(), "/home/u/.cache/tgvc-bench/models");
  }
  {
    ScopedEnv a("TGVC_MODELS_DIR", nullptr), b("XDG_CACHE_HOME", nullptr), c("HOME", nullptr);
    EXPECT_THROW(models_directory(), InputError);
  }
}

// A manifest whose one model is served from a local file.
struct LocalServer {
  learned_test::ScratchDir dir;
  std::string payload = "weights of a tiny model\n";
  std::string served() const { return dir.file("served.bin"); }
  ModelManifest manifest(const std::string& sha, const std::string& conversion = "") const {
    std::ofstream(served(), std::ios::binary) << payload;
    return parse_model_manifest(
        R"({"schema_version": 1, "models": [{"name": "tiny", "description": "d", "licence": "l", "used_by": ["t"],
          "source": {"file": "tiny.bin", "urls": ["file:///nonexistent/tiny.bin", "file://)" +
            served() + R"("], "sha256": )" + (sha.empty() ? "null" : "\"" + sha + "\"") + R"(, "size": )" +
            std::to_string(payload.size()) + "}" + conversion + R"(}],
          "groups": {"tiny-group": ["tiny"]}})",
        "test manifest");
  }
};

TEST(ModelFetch, DownloadsVerifiesAndPlacesTheFile) {
  LocalServer server;
  const ModelManifest m = server.manifest(sha256_hex(server.payload));
  const std::string models = server.dir.file("models/sub");
  EXPECT_EQ(model_status(m, m.models[0], models, true).state, ModelState::kMissing);
  std::ostringstream log;
  const FetchResult r = fetch_model(m, m.models[0], models, log);
  EXPECT_EQ(r.outcome, FetchOutcome::kDownloaded) << r.message << log.str();
  std::ifstream in(models + "/tiny.bin");
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), server.payload);
  EXPECT_EQ(model_status(m, m.models[0], models, true).state, ModelState::kReady);
  EXPECT_EQ(fetch_model(m, m.models[0], models, log).outcome, FetchOutcome::kReady);
  // No temporary file is left behind.
  EXPECT_EQ(directory_entries(models), std::vector<std::string>{"tiny.bin"});
  // An altered file is found by verify.
  std::ofstream(models + "/tiny.bin") << "tampered";
  const ModelStatus s = model_status(m, m.models[0], models, true);
  EXPECT_EQ(s.state, ModelState::kMismatch);
  EXPECT_THAT(s.detail, HasSubstr("tgvc-bench models fetch tiny-group"));
}

TEST(ModelFetch, RefusesAFileWithTheWrongDigest) {
  LocalServer server;
  const ModelManifest m = server.manifest(std::string(64, 'a'));
  const std::string models = server.dir.file("models");
  std::ostringstream log;
  const FetchResult r = fetch_model(m, m.models[0], models, log);
  EXPECT_EQ(r.outcome, FetchOutcome::kFailed);
  EXPECT_THAT(r.message, HasSubstr("instead of aaaa"));
  EXPECT_THAT(r.message, HasSubstr("To install 'tiny' by hand"));
  EXPECT_THAT(r.message, HasSubstr(models + "/tiny.bin"));
  EXPECT_FALSE(exists(models + "/tiny.bin"));
  EXPECT_EQ(directory_entries(models), std::vector<std::string>{});
}

// CompressAI publishes the first 8 hex digits of a checkpoint's SHA-256 in its name: a download
// that does not start with them is refused; one that does is pinned (its whole digest recorded).
TEST(ModelFetch, ChecksThePublishedPrefixOfTheDigest) {
  LocalServer server;
  for (const bool right : {false, true}) {
    ModelManifest m = server.manifest("");
    const std::string digest = sha256_hex(server.payload);
    m.models[0].source.sha256_prefix =
        right ? digest.substr(0, 8) : std::string(8, digest[0] == 'f' ? 'e' : 'f');
    const std::string models = server.dir.file(right ? "right" : "wrong");
    std::ostringstream log;
    const FetchResult r = fetch_model(m, m.models[0], models, log);
    if (right) {
      EXPECT_EQ(r.outcome, FetchOutcome::kDownloaded) << r.message;
      EXPECT_EQ(read_sha256_file(models + "/tiny.bin"), digest);
    } else {
      EXPECT_EQ(r.outcome, FetchOutcome::kFailed);
      EXPECT_THAT(r.message,
                  HasSubstr("does not start with the published " + m.models[0].source.sha256_prefix));
      EXPECT_THAT(r.message, HasSubstr("SHA-256 starting " + m.models[0].source.sha256_prefix + "..."));
      EXPECT_FALSE(exists(models + "/tiny.bin"));
    }
  }
}

TEST(ModelFetch, RecordsTheDigestWhenNonePublishedAndPrintsTheConversion) {
  LocalServer server;
  const ModelManifest m = server.manifest(
      "", R"(, "conversion": {"script": "tools/x.py", "command": "python3 x.py {source} {output}",
             "output": "tiny.pt", "note": "exports it"})");
  const std::string models = server.dir.file("models");
  std::ostringstream log;
  const FetchResult r = fetch_model(m, m.models[0], models, log);
  EXPECT_EQ(r.outcome, FetchOutcome::kNeedsConversion) << r.message;
  EXPECT_THAT(r.message, HasSubstr("python3 x.py " + models + "/tiny.bin " + models + "/tiny.pt"));
  EXPECT_EQ(read_sha256_file(models + "/tiny.bin"), sha256_hex(server.payload));
  ModelStatus s = model_status(m, m.models[0], models, true);
  EXPECT_EQ(s.state, ModelState::kMissing);
  EXPECT_THAT(s.detail, HasSubstr("downloaded but not converted"));
  // The export writes its output and digest: then the model is ready.
  std::ofstream(models + "/tiny.pt") << "exported";
  EXPECT_EQ(model_status(m, m.models[0], models, true).state, ModelState::kUnrecorded);
  write_sha256_file(models + "/tiny.pt", sha256_hex("exported"));
  EXPECT_EQ(model_status(m, m.models[0], models, true).state, ModelState::kReady);
}

TEST(ModelFetch, WithoutAnySourceSaysWhereToPutTheFile) {
  LocalServer server;
  ModelManifest m = server.manifest(sha256_hex(server.payload));
  m.models[0].source.urls = {"http://127.0.0.1:9/tiny.bin"};  // the discard port: connection refused
  std::ostringstream log;
  const FetchResult r = fetch_model(m, m.models[0], server.dir.file("models"), log);
  EXPECT_EQ(r.outcome, FetchOutcome::kFailed);
  EXPECT_THAT(r.message, HasSubstr("offline"));
  EXPECT_THAT(
      r.message,
      HasSubstr("download\n  http://127.0.0.1:9/tiny.bin\nto " + server.dir.file("models") + "/tiny.bin (" +
                std::to_string(server.payload.size()) + " bytes, SHA-256 " + sha256_hex(server.payload)));
}

}  // namespace
}  // namespace tgvc
