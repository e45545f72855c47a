// The fuzz targets of readers that take a path write their input to one scratch file per
// process, removed when the process exits: in /dev/shm when it is writable (memory: a disk-backed
// /tmp cut the executions per second twentyfold), else in $TMPDIR or /tmp.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace tgvc_fuzz {

class ScratchFile {
 public:
  explicit ScratchFile(const char* extension) {
    const char* tmpdir = std::getenv("TMPDIR");
    const std::string dir = ::access("/dev/shm", W_OK) == 0        ? "/dev/shm"
                            : tmpdir != nullptr && *tmpdir != '\0' ? tmpdir
                                                                   : "/tmp";
    path_ = dir + "/tgvc_fuzz_" + std::to_string(::getpid()) + extension;
  }
  ~ScratchFile() { std::remove(path_.c_str()); }

  // Replaces the file's content with `size` bytes of `data`; traps when it cannot (a broken
  // set-up, not a finding).
  const std::string& write(const uint8_t* data, size_t size) {
    std::FILE* file = std::fopen(path_.c_str(), "wb");
    if (file == nullptr) __builtin_trap();
    if (size > 0 && std::fwrite(data, 1, size, file) != size) __builtin_trap();
    if (std::fclose(file) != 0) __builtin_trap();
    return path_;
  }

 private:
  std::string path_;
};

}  // namespace tgvc_fuzz
