#include "harness/io/input_file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "harness/core/error.h"

namespace tgvc {

InputFile::InputFile(const std::string& path) : path_(path) {
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (error || !std::filesystem::exists(status)) {
    throw InputError(path, "an existing file", error ? error.message() : "no such file");
  }
  if (!std::filesystem::is_regular_file(status)) throw InputError(path, "a regular file", "not one");
  file_.reset(std::fopen(path.c_str(), "rb"));
  if (!file_) throw InputError(path, "a readable file", std::strerror(errno));
  const auto size = std::filesystem::file_size(path, error);
  if (error) throw InputError(path, "a file whose size can be read", error.message());
  size_ = static_cast<int64_t>(size);
}

bool InputFile::read(void* data, int64_t count) {
  if (count < 0 || count > remaining()) return false;
  const size_t got = std::fread(data, 1, static_cast<size_t>(count), file_.get());
  if (got != static_cast<size_t>(count)) {
    const bool failed = std::ferror(file_.get()) != 0;
    throw InputError(path_, "readable data", failed ? std::strerror(errno) : "the file shrank while read");
  }
  position_ += count;
  return true;
}

bool InputFile::read_line(std::string& line, int max_length) {
  line.clear();
  while (static_cast<int>(line.size()) < max_length) {
    const int c = std::fgetc(file_.get());
    if (c == EOF) return false;
    ++position_;
    if (c == '\n') return true;
    line.push_back(static_cast<char>(c));
  }
  return false;
}

bool InputFile::skip(int64_t count) {
  if (count < 0 || count > remaining()) return false;
  if (fseeko(file_.get(), static_cast<off_t>(count), SEEK_CUR) != 0) {
    throw InputError(path_, "a seekable file", std::strerror(errno));
  }
  position_ += count;
  return true;
}

}  // namespace tgvc
