// Results are written atomically: a temporary file in the same directory, flushed to disk,
// then renamed over the target, so a killed run never leaves a partial result. A target that
// exists and is not a regular file (/dev/null, a FIFO) is written in place instead: renaming over
// it would replace the device or pipe with a file (as root, /dev/null itself).
#pragma once

#include <string>
#include <string_view>

namespace tgvc {

// Throws Error when the file cannot be written.
void write_file_atomically(const std::string& path, std::string_view content);

// Whether `path` exists and is something other than a regular file or a directory (following
// symbolic links): a device or a FIFO, which a writer writes in place.
bool is_special_file(const std::string& path);

// Whole file as a string; throws InputError naming the file when it cannot be read.
std::string read_file(const std::string& path);

}  // namespace tgvc
