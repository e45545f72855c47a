#include "harness/io/image_sequence.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <optional>
#include <system_error>

#include "harness/core/error.h"
#include "harness/io/ffmpeg_reader.h"
#include "harness/io/read_checks.h"

namespace tgvc {
namespace {

namespace fs = std::filesystem;

// More files than this in one sequence is taken as a mistake (a wrong folder), not a video.
constexpr size_t kMaxImageFiles = 1000000;
// Frame numbers above this are refused rather than risk overflow.
constexpr int64_t kMaxFrameNumber = 999999999;

struct NumberedFile {
  int64_t number = 0;
  std::string name;  // file name without the folder
};

// A file name split as <prefix><digits><suffix>, the digits being the last run before the suffix.
struct NameParts {
  std::string prefix, digits, suffix;
};

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

bool all_digits(const std::string& text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c); });
}

// The parsed number of `digits`, or nothing when it is too long to be a frame number.
std::optional<int64_t> parse_number(const std::string& digits) {
  if (digits.empty() || digits.size() > 9) return std::nullopt;
  return std::stoll(digits);
}

// Regular files of `folder`, by name. Throws InputError when the folder cannot be listed.
std::vector<std::string> file_names(const std::string& folder, const std::string& where) {
  std::error_code error;
  fs::directory_iterator it(folder.empty() ? "." : folder, error);
  if (error) throw InputError(where, "a readable folder", error.message());
  std::vector<std::string> names;
  for (; it != fs::directory_iterator(); it.increment(error)) {
    if (error) throw InputError(where, "a readable folder", error.message());
    std::error_code type_error;
    if (!it->is_regular_file(type_error)) continue;
    names.push_back(it->path().filename().string());
    if (names.size() > kMaxImageFiles) {
      throw InputError(where, fmt::format("at most {} files in an image folder", kMaxImageFiles), "more");
    }
  }
  if (error) throw InputError(where, "a readable folder", error.message());
  return names;
}

// Sorts by number and checks that numbers are unique and follow without gaps.
std::vector<std::string> in_frame_order(std::vector<NumberedFile> files, const std::string& folder,
                                        const std::string& where, const std::string& wanted) {
  if (files.empty()) throw InputError(where, wanted, "no such file");
  std::sort(files.begin(), files.end(), [](const NumberedFile& a, const NumberedFile& b) {
    return a.number != b.number ? a.number < b.number : a.name < b.name;
  });
  const fs::path base(folder);
  std::vector<std::string> paths;
  for (size_t i = 0; i < files.size(); ++i) {
    const std::string path = (base / files[i].name).string();
    if (i > 0 && files[i].number == files[i - 1].number) {
      throw InputError(
          path, "one file per frame number",
          fmt::format("{} and {} both number {}", files[i - 1].name, files[i].name, files[i].number));
    }
    if (i > 0 && files[i].number != files[i - 1].number + 1) {
      throw InputError(path,
                       fmt::format("frame number {} after {} (numbers without gaps)", files[i - 1].number + 1,
                                   files[i - 1].name),
                       fmt::format("number {}", files[i].number));
    }
    paths.push_back(path);
  }
  return paths;
}

std::vector<std::string> folder_files(const std::string& folder) {
  std::vector<NumberedFile> files;
  std::string first_prefix, first_name;
  for (const std::string& name : file_names(folder, folder)) {
    if (name.size() < 4 || lower(name.substr(name.size() - 4)) != ".png") continue;
    const std::string stem = name.substr(0, name.size() - 4);
    size_t start = stem.size();
    while (start > 0 && std::isdigit(static_cast<unsigned char>(stem[start - 1]))) --start;
    const std::string path = (fs::path(folder) / name).string();
    const std::optional<int64_t> number = parse_number(stem.substr(start));
    if (start == stem.size() || !number) {
      throw InputError(path, "a PNG named <prefix><frame number of at most 9 digits>.png, e.g. im00001.png",
                       "'" + name + "'");
    }
    const std::string prefix = stem.substr(0, start);
    if (first_name.empty()) {
      first_prefix = prefix;
      first_name = name;
    } else if (prefix != first_prefix) {
      throw InputError(path,
                       fmt::format("one name prefix for every PNG of the folder ('{}' as in {})",
                                   first_prefix, first_name),
                       "'" + prefix + "'");
    }
    files.push_back({*number, name});
  }
  return in_frame_order(std::move(files), folder, folder, "numbered PNG files (im00001.png, im1.png, ...)");
}

// The file name a pattern prints for a number: <prefix><number, zero-padded to width><suffix>.
struct Pattern {
  std::string prefix, suffix;
  int width = 0;  // 0 for %d
  std::string print(int64_t number) const {
    return prefix + fmt::format("{:0{}d}", number, std::max(width, 1)) + suffix;
  }
};

Pattern parse_pattern(const std::string& path, const std::string& name) {
  const size_t percent = name.find('%');
  size_t end = percent + 1;
  while (end < name.size() && std::isdigit(static_cast<unsigned char>(name[end]))) ++end;
  const std::string width = name.substr(percent + 1, end - percent - 1);
  const bool width_ok = width.empty() || (width.size() == 2 && width[0] == '0' && width[1] >= '1');
  if (end >= name.size() || name[end] != 'd' || !width_ok || name.find('%', end) != std::string::npos) {
    throw InputError(path, "a file name with one %d or %0Nd (N in 1..9), e.g. frame_%05d.png",
                     "'" + name + "'");
  }
  return {name.substr(0, percent), name.substr(end + 1), width.empty() ? 0 : width[1] - '0'};
}

std::vector<std::string> pattern_files(const std::string& path) {
  const fs::path full(path);
  const std::string folder = full.parent_path().string();
  const Pattern pattern = parse_pattern(path, full.filename().string());
  std::vector<NumberedFile> files;
  for (const std::string& name : file_names(folder, path)) {
    if (name.size() <= pattern.prefix.size() + pattern.suffix.size()) continue;
    if (name.compare(0, pattern.prefix.size(), pattern.prefix) != 0) continue;
    if (name.compare(name.size() - pattern.suffix.size(), pattern.suffix.size(), pattern.suffix) != 0)
      continue;
    const std::string digits =
        name.substr(pattern.prefix.size(), name.size() - pattern.prefix.size() - pattern.suffix.size());
    if (!all_digits(digits)) continue;
    const std::optional<int64_t> number = parse_number(digits);
    if (number && *number <= kMaxFrameNumber && pattern.print(*number) == name)
      files.push_back({*number, name});
  }
  return in_frame_order(std::move(files), folder, path, "files that the pattern names");
}

std::string format_text(const PixelFormat& f) {
  return fmt::format("{} {} {}-bit", f.family == ColourFamily::kRgb ? "RGB" : "YUV", to_string(f.chroma),
                     f.bit_depth);
}

}  // namespace

bool is_image_sequence(const std::string& path) {
  std::error_code error;
  if (fs::is_directory(path, error)) return true;
  return fs::path(path).filename().string().find('%') != std::string::npos &&
         !fs::is_regular_file(path, error);
}

std::vector<std::string> image_sequence_files(const std::string& path) {
  std::error_code error;
  if (fs::is_directory(path, error)) return folder_files(path);
  if (is_image_sequence(path)) return pattern_files(path);
  throw InputError(path, "a folder of numbered PNGs or a file name pattern such as frame_%05d.png",
                   fs::exists(path, error) ? "a file" : "no such folder");
}

Video read_image_sequence(const std::string& path, FrameRange range, Rational fps) {
  check_frame_range(path, range);
  const std::vector<std::string> files = image_sequence_files(path);
  const int count = resolve_frame_count(path, range, static_cast<int64_t>(files.size()));
  Video video;
  for (int i = 0; i < count; ++i) {
    const std::string& file = files[static_cast<size_t>(range.start) + i];
    Video image = read_ffmpeg(file, {0, 1});
    if (i == 0) {
      video.info = image.info;
      video.info.fps = fps;
    } else if (image.info.width != video.info.width || image.info.height != video.info.height) {
      throw InputError(file,
                       fmt::format("{}x{} like {}", video.info.width, video.info.height, files[range.start]),
                       fmt::format("{}x{}", image.info.width, image.info.height));
    } else if (image.info.format != video.info.format) {
      throw InputError(file, fmt::format("{} like {}", format_text(video.info.format), files[range.start]),
                       format_text(image.info.format));
    }
    check_sample_budget(path, video.frame_count(), video.info);
    video.frames.push_back(std::move(image.frames.front()));
  }
  return video;
}

}  // namespace tgvc
