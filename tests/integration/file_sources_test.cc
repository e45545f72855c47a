// File datasets the synthetic generator cannot make, through x265, aom and tgvc, at their own size
// and resized: a 10-bit Y4M and an odd-size Y4M, written here with the project's Y4M writer.
#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "datasets/synthetic/synthetic_sequence.h"
#include "harness/core/colour.h"
#include "harness/core/frame_padding.h"
#include "harness/core/temp_dir.h"
#include "harness/io/png_writer.h"
#include "harness/io/resize.h"
#include "harness/io/y4m_writer.h"
#include "tests/integration/test_util.h"

namespace tgvc::testing {
namespace {

namespace fs = std::filesystem;

constexpr int kFrames = 6;

// The orbit scene at any size (rendered at the next even size, then cropped) in `format`.
Video scene(int width, int height, PixelFormat format) {
  SyntheticSpec spec;
  spec.scene = "orbit";
  spec.seed = 5;
  spec.width = width + width % 2;
  spec.height = height + height % 2;
  spec.frame_count = kFrames;
  return convert_pixel_format(crop_video(SyntheticSequence(spec).render_range(0, kFrames), width, height),
                              format);
}

struct Cell {
  std::map<std::string, std::string> row;  // results.csv
  nlohmann::json json;                     // cells/<id>.json
};

// Runs x265, aom and tgvc on `video` (written as source.y4m, or as a folder of PNGs source/ when it
// is RGB), resized when `resize` is set.
std::map<std::string, Cell> run_codecs(const Video& video, const std::string& resize) {
  const TempDir scratch("tgvc_files_");
  const std::string& dir = scratch.path();
  const bool rgb = video.info.format.family == ColourFamily::kRgb;
  if (rgb) {
    fs::create_directories(dir + "/source");
    for (int f = 0; f < video.frame_count(); ++f) {
      write_png(dir + "/source/im" + std::to_string(f + 1) + ".png", video.frames[f], {},
                video.info.format.bit_depth);
    }
  } else {
    write_y4m(dir + "/source.y4m", video);
  }
  write_text(dir + "/c.yaml", "experiment: files\nframes: {count: " + std::to_string(kFrames) + "}\n" +
                                  resize +
                                  R"(datasets:
  - file: {path: )" + std::string(rgb ? "source" : "source.y4m") +
                                  R"(}
codecs:
  - {name: hevc, type: x265, params: {preset: ultrafast, qp: 22}}
  - {name: av1, type: aom, params: {cpu-used: 8, cq-level: 16}}
  - {name: tg, type: tgvc, params: {grid: 16, keyframe-quality: 16}}
metrics: [psnr]
)");
  const ProcessResult run = bench({"run", dir + "/c.yaml", "--out", dir + "/run", "-q"});
  EXPECT_EQ(run.exit_code, 0) << run.output;
  std::map<std::string, Cell> cells;
  for (const auto& row : read_csv(dir + "/run/results.csv")) cells[row.at("codec")].row = row;
  for (const auto& entry : fs::directory_iterator(dir + "/run/cells")) {
    if (entry.path().extension() != ".json") continue;
    const nlohmann::json j = nlohmann::json::parse(read_text(entry.path().string()));
    cells[j.at("codec").get<std::string>()].json = j;
  }
  return cells;
}

double number(const Cell& c, const std::string& column) {
  return std::stod(c.row.at(column));
}

// Geometry, rate and a sane quality for every codec; `x265_coded` is the size x265 must code.
void expect_cells(const std::map<std::string, Cell>& cells, int width, int height, int x265_width,
                  int x265_height) {
  ASSERT_EQ(cells.size(), 3u);
  for (const auto& [codec, cell] : cells) {
    SCOPED_TRACE(codec);
    ASSERT_EQ(cell.row.at("status"), "ok") << cell.row.at("error");
    EXPECT_EQ(number(cell, "width"), width);
    EXPECT_EQ(number(cell, "height"), height);
    // Bits per source pixel, whatever the codec padded.
    EXPECT_DOUBLE_EQ(number(cell, "bpp"), number(cell, "bits") / (double(width) * height * kFrames));
    EXPECT_EQ(cell.json.at("coded_width"), codec == "hevc" ? x265_width : width);
    EXPECT_EQ(cell.json.at("coded_height"), codec == "hevc" ? x265_height : height);
    EXPECT_FALSE(cell.json.contains("colour_conversion"));  // YUV sources are coded as they are
    EXPECT_GT(number(cell, "psnr_y"), codec == "tg" ? 20 : 35);
  }
}

TEST(FileSources, TenBitY4mAtItsOwnSizeAndResized) {
  const Video source = scene(160, 96, {ChromaFormat::k420, 10, ColourFamily::kYuv});
  expect_cells(run_codecs(source, ""), 160, 96, 160, 96);
  expect_cells(run_codecs(source, "resize: {width: 128, height: 80}\n"), 128, 80, 128, 80);
  // An odd resize target: x265 codes a padded copy of the resized frames.
  expect_cells(run_codecs(source, "resize: {width: 127, height: 79}\n"), 127, 79, 128, 80);
}

// Odd sizes are read with 4:2:0 chroma rounded up; x265 codes a padded copy.
TEST(FileSources, OddSizeY4mAtItsOwnSizeAndResized) {
  const Video source = scene(203, 181, {ChromaFormat::k420, 8, ColourFamily::kYuv});
  expect_cells(run_codecs(source, ""), 203, 181, 204, 182);
  expect_cells(run_codecs(source, "resize: {width: 128, height: 80}\n"), 128, 80, 128, 80);
}

// A DCVC-style folder of RGB PNGs (odd size, 8 and 16 bits) is read as RGB, coded through each
// codec's YUV and compared in RGB.
TEST(FileSources, RgbPngFolderAtItsOwnSizeAndResized) {
  for (int depth : {8, 16}) {
    SCOPED_TRACE(depth);
    Video source = to_rgb(scene(131, 83, {ChromaFormat::k444, 8, ColourFamily::kYuv}));
    if (depth == 16) {
      source.info.format.bit_depth = 16;
      for (Frame& frame : source.frames) {
        frame.format.bit_depth = 16;
        for (Plane& plane : frame.planes) {
          for (uint16_t& v : plane.samples) v = static_cast<uint16_t>(v * 257);
        }
      }
    }
    for (const std::string& resize : {std::string(), std::string("resize: {width: 128, height: 80}\n")}) {
      const std::map<std::string, Cell> cells = run_codecs(source, resize);
      ASSERT_EQ(cells.size(), 3u);
      for (const auto& [codec, cell] : cells) {
        SCOPED_TRACE(codec + " " + resize);
        ASSERT_EQ(cell.row.at("status"), "ok") << cell.row.at("error");
        EXPECT_EQ(number(cell, "width"), resize.empty() ? 131 : 128);
        EXPECT_TRUE(cell.json.contains("colour_conversion"));
        EXPECT_GT(number(cell, "psnr_rgb"), codec == "tg" ? 15 : 30);
      }
    }
  }
}

}  // namespace
}  // namespace tgvc::testing
