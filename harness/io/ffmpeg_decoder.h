// Decodes the best video stream of a file with libavformat + libavcodec, one frame at a time, in
// presentation order. Single-threaded decoding so that results never depend on thread timing.
#pragma once

#include <memory>
#include <string>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

namespace tgvc {

class FfmpegDecoder {
 public:
  // Opens `path` (a local regular file; other protocols are refused) and its decoder. Throws
  // InputError naming the file when FFmpeg cannot open it, it has no video stream or no decoder.
  explicit FfmpegDecoder(const std::string& path);
  ~FfmpegDecoder();
  FfmpegDecoder(const FfmpegDecoder&) = delete;
  FfmpegDecoder& operator=(const FfmpegDecoder&) = delete;

  // Decodes the next frame into frame(); false at the end of the stream. Throws InputError for
  // container or bitstream errors (the file is damaged).
  bool next();
  const AVFrame* frame() const { return frame_; }

  const AVStream* stream() const { return format_->streams[stream_index_]; }
  const AVCodecContext* codec() const { return codec_; }
  const std::string& path() const { return path_; }

 private:
  void open();
  void release();

  std::string path_;
  AVFormatContext* format_ = nullptr;
  AVCodecContext* codec_ = nullptr;
  AVPacket* packet_ = nullptr;
  AVFrame* frame_ = nullptr;
  int stream_index_ = -1;
  bool flushing_ = false;
  int packets_sent_ = 0;
};

// FFmpeg's text for an error code.
std::string av_error_text(int code);

}  // namespace tgvc
