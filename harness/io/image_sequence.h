// Image sequences: a folder of numbered PNGs (DCVC's and CompressAI's `im00001.png ...`, also
// `im1.png ...`) or a printf pattern such as `frames/frame_%05d.png`, read as one video.
#pragma once

#include <string>
#include <vector>

#include "harness/core/frame.h"
#include "harness/io/video_reader.h"

namespace tgvc {

// Frame rate of an image sequence when none is given (config `fps`, measure `--fps`).
inline constexpr Rational kImageSequenceDefaultFps{30, 1};

// True for a path that names an image sequence: an existing directory, or a path whose file name
// holds a '%' (a printf pattern) and that is not itself a file. Says nothing about whether the
// sequence is valid.
bool is_image_sequence(const std::string& path);

// The files of the sequence in frame order. A folder: every file whose name ends in .png (any
// case) and is <prefix><number>.png with one prefix shared by all; other files are ignored. A
// pattern: the files of the pattern's folder whose name the pattern prints for some number; the
// file name holds exactly one conversion, %d or %0Nd (N in 1..9). Numbers may start anywhere and
// must then follow without gaps. Throws InputError naming the file for a missing folder, no
// matching file, a PNG without a number, two prefixes, two files with one number (im1.png and
// im01.png) or a gap (naming the first missing file).
std::vector<std::string> image_sequence_files(const std::string& path);

// Reads frames [range.start, range.start + range.count) of the sequence, each file decoded by
// libavformat (ffmpeg_reader.h: RGB and grey PNGs become RGB 4:4:4 at 8 or 16 bits). Every file
// must hold one image of the first file's size and pixel format: otherwise an InputError names
// the file. The video's frame rate is `fps`.
Video read_image_sequence(const std::string& path, FrameRange range = {},
                          Rational fps = kImageSequenceDefaultFps);

}  // namespace tgvc
