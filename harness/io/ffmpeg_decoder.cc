#include "harness/io/ffmpeg_decoder.h"

#include <fmt/format.h>

#include <filesystem>
#include <system_error>

#include "harness/core/error.h"
#include "harness/io/read_checks.h"

namespace tgvc {

std::string av_error_text(int code) {
  char text[AV_ERROR_MAX_STRING_SIZE] = {};
  av_strerror(code, text, sizeof(text));
  return text;
}

FfmpegDecoder::FfmpegDecoder(const std::string& path) : path_(path) {
  try {
    open();
  } catch (...) {
    release();
    throw;
  }
}

FfmpegDecoder::~FfmpegDecoder() {
  release();
}

void FfmpegDecoder::release() {
  av_frame_free(&frame_);
  av_packet_free(&packet_);
  avcodec_free_context(&codec_);
  avformat_close_input(&format_);
}

void FfmpegDecoder::open() {
  const std::string& path = path_;
  std::error_code error;
  if (!std::filesystem::is_regular_file(path, error)) {
    throw InputError(path, "an existing regular file", error ? error.message() : "no such file");
  }
  // "file:" keeps a ':' in the name from selecting a protocol; the whitelist keeps playlists
  // and similar containers from opening anything but local files.
  AVDictionary* options = nullptr;
  av_dict_set(&options, "protocol_whitelist", "file", 0);
  const int opened = avformat_open_input(&format_, ("file:" + path).c_str(), nullptr, &options);
  av_dict_free(&options);
  if (opened < 0) {
    throw InputError(path, "a video file FFmpeg can open (by content, not extension)", av_error_text(opened));
  }
  const int probed = avformat_find_stream_info(format_, nullptr);
  if (probed < 0) throw InputError(path, "readable stream information", av_error_text(probed));

  const AVCodec* decoder = nullptr;
  stream_index_ = av_find_best_stream(format_, AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0);
  if (stream_index_ == AVERROR_STREAM_NOT_FOUND) throw InputError(path, "a video stream", "none");
  if (stream_index_ < 0 || !decoder) {
    const AVCodecID id = stream_index_ < 0 ? AV_CODEC_ID_NONE : stream()->codecpar->codec_id;
    stream_index_ = -1;
    throw InputError(path, "a video codec FFmpeg can decode", avcodec_get_name(id));
  }
  const AVCodecParameters* parameters = stream()->codecpar;
  if (parameters->width > kMaxVideoDimension || parameters->height > kMaxVideoDimension) {
    throw InputError(path, fmt::format("width and height in [1, {}]", kMaxVideoDimension),
                     fmt::format("{}x{}", parameters->width, parameters->height));
  }
  codec_ = avcodec_alloc_context3(decoder);
  packet_ = av_packet_alloc();
  frame_ = av_frame_alloc();
  if (!codec_ || !packet_ || !frame_) throw Error("FFmpeg allocation failed for " + path);
  const int copied = avcodec_parameters_to_context(codec_, parameters);
  if (copied < 0) {
    throw Error(fmt::format("{}: avcodec_parameters_to_context: {}", path, av_error_text(copied)));
  }
  codec_->thread_count = 1;
  codec_->max_pixels = int64_t{kMaxVideoDimension} * kMaxVideoDimension;
  const int open = avcodec_open2(codec_, decoder, nullptr);
  if (open < 0) {
    throw InputError(path, fmt::format("a {} stream FFmpeg can decode", decoder->name), av_error_text(open));
  }
}

bool FfmpegDecoder::next() {
  for (;;) {
    const int received = avcodec_receive_frame(codec_, frame_);
    if (received == 0) return true;
    if (received == AVERROR_EOF || (received == AVERROR(EAGAIN) && flushing_)) return false;
    if (received != AVERROR(EAGAIN)) {
      throw InputError(fmt::format("{} packet {}", path_, packets_sent_), "decodable video data",
                       av_error_text(received));
    }
    const int read = av_read_frame(format_, packet_);
    if (read == AVERROR_EOF) {
      flushing_ = true;
      avcodec_send_packet(codec_, nullptr);
      continue;
    }
    if (read < 0) throw InputError(path_, "readable container data", av_error_text(read));
    int sent = 0;
    if (packet_->stream_index == stream_index_) {
      sent = avcodec_send_packet(codec_, packet_);
      ++packets_sent_;
    }
    av_packet_unref(packet_);
    if (sent < 0) {
      throw InputError(fmt::format("{} packet {}", path_, packets_sent_ - 1), "decodable video data",
                       av_error_text(sent));
    }
  }
}

}  // namespace tgvc
