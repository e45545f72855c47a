// Whether a path names a regular file, without the exceptions of std::filesystem.
#pragma once

#include <sys/stat.h>

#include <string>

namespace tgvc {

// True for a regular file (symbolic links followed); false when nothing is there, it is another
// kind of file or it cannot be examined.
inline bool is_regular_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

}  // namespace tgvc
