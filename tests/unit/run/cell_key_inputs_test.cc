// The cache key changes with every input that can change a cell's result (each mutated in turn,
// on real files) and with nothing else.
#include <stdlib.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <string>

#include <gtest/gtest.h>

#include "codecs/codec.h"
#include "harness/config/experiment.h"
#include "harness/core/params.h"
#include "harness/core/temp_dir.h"
#include "harness/plan/plan.h"
#include "harness/run/cell_key.h"

namespace tgvc {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& path, const std::string& bytes) {
  fs::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

// Rewrites a file with other bytes of the same length and puts its modification time back, as a
// replacement that size and mtime cannot see.
void replace_keeping_size_and_mtime(const fs::path& path) {
  const fs::file_time_type mtime = fs::last_write_time(path);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  in.close();
  bytes[bytes.size() / 2] ^= 0x5a;
  write(path, bytes);
  fs::last_write_time(path, mtime);
}

class CellKeyInputs : public ::testing::Test {
 protected:
  void SetUp() override {
    write(dir_ / "clip.y4m", std::string(1000, 'v'));
    write(dir_ / "embedder.pt", std::string(300, 'e'));
    write(dir_ / "tracker.pt", std::string(300, 't'));
    write(dir_ / "diffusion/denoiser.pt", std::string(300, 'd'));
    write(dir_ / "diffusion/vae/decoder.pt", std::string(300, 'a'));
    write(dir_ / "lpips.pth", std::string(300, 'l'));
    fs::create_directories(dir_ / "models");
    const char* old = ::getenv("TGVC_MODELS_DIR");
    if (old != nullptr) old_models_dir_ = old;
    ::setenv("TGVC_MODELS_DIR", (dir_ / "models").c_str(), 1);
    vars_ = {{"START", "1"},
             {"COUNT", "4"},
             {"RESIZE", "resize: {width: 32, height: 16, mode: squash, filter: bicubic}"},
             {"SOURCE", (dir_ / "clip.y4m").string()},
             {"SEQUENCE", "clip"},
             {"CODEC", "t"},
             {"QUALITY", "40"},
             {"GENERATOR", "diffusion"},
             {"EMBEDDER", (dir_ / "embedder.pt").string()},
             {"TRACKER", (dir_ / "tracker.pt").string()},
             {"DIFFUSION", (dir_ / "diffusion").string()},
             {"LPIPS", (dir_ / "lpips.pth").string()},
             {"CLIP_LENGTH", "2"},
             {"PSNR", "psnr"},
             {"OUTPUT", "runs/a"},
             {"JOBS", "1"},
             {"EXTRA", ""}};
  }
  void TearDown() override {
    if (old_models_dir_.empty()) {
      ::unsetenv("TGVC_MODELS_DIR");
    } else {
      ::setenv("TGVC_MODELS_DIR", old_models_dir_.c_str(), 1);
    }
  }

  std::string config() const {
    std::string text = R"(experiment: k
output: OUTPUT
frames: {start: START, count: COUNT}
RESIZE
datasets:
  - file: {path: SOURCE, name: SEQUENCE}
codecs:
  - name: CODEC
    type: tgvc
    params: {embedder: EMBEDDER, tracker: TRACKER, generator: GENERATOR, diffusion-model: DIFFUSION EXTRA}
    sweep: {keyframe-quality: [QUALITY, 50]}
metrics:
  - PSNR
  - {lpips: {model_file: LPIPS}}
  - {fvd: {clip_length: CLIP_LENGTH}}
  - clipsim
jobs: JOBS
)";
    for (const auto& [name, value] : vars_) {
      for (size_t at = text.find(name); at != std::string::npos; at = text.find(name, at + value.size())) {
        text.replace(at, name.size(), value);
      }
    }
    return text;
  }

  std::string key_of(const std::string& text, size_t cell = 0) const {
    const Experiment e = parse_experiment(text, (dir_ / "k.yaml").string());
    return cell_inputs_hash(e, make_plan(e).at(cell));
  }
  std::string key() const { return key_of(config()); }

  // The key with one config variable changed.
  std::string key_with(const std::string& name, const std::string& value) {
    const std::string old = vars_.at(name);
    vars_[name] = value;
    const std::string k = key();
    vars_[name] = old;
    return k;
  }

  const TempDir scratch_{"tgvc-cell-key-"};
  const fs::path dir_{scratch_.path()};
  std::map<std::string, std::string> vars_;
  std::string old_models_dir_;
};

TEST_F(CellKeyInputs, EveryConfigInputChangesTheKey) {
  const std::string base = key();
  ASSERT_EQ(base, key());
  EXPECT_NE(base, key_of(config(), 1)) << "rate point";
  EXPECT_NE(base, key_with("START", "2")) << "frame range start";
  EXPECT_NE(base, key_with("COUNT", "5")) << "frame count";
  EXPECT_NE(base, key_with("RESIZE", "resize: {width: 48, height: 16, mode: squash, filter: bicubic}"));
  EXPECT_NE(base, key_with("RESIZE", "resize: {width: 32, height: 16, mode: crop, filter: bicubic}"));
  EXPECT_NE(base, key_with("RESIZE", "resize: {width: 32, height: 16, mode: squash, filter: bilinear}"));
  EXPECT_NE(base, key_with("RESIZE", "")) << "no resize";
  EXPECT_NE(base, key_with("SEQUENCE", "clip2")) << "sequence name (in the result)";
  EXPECT_NE(base, key_with("CODEC", "t2")) << "codec name (in the result)";
  EXPECT_NE(base, key_with("QUALITY", "41")) << "codec parameter";
  EXPECT_NE(base, key_with("GENERATOR", "warp")) << "generator";
  EXPECT_NE(base, key_with("EMBEDDER", "thumbnail")) << "embedder";
  EXPECT_NE(base, key_with("TRACKER", "flow")) << "tracker";
  EXPECT_NE(base, key_with("CLIP_LENGTH", "3")) << "metric option";
  EXPECT_NE(base, key_with("PSNR", "{psnr: {rgb: false}}")) << "metric option";
  EXPECT_NE(base, key_with("PSNR", "ssim")) << "metric list";
}

TEST_F(CellKeyInputs, FileContentsChangeTheKey) {
  std::string before = key();
  // A source file rewritten (size or modification time change).
  write(dir_ / "clip.y4m", std::string(1001, 'v'));
  std::string after = key();
  EXPECT_NE(before, after) << "source size";
  before = after;
  fs::last_write_time(dir_ / "clip.y4m", fs::last_write_time(dir_ / "clip.y4m") + std::chrono::seconds(1));
  after = key();
  EXPECT_NE(before, after) << "source modification time";

  // Model files replaced at the same size and modification time.
  for (const char* file :
       {"embedder.pt", "tracker.pt", "diffusion/denoiser.pt", "diffusion/vae/decoder.pt", "lpips.pth"}) {
    before = key();
    replace_keeping_size_and_mtime(dir_ / file);
    EXPECT_NE(before, key()) << file;
  }
  // A recorded SHA-256 written beside a TorchScript embedder (the encoder checks the file against it).
  before = key();
  write(dir_ / "embedder.pt.sha256", "0  embedder.pt\n");
  EXPECT_NE(before, key()) << "embedder's .sha256";
  // A file added to, or renamed inside, the diffusion model directory.
  before = key();
  write(dir_ / "diffusion/vae/encoder.pt", "x");
  after = key();
  EXPECT_NE(before, after) << "file added to the model directory";
  fs::rename(dir_ / "diffusion/vae/encoder.pt", dir_ / "diffusion/vae/encoder2.pt");
  EXPECT_NE(after, key()) << "file renamed in the model directory";

  // The manifest's FVD detector fetched into the models directory, then replaced.
  before = key();
  write(dir_ / "models/i3d_torchscript.pt", "detector");
  after = key();
  EXPECT_NE(before, after) << "metric model fetched";
  replace_keeping_size_and_mtime(dir_ / "models/i3d_torchscript.pt");
  EXPECT_NE(after, key()) << "metric model replaced";
  // A converted model (CLIP's tower) is checked against the .sha256 beside it, which decides
  // whether the metric runs: that file is an input too.
  write(dir_ / "models/openclip_vit_h_14_image.pt", "tower");
  before = key();
  write(dir_ / "models/openclip_vit_h_14_image.pt.sha256", "0  openclip_vit_h_14_image.pt\n");
  EXPECT_NE(before, key()) << "converted model's recorded SHA-256";
}

TEST_F(CellKeyInputs, WhatCannotChangeTheResultLeavesTheKeyAlone) {
  const std::string base = key();
  EXPECT_EQ(base, key_with("OUTPUT", "elsewhere/b")) << "output directory";
  EXPECT_EQ(base, key_with("JOBS", "2")) << "job count";
  // Key order, flow or block style and comments.
  std::string reordered = config();
  const std::string jobs_line = "jobs: 1\n";
  reordered.erase(reordered.find(jobs_line), jobs_line.size());
  reordered = "# a comment\njobs: 1\n" + reordered;
  const std::string params = "params: {embedder: " + vars_["EMBEDDER"] + ", tracker: " + vars_["TRACKER"];
  const std::string swapped = "params: {tracker: " + vars_["TRACKER"] + ", embedder: " + vars_["EMBEDDER"];
  ASSERT_NE(reordered.find(params), std::string::npos);
  reordered.replace(reordered.find(params), params.size(), swapped);
  EXPECT_EQ(base, key_of(reordered));
  // A default written out, for a codec parameter and for a metric option.
  EXPECT_EQ(base, key_with("EXTRA", ", keyframe-codec: x265"));
  EXPECT_EQ(base, key_with("PSNR", "{psnr: {rgb: true}}"));
  // Touching a model file or the model directory without changing a byte.
  const auto later = fs::last_write_time(dir_ / "embedder.pt") + std::chrono::seconds(5);
  fs::last_write_time(dir_ / "embedder.pt", later);
  fs::last_write_time(dir_ / "diffusion/denoiser.pt", later);
  EXPECT_EQ(base, key());
  // The diffusion model's files, when the cell does not use the diffusion generator.
  const std::string warp = key_with("GENERATOR", "warp");
  replace_keeping_size_and_mtime(dir_ / "diffusion/denoiser.pt");
  EXPECT_EQ(warp, key_with("GENERATOR", "warp"));
  // The models directory moved with the same files in it.
  write(dir_ / "models/openclip_vit_h_14_image.pt", "tower");
  const std::string here = key();
  fs::rename(dir_ / "models", dir_ / "models2");
  ::setenv("TGVC_MODELS_DIR", (dir_ / "models2").c_str(), 1);
  EXPECT_EQ(here, key());
  fs::rename(dir_ / "models2", dir_ / "models");
  ::setenv("TGVC_MODELS_DIR", (dir_ / "models").c_str(), 1);
  fs::remove(dir_ / "models/openclip_vit_h_14_image.pt");
  // A .sha256 beside a model whose SHA-256 the manifest publishes is never read.
  write(dir_ / "models/i3d_torchscript.pt", "detector");
  const std::string fetched = key();
  write(dir_ / "models/i3d_torchscript.pt.sha256", "0  i3d_torchscript.pt\n");
  EXPECT_EQ(fetched, key());
}

TEST_F(CellKeyInputs, RawGeometryChangesTheKey) {
  write(dir_ / "clip.yuv", std::string(64 * 48 * 3, 'y'));
  const auto raw_key = [&](const std::string& format) {
    return key_of("experiment: r\ndatasets:\n  - file: {path: clip.yuv, width: 64, height: 48, format: " +
                  format + "}\ncodecs: [{type: raw}]\n");
  };
  EXPECT_NE(raw_key("yuv420p"), raw_key("yuv420p10le"));
  EXPECT_NE(raw_key("yuv420p"), raw_key("yuv420p, fps: 25"));
}

TEST_F(CellKeyInputs, EveryFrameOfAnImageSequenceIsInTheKey) {
  for (const char* name : {"im1.png", "im2.png", "im3.png"})
    write(dir_ / "frames" / name, std::string(100, 'p'));
  const auto folder_key = [&] {
    return key_of("experiment: f\ndatasets:\n  - file: {path: " + (dir_ / "frames").string() +
                  "}\ncodecs: [{type: raw}]\n");
  };
  const std::string before = folder_key();
  write(dir_ / "frames/im2.png", std::string(101, 'p'));
  EXPECT_NE(before, folder_key()) << "a frame rewritten";
  const std::string three = folder_key();
  write(dir_ / "frames/im4.png", std::string(100, 'p'));
  EXPECT_NE(three, folder_key()) << "a frame added";
}

TEST(TgvcVersion, NamesThePartsACellUses) {
  const Codec* tgvc = find_codec("tgvc");
  ASSERT_NE(tgvc, nullptr);
  const auto version = [&](const std::map<std::string, std::string>& given) {
    return tgvc->version_for(ParamSet::resolve(tgvc->param_specs(), given, "tgvc"));
  };
  const std::string builtin = version({});
  EXPECT_NE(builtin.find("embedder thumbnail 1"), std::string::npos) << builtin;
  EXPECT_NE(builtin.find("tracker flow 1"), std::string::npos) << builtin;
  EXPECT_NE(builtin.find("keyframes x265 " + find_codec("x265")->version()), std::string::npos) << builtin;
  EXPECT_NE(builtin.find("generator warp"), std::string::npos) << builtin;
  const std::string models = version({{"embedder", "/m/e.pt"},
                                      {"tracker", "/m/t.pt"},
                                      {"keyframe-codec", "aom"},
                                      {"generator", "diffusion"},
                                      {"diffusion-model", "/m/d"}});
  EXPECT_EQ(models.find("thumbnail"), std::string::npos) << models;
  EXPECT_EQ(models.find("flow"), std::string::npos) << models;
  EXPECT_NE(models.find("keyframes aom " + find_codec("aom")->version()), std::string::npos) << models;
  EXPECT_NE(models.find("generator diffusion"), std::string::npos) << models;
  const std::vector<std::string> files = tgvc->input_files(ParamSet::resolve(
      tgvc->param_specs(), {{"embedder", "/m/e.pt"}, {"generator", "diffusion"}, {"diffusion-model", "/m/d"}},
      "tgvc"));
  EXPECT_EQ(files, (std::vector<std::string>{"/m/e.pt", "/m/e.pt.sha256", "/m/d"}));
  EXPECT_TRUE(tgvc->input_files(ParamSet::resolve(tgvc->param_specs(), {}, "tgvc")).empty());
}

}  // namespace
}  // namespace tgvc
