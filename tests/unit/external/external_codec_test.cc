// The external codec with fake programs: what it runs, what it counts and every way it fails.
#include <signal.h>

#include <chrono>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "codecs/codec.h"
#include "codecs/source_colour.h"
#include "harness/core/error.h"
#include "tests/unit/external/external_test_support.h"

namespace tgvc {
namespace {

using ::testing::HasSubstr;

const Codec& external() {
  const Codec* codec = find_codec("external");
  EXPECT_NE(codec, nullptr);
  return *codec;
}

Encoded encode(const Video& source, const ExternalSetup& setup) {
  return external().encode(source, ParamSet::resolve(external().param_specs(), setup.given(), "external"));
}

bool same_samples(const Video& a, const Video& b) {
  if (a.frames.size() != b.frames.size()) return false;
  for (size_t f = 0; f < a.frames.size(); ++f) {
    for (int p = 0; p < 3; ++p) {
      if (a.frames[f].planes[p].samples != b.frames[f].planes[p].samples) return false;
    }
  }
  return true;
}

// A lossless "codec": the bitstream is the input file, the decode a copy of it.
struct CopyCodec {
  const TempDir dir{"tgvc-ext-test-"};
  std::string copy = write_program(dir, "copy", "#!/bin/sh\ncp \"$1\" \"$2\"\n");
  ExternalSetup setup(const std::string& format) const {
    ExternalSetup s;
    s.encode = {copy, "{input}", "{bitstream}"};
    s.decode = {copy, "{bitstream}", "{output}"};
    s.other = {{"input-format", format}, {"output-format", format}};
    return s;
  }
};

TEST(ExternalCodec, RateIsTheBitstreamFileAndTheDecodeIsTheDecodersOutput) {
  const Video source = test_video(64, 48, 3);
  CopyCodec copy;
  // Y4M: header "YUV4MPEG2 W64 H48 F30:1 Ip A1:1 C420jpeg XCOLORRANGE=LIMITED\n" + per frame
  // "FRAME\n" and 64*48*3/2 samples.
  const Encoded y4m = encode(source, copy.setup("y4m"));
  const std::string header = "YUV4MPEG2 W64 H48 F30:1 Ip A1:1 C420jpeg XCOLORRANGE=LIMITED\n";
  EXPECT_EQ(y4m.bitstream.size(), header.size() + 3 * (6 + 64 * 48 * 3 / 2));
  ASSERT_EQ(y4m.components.size(), 1u);
  EXPECT_EQ(y4m.components[0].name, "bitstream");
  EXPECT_EQ(y4m.components[0].bytes, y4m.bitstream.size());
  EXPECT_TRUE(same_samples(external().decode(y4m), source));

  // Raw YUV: exactly the samples, 8-bit as bytes.
  const Encoded yuv = encode(source, copy.setup("yuv"));
  EXPECT_EQ(yuv.bitstream.size(), 3u * 64 * 48 * 3 / 2);
  EXPECT_EQ(yuv.bitstream[0], source.frames[0].planes[0].at(0, 0));
  EXPECT_TRUE(same_samples(external().decode(yuv), source));

  // 10-bit raw YUV: little-endian 16-bit words.
  const Video deep = test_video(64, 48, 2, 10);
  const Encoded yuv10 = encode(deep, copy.setup("yuv"));
  EXPECT_EQ(yuv10.bitstream.size(), 2u * 2 * 64 * 48 * 3 / 2);
  EXPECT_EQ(yuv10.bitstream[0] | (yuv10.bitstream[1] << 8), deep.frames[0].planes[0].at(0, 0));
  EXPECT_TRUE(same_samples(external().decode(yuv10), deep));
}

TEST(ExternalCodec, PngFoldersRoundTripThroughRgb) {
  // Chroma near grey, so that every sample is inside the RGB gamut (no clipping on the way).
  Video source = test_video(64, 48, 2);
  for (Frame& f : source.frames) {
    for (int p = 1; p < 3; ++p) {
      for (int y = 0; y < f.planes[p].height; ++y) {
        for (int x = 0; x < f.planes[p].width; ++x)
          f.planes[p].at(x, y) = static_cast<uint16_t>(120 + (x + y) % 16);
      }
    }
  }
  const TempDir dir{"tgvc-ext-test-"};
  // One-shot: the tool "codes" the PNG folder by copying it and writes the decoded folder itself.
  const std::string tool = write_program(dir, "tool",
                                         "#!/bin/sh\nmkdir -p bits && cp \"$1\"/im*.png bits/ && "
                                         "mkdir -p \"$2\" && cp \"$1\"/im*.png \"$2\"/\n");
  ExternalSetup s;
  s.encode = {tool, "{input}", "{output}"};
  s.bitstream = "bits/*.png";
  s.other = {{"input-format", "png"}, {"output-format", "png"}, {"one-shot", "true"}};
  const Encoded e = encode(source, s);
  ASSERT_EQ(e.components.size(), 2u);
  EXPECT_EQ(e.components[0].name, "bits/im00001.png");
  EXPECT_EQ(e.components[1].name, "bits/im00002.png");
  EXPECT_EQ(e.components[0].bytes + e.components[1].bytes, e.bitstream.size());
  const Video decoded = external().decode(e);
  ASSERT_EQ(decoded.frame_count(), 2);
  // YUV -> 8-bit RGB -> YUV: rounding and chroma resampling (sharp at the gradient's wrap-around
  // edges) only.
  for (int p = 0; p < 3; ++p) {
    double sum = 0;
    size_t count = 0;
    for (int f = 0; f < 2; ++f) {
      const auto& a = source.frames[f].planes[p].samples;
      const auto& b = decoded.frames[f].planes[p].samples;
      for (size_t i = 0; i < a.size(); ++i) sum += std::abs(a[i] - b[i]);
      count += a.size();
    }
    EXPECT_LT(sum / count, 1.0) << "plane " << p;
  }
}

TEST(ExternalCodec, ArgumentsReachTheProgramVerbatimWithPlaceholdersAndEnvironment) {
  const TempDir dir{"tgvc-ext-test-"};
  CopyCodec copy;
  const std::string log = dir.file("args.txt");
  // Prints each argument on its own line between brackets, and one variable of its environment.
  const std::string enc = write_program(
      dir, "enc",
      "#!/bin/sh\nfor a in \"$@\"; do printf '[%s]\\n' \"$a\" >> \"$LOG\"; done\n"
      "printf 'env=[%s]\\n' \"$TGVC_FAKE\" >> \"$LOG\"\nprintf 'pwd=[%s]\\n' \"$PWD\" >> \"$LOG\"\n"
      "cp \"$2\" \"$3\"\n");
  ExternalSetup s = copy.setup("yuv");
  s.encode = {enc,
              "two words",
              "{input}",
              "{bitstream}",
              "it's \"quoted\" $HOME `x` ;|&",
              "{width}x{height}@{fps}={fps_num}/{fps_den} n={frames} d={bitdepth}",
              "--qp={qp}",
              "{{literal}}"};
  s.env = {{"LOG", log}, {"TGVC_FAKE", "a b"}};
  s.other["qp"] = "37";
  const Video source = test_video(64, 48, 2);
  encode(source, s);
  const std::string text = read_text(log);
  EXPECT_THAT(text, HasSubstr("[two words]\n"));
  EXPECT_THAT(text, HasSubstr("[it's \"quoted\" $HOME `x` ;|&]\n"));
  EXPECT_THAT(text, HasSubstr("[64x48@30=30/1 n=2 d=8]\n"));
  EXPECT_THAT(text, HasSubstr("[--qp=37]\n"));
  EXPECT_THAT(text, HasSubstr("[{literal}]\n"));
  EXPECT_THAT(text, HasSubstr("env=[a b]\n"));
  // The work dir: where the input and bitstream are, removed after the cell.
  const size_t at = text.find("pwd=[") + 5;
  const std::string workdir = text.substr(at, text.find(']', at) - at);
  EXPECT_THAT(text, HasSubstr("[" + workdir + "/input.yuv]\n"));
  EXPECT_THAT(text, HasSubstr("[" + workdir + "/stream.bin]\n"));
  EXPECT_FALSE(std::filesystem::exists(workdir));
}

TEST(ExternalCodec, AMissingProgramIsNamed) {
  CopyCodec copy;
  ExternalSetup s = copy.setup("y4m");
  s.encode = {"tgvc-no-such-encoder", "{input}"};
  try {
    encode(test_video(64, 48, 1), s);
    FAIL() << "no error";
  } catch (const InputError& e) {
    EXPECT_THAT(std::string(e.what()), HasSubstr("tgvc-no-such-encoder"));
    EXPECT_THAT(std::string(e.what()), HasSubstr("external.encode"));
  }
}

TEST(ExternalCodec, ANonZeroExitFailsWithTheToolsLastLines) {
  const TempDir dir{"tgvc-ext-test-"};
  CopyCodec copy;
  ExternalSetup s = copy.setup("y4m");
  s.encode = {write_program(dir, "enc", "#!/bin/sh\necho progress >&2\necho 'bad qp: 99' >&2\nexit 1\n")};
  try {
    encode(test_video(64, 48, 1), s);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_THAT(std::string(e.what()), HasSubstr("exited with status 1"));
    EXPECT_THAT(std::string(e.what()), HasSubstr("progress\nbad qp: 99"));
  }
  // A decoder that fails the same way.
  s = copy.setup("y4m");
  s.decode = {write_program(dir, "dec", "#!/bin/sh\necho 'cannot parse stream' >&2\nexit 3\n")};
  const Encoded e = encode(test_video(64, 48, 1), s);
  try {
    external().decode(e);
    FAIL() << "no error";
  } catch (const Error& err) {
    EXPECT_THAT(std::string(err.what()), HasSubstr("external decode"));
    EXPECT_THAT(std::string(err.what()), HasSubstr("exited with status 3"));
    EXPECT_THAT(std::string(err.what()), HasSubstr("cannot parse stream"));
  }
}

TEST(ExternalCodec, AHangPastTheTimeoutIsKilledWithItsChildren) {
  const TempDir dir{"tgvc-ext-test-"};
  CopyCodec copy;
  ExternalSetup s = copy.setup("y4m");
  const std::string pid_file = dir.file("child.pid");
  // A child that would outlive the tool, and the tool waiting for it.
  s.encode = {write_program(dir, "enc", "#!/bin/sh\nsleep 60 &\necho $! > \"$1\"\necho started >&2\nwait\n"),
              pid_file};
  s.other["timeout"] = "1";
  const auto start = std::chrono::steady_clock::now();
  try {
    encode(test_video(64, 48, 1), s);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_THAT(std::string(e.what()), HasSubstr("ran past its timeout of 1 s"));
    EXPECT_THAT(std::string(e.what()), HasSubstr("started"));
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, 5);
  const pid_t child = std::stoi(read_text(pid_file));
  // The orphaned sleep is killed (a zombie until something reaps it); give it a moment.
  const auto dead = [&] {
    const std::string stat = read_text("/proc/" + std::to_string(child) + "/stat");
    const size_t paren = stat.rfind(')');
    return stat.empty() || (paren != std::string::npos && stat.compare(paren + 2, 1, "Z") == 0);
  };
  bool gone = false;
  for (int i = 0; i < 100 && !gone; ++i) {
    gone = dead();
    if (!gone) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_TRUE(gone) << "the encoder's child " << child << " still runs";
}

TEST(ExternalCodec, NoBitstreamFailsNamingWhatIsThere) {
  const TempDir dir{"tgvc-ext-test-"};
  CopyCodec copy;
  ExternalSetup s = copy.setup("y4m");
  s.encode = {write_program(dir, "enc", "#!/bin/sh\necho x > other.bin\necho 'disk quota exceeded' >&2\n")};
  try {
    encode(test_video(64, 48, 1), s);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_THAT(std::string(e.what()), HasSubstr("no bitstream: 'stream.bin'"));
    EXPECT_THAT(std::string(e.what()), HasSubstr("other.bin"));
    EXPECT_THAT(std::string(e.what()), HasSubstr("last lines:\ndisk quota exceeded"));
  }
  // A decoder that exits 0 without writing its output.
  s = copy.setup("y4m");
  s.decode = {write_program(dir, "dec", "#!/bin/sh\necho 'unsupported profile' >&2\n")};
  const Encoded e = encode(test_video(64, 48, 1), s);
  try {
    external().decode(e);
    FAIL() << "no error";
  } catch (const Error& err) {
    EXPECT_THAT(std::string(err.what()), HasSubstr("the decoder's output"));
    EXPECT_THAT(std::string(err.what()), HasSubstr("was not written"));
    EXPECT_THAT(std::string(err.what()), HasSubstr("unsupported profile"));
  }
}

TEST(ExternalCodec, AWrongFrameCountOrSizeFailsTheDecode) {
  const TempDir dir{"tgvc-ext-test-"};
  CopyCodec copy;
  ExternalSetup s = copy.setup("yuv");
  // Writes only the first frame of the stream.
  s.decode = {write_program(dir, "dec", "#!/bin/sh\nhead -c $(( $3 * $4 * 3 / 2 )) \"$1\" > \"$2\"\n"),
              "{bitstream}", "{output}", "{width}", "{height}"};
  const Encoded e = encode(test_video(64, 48, 3), s);
  try {
    external().decode(e);
    FAIL() << "no error";
  } catch (const Error& err) {
    EXPECT_THAT(std::string(err.what()), HasSubstr("the decoder's output has 1 frames, the source 3"));
  }
  // A Y4M of another size.
  ExternalSetup y = copy.setup("y4m");
  const std::string other = dir.file("small.y4m");
  y.decode = {write_program(dir, "dec2", "#!/bin/sh\ncp \"$1\" \"$2\"\n"), other, "{output}"};
  {
    CopyCodec small_copy;
    const Encoded small = encode(test_video(32, 48, 3), small_copy.setup("y4m"));
    std::ofstream(other, std::ios::binary)
        .write(reinterpret_cast<const char*>(small.bitstream.data()),
               static_cast<std::streamsize>(small.bitstream.size()));
  }
  const Encoded e2 = encode(test_video(64, 48, 3), y);
  try {
    external().decode(e2);
    FAIL() << "no error";
  } catch (const Error& err) {
    EXPECT_THAT(std::string(err.what()), HasSubstr("the decoder's output is 32x48, the source 64x48"));
  }
}

TEST(ExternalCodec, ADecoderThatDisagreesWithTheReconIsAMismatch) {
  const TempDir dir{"tgvc-ext-test-"};
  CopyCodec copy;
  // The encoder writes its recon; `flip` makes it differ from what the decoder will give.
  const std::string enc = write_program(dir, "enc",
                                        "#!/bin/sh\ncp \"$1\" \"$2\"\ncp \"$1\" \"$3\"\n"
                                        "if [ \"$4\" = flip ]; then printf 'Z' | dd of=\"$3\" bs=1 seek=5 "
                                        "conv=notrunc 2>/dev/null; fi\n");
  ExternalSetup s = copy.setup("yuv");
  s.encode = {enc, "{input}", "{bitstream}", "{recon}", "{mode}"};
  s.other["mode"] = "same";
  const Video source = test_video(64, 48, 2);
  EXPECT_TRUE(same_samples(external().decode(encode(source, s)), source));
  s.other["mode"] = "flip";
  const Encoded e = encode(source, s);
  try {
    external().decode(e);
    FAIL() << "no error";
  } catch (const Error& err) {
    EXPECT_THAT(std::string(err.what()), HasSubstr("decoder mismatch"));
  }
}

TEST(ExternalCodec, ContractRulesAreInputErrors) {
  CopyCodec copy;
  const Video source = test_video(64, 48, 1);
  ExternalSetup no_decode = copy.setup("y4m");
  no_decode.decode.clear();
  EXPECT_THROW(encode(source, no_decode), InputError);
  ExternalSetup both = copy.setup("y4m");
  both.other["one-shot"] = "true";
  EXPECT_THROW(encode(source, both), InputError);
  ExternalSetup outside = copy.setup("y4m");
  outside.bitstream = "../stream.bin";
  EXPECT_THROW(encode(source, outside), InputError);
}

TEST(ExternalCodec, TheCacheKeyHoldsTheProgramsAndTheVersionOutput) {
  const TempDir dir{"tgvc-ext-test-"};
  CopyCodec copy;
  ExternalSetup s = copy.setup("y4m");
  s.version = {write_program(dir, "ver", "#!/bin/sh\necho \"fake codec $1\"\n"), "{release}"};
  s.other["release"] = "2.1";
  const ParamSet params = ParamSet::resolve(external().param_specs(), s.given(), "external");
  const std::string version = external().version_for(params);
  EXPECT_THAT(version, HasSubstr("fake codec 2.1"));
  EXPECT_THAT(version, HasSubstr("version output sha256"));
  // The version line: "version N.N", else "vN.N", else any dotted number, after other lines.
  s.version = {write_program(dir, "ver2",
                             "#!/bin/sh\necho 'Usage: tool'\necho 'level (2.0) for OP 0'\n"
                             "echo '  av1 - Encoder v3.6.0 (default)'\n")};
  EXPECT_THAT(external().version_for(ParamSet::resolve(external().param_specs(), s.given(), "external")),
              HasSubstr("(external; av1 - Encoder v3.6.0 (default); version output"));
  const std::vector<std::string> files = external().input_files(params);
  ASSERT_EQ(files.size(), 2u);  // copy (encode and decode) and ver
  EXPECT_EQ(files[0], copy.copy);
  EXPECT_EQ(files[1], dir.file("ver"));
}

TEST(ExternalCodec, ConcurrentCellsKeepTheirOwnWorkDirsAndOutput) {
  const TempDir dir{"tgvc-ext-test-"};
  CopyCodec copy;
  // Each encoder tells its stderr which qp it was given and fails on odd ones.
  ExternalSetup s = copy.setup("y4m");
  s.encode = {
      write_program(dir, "enc", "#!/bin/sh\necho \"qp $3\" >&2\ncp \"$1\" \"$2\"\n[ $(( $3 % 2 )) -eq 0 ]\n"),
      "{input}", "{bitstream}", "{qp}"};
  const Video source = test_video(64, 48, 2);
  std::vector<std::string> outcome(8);
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&, i] {
      ExternalSetup mine = s;
      mine.other["qp"] = std::to_string(i);
      try {
        outcome[i] = same_samples(external().decode(encode(source, mine)), source) ? "same" : "differs";
      } catch (const Error& e) {
        outcome[i] = e.what();
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int i = 0; i < 8; ++i) {
    if (i % 2 == 0) {
      EXPECT_EQ(outcome[i], "same") << i;
    } else {
      EXPECT_THAT(outcome[i], HasSubstr("last lines:\nqp " + std::to_string(i))) << i;
    }
  }
}

TEST(ExternalCodec, RgbSourcesReachItAsYuv) {
  CopyCodec copy;
  Video rgb = test_video(64, 48, 1);
  rgb.info.format = {ChromaFormat::k444, 8, ColourFamily::kRgb};
  for (Frame& f : rgb.frames) {
    Frame g = Frame::allocate(64, 48, rgb.info.format, 100);
    f = g;
  }
  const Encoded e = encode_source(
      external(), rgb, ParamSet::resolve(external().param_specs(), copy.setup("y4m").given(), "external"));
  EXPECT_TRUE(e.conversion.applied);
  EXPECT_EQ(decode_for_source(external(), e).frame_count(), 1);
}

}  // namespace
}  // namespace tgvc
