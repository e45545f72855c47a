#include "tests/unit/io/io_test_support.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iterator>

#include "harness/core/lcg.h"

namespace tgvc::testing {

ProgramResult run_program(const std::vector<std::string>& argv) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return {};
  const pid_t pid = fork();
  if (pid == 0) {
    const int null_fd = open("/dev/null", O_RDWR);
    dup2(null_fd, STDIN_FILENO);
    dup2(null_fd, STDOUT_FILENO);
    dup2(pipe_fds[1], STDERR_FILENO);
    close(pipe_fds[0]);
    std::vector<char*> args;
    for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    _exit(127);
  }
  close(pipe_fds[1]);
  ProgramResult result;
  char buffer[4096];
  ssize_t got;
  while ((got = read(pipe_fds[0], buffer, sizeof(buffer))) > 0) result.errors.append(buffer, got);
  close(pipe_fds[0]);
  int status = 0;
  if (pid > 0 && waitpid(pid, &status, 0) == pid && WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  return result;
}

void run_ffmpeg(const std::vector<std::string>& arguments) {
  std::vector<std::string> argv = {"ffmpeg", "-nostdin", "-v", "error", "-y"};
  argv.insert(argv.end(), arguments.begin(), arguments.end());
  const ProgramResult result = run_program(argv);
  ASSERT_EQ(result.exit_code, 0) << "ffmpeg failed: " << result.errors;
}

std::vector<uint8_t> read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const std::string& path, const std::vector<uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

void write_text(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

Video random_video(int width, int height, PixelFormat format, int frames, uint32_t seed) {
  Video video;
  video.info = {width, height, format, {25, 1}, {Matrix::kBt709, Range::kLimited}};
  Lcg lcg(seed);
  for (int f = 0; f < frames; ++f) {
    Frame frame = Frame::allocate(width, height, format);
    for (Plane& plane : frame.planes) {
      for (uint16_t& v : plane.samples) v = static_cast<uint16_t>(lcg.next() % (frame.max_value() + 1));
    }
    video.frames.push_back(std::move(frame));
  }
  return video;
}

std::vector<uint8_t> stored_bytes(const Video& video, int first, int count) {
  // Written out here rather than with the library's packer, so the tests check that packer.
  std::vector<uint8_t> bytes;
  for (int f = first; f < first + count; ++f) {
    const Frame& frame = video.frames[f];
    for (const Plane& plane : frame.planes) {
      for (int y = 0; y < plane.height; ++y) {
        for (int x = 0; x < plane.width; ++x) {
          bytes.push_back(static_cast<uint8_t>(plane.at(x, y) & 0xff));
          if (frame.format.bit_depth > 8) bytes.push_back(static_cast<uint8_t>(plane.at(x, y) >> 8));
        }
      }
    }
  }
  return bytes;
}

}  // namespace tgvc::testing
