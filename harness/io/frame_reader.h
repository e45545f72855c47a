// Reading a video one frame at a time: read_video's formats, checks and errors without holding the
// clip, so a caller that measures frames as they come needs memory for a few frames only.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "harness/core/frame.h"
#include "harness/io/video_reader.h"

namespace tgvc {

class FrameReader {
 public:
  virtual ~FrameReader() = default;

  // The video's geometry, format, frame rate and colour, known before the first frame.
  const VideoInfo& info() const { return info_; }
  const std::string& path() const { return path_; }

  // Reads the range's next frame into *frame; false once the range is done. Y4M and raw .yuv reuse
  // the frame's planes when they have the size, so reading a clip allocates once. Throws the
  // InputError read_video would throw for the same file and range: a damaged frame, or a file that
  // ends before the range does (naming the file and its frame count).
  virtual bool next(Frame* frame) = 0;

 protected:
  explicit FrameReader(std::string path) : path_(std::move(path)) {}
  VideoInfo info_;

 private:
  std::string path_;
};

// Opens `path` for reading `range` frames, choosing the reader as read_video does (video_reader.h).
// Y4M, raw .yuv and FFmpeg containers are read frame by frame; an image sequence is read whole on
// opening (its frames are separate files, read by FFmpeg one by one) and then handed out. Throws
// InputError for a missing or bad file or a bad header; a range past the end throws on opening or at
// the latest from next().
std::unique_ptr<FrameReader> open_video(const std::string& path, FrameRange range = {},
                                        const std::optional<RawVideoFormat>& raw = std::nullopt);

// Every frame `reader` has left, as one video (read_video's sample budget applies: read_checks.h).
Video read_remaining(FrameReader& reader);

}  // namespace tgvc
