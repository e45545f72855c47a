// Results are written atomically: a temporary file in the same directory, flushed to disk,
// then renamed over the target, so a killed run never leaves a partial result.
#pragma once

#include <string>
#include <string_view>

namespace tgvc {

// Throws Error when the file cannot be written.
void write_file_atomically(const std::string& path, std::string_view content);

// Whole file as a string; throws InputError naming the file when it cannot be read.
std::string read_file(const std::string& path);

}  // namespace tgvc
