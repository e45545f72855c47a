// The per-file track limit (stream_limits.h, kTgvcMaxTracks): a file of many short tracks stays
// within the track-frame limit yet would make the reader allocate over a gigabyte; the reader
// must refuse it at the clip that crosses 2^20 tracks, before decoding that clip.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "codecs/tgvc/bitstream/stream_limits.h"
#include "codecs/tgvc/bitstream/tgvc_stream.h"
#include "codecs/tgvc/bitstream/trajectory_decoder.h"
#include "harness/core/error.h"
#include "tests/unit/bitstream/crafted_streams.h"

namespace tgvc {
namespace {

using testing_tracks::invisible_tracks_payload;
using testing_tracks::kManyShortTracksClips;
using testing_tracks::kManyShortTracksFirstClip;
using testing_tracks::kManyShortTracksPerClip;
using testing_tracks::many_short_tracks_file;

TEST(TgvcTrackBudget, InvisibleTracksPayloadDecodesToItsTracks) {
  // The crafted payloads are real streams: the decoder reads back every track, all invisible.
  const std::vector<uint8_t> bytes = invisible_tracks_payload(1000, 3);
  const QuantAxis ax(128, 64), ay(128, 48);
  const ClipTrajectories clip =
      decode_clip_trajectories(bytes.data(), bytes.size(), 3, ax, ay, kTgvcMaxTrackFrames, "t");
  ASSERT_EQ(clip.tracks.size(), 1000u);
  for (const CodedTrack& track : clip.tracks) EXPECT_EQ(track.visible, std::vector<uint8_t>(3, 0));
  // 3000 decisions that adapt towards "invisible": a handful of bytes, not one per track-frame.
  EXPECT_LT(bytes.size(), 40u);
}

TEST(TgvcTrackBudget, DecoderHonoursTheTracksLeft) {
  const std::vector<uint8_t> bytes = invisible_tracks_payload(5, 2);
  const QuantAxis ax(128, 64), ay(128, 48);
  try {
    decode_clip_trajectories(bytes.data(), bytes.size(), 2, ax, ay, kTgvcMaxTrackFrames, "t", 4);
    FAIL() << "5 tracks accepted with 4 left";
  } catch (const InputError& e) {
    EXPECT_NE(std::string(e.what()).find("at most 4 tracks in the file"), std::string::npos) << e.what();
  }
  EXPECT_EQ(decode_clip_trajectories(bytes.data(), bytes.size(), 2, ax, ay, kTgvcMaxTrackFrames, "t", 5)
                .tracks.size(),
            5u);
}

TEST(TgvcTrackBudget, ManyShortTracksAreRefusedAtTheClipThatCrossesTheLimit) {
  const std::vector<uint8_t> bytes = many_short_tracks_file();
  // Within every other limit: the track-frame limit alone would let the whole file decode.
  const int64_t tracks =
      kManyShortTracksFirstClip + int64_t{kManyShortTracksPerClip} * (kManyShortTracksClips - 1);
  ASSERT_LE(tracks * 2, kTgvcMaxTrackFrames);
  ASSERT_LE(kManyShortTracksPerClip, static_cast<uint32_t>(kTgvcMaxTracksPerClip));
  ASSERT_EQ(kManyShortTracksFirstClip + kManyShortTracksPerClip, kTgvcMaxTracks + 1);
  EXPECT_LT(bytes.size(), 8000u);
  try {
    read_tgvc(bytes, "many_short_tracks.tgvc");
    FAIL() << "a file of " << tracks << " tracks was accepted";
  } catch (const InputError& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("many_short_tracks.tgvc"), std::string::npos) << what;
    EXPECT_NE(what.find("(clip 1).track_count"), std::string::npos) << what;
    EXPECT_NE(what.find("at most " + std::to_string(kTgvcMaxTracks - kManyShortTracksFirstClip)),
              std::string::npos)
        << what;
  }
}

// The fuzzers' regression inputs keep the crafted file, so every test run replays it through the
// fuzz target too (FuzzReplay.tgvc_container).
TEST(TgvcTrackBudget, FuzzRegressionsHoldTheCraftedFile) {
  const std::string path =
      std::string(TGVC_SOURCE_DIR) + "/tests/fuzz/regressions/tgvc/many_short_tracks.tgvc";
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << path;
  const std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(bytes, many_short_tracks_file());
}

}  // namespace
}  // namespace tgvc
