// A regular file opened for reading with the checks the readers share: it must exist, be a
// regular file (not a directory or a pipe, which could block) and be readable.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>

namespace tgvc {

class InputFile {
 public:
  // Throws InputError naming `path` when it is missing, not a regular file or unreadable.
  explicit InputFile(const std::string& path);

  const std::string& path() const { return path_; }
  int64_t size() const { return size_; }
  int64_t position() const { return position_; }
  int64_t remaining() const { return size_ - position_; }

  // Reads exactly `count` bytes; returns false (position unchanged) when fewer remain.
  bool read(void* data, int64_t count);
  // Reads up to and including '\n' into `line` (without the '\n'). Returns false at the end of the
  // file or when no '\n' comes within `max_length` bytes; `line` then holds what was read.
  bool read_line(std::string& line, int max_length);
  // Skips `count` bytes; returns false (position unchanged) when fewer remain.
  bool skip(int64_t count);

 private:
  struct Closer {
    void operator()(std::FILE* file) const { std::fclose(file); }
  };
  std::string path_;
  std::unique_ptr<std::FILE, Closer> file_;
  int64_t size_ = 0;
  int64_t position_ = 0;
};

}  // namespace tgvc
