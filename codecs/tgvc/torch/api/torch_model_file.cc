#include "codecs/tgvc/torch/api/torch_model_file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <fstream>

#include "harness/core/error.h"

namespace tgvc {
namespace {

// The digest in PATH.sha256, "" when there is no such file.
std::string recorded_sha256(const std::string& path, const std::string& where) {
  const std::string sidecar = path + ".sha256";
  std::ifstream in(sidecar, std::ios::binary);
  if (!in) return {};
  std::string digest;
  char c = 0;
  while (digest.size() < 65 && in.get(c) && !std::isspace(static_cast<unsigned char>(c))) {
    digest += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  bool hex = digest.size() == 64;
  for (char d : digest) hex = hex && std::isxdigit(static_cast<unsigned char>(d));
  if (!hex) {
    throw InputError(where + " " + sidecar,
                     "a SHA-256 in sha256sum format (64 hex digits, a space, the name)",
                     "'" + digest.substr(0, 64) + "'");
  }
  return digest;
}

}  // namespace

TorchModelFile torch_model_file(const std::string& path, const TorchModelSetting& setting) {
  struct stat st {};
  const bool exists = !path.empty() && ::stat(path.c_str(), &st) == 0;
  if (!exists || !S_ISREG(st.st_mode) || ::access(path.c_str(), R_OK) != 0) {
    const std::string why = !exists                ? "no such file"
                            : !S_ISREG(st.st_mode) ? "not a regular file"
                                                   : "not readable";
    throw InputError(setting.where,
                     "'" + setting.builtin +
                         "' or a TorchScript file (the paper's model: `tgvc-bench models fetch " +
                         setting.manifest_model + "`, then `tgvc-bench models path " +
                         setting.manifest_model + "` prints its file; docs/tgvc.md)",
                     "'" + path + "' (" + why + ")");
  }
  TorchModelFile file;
  file.path = path;
  file.sha256 = recorded_sha256(path, setting.where);
  file.where = setting.where;
  return file;
}

void check_frame_planes(const Frame& frame, const std::string& where) {
  const PixelFormat& f = frame.format;
  if (f.bit_depth < 1 || f.bit_depth > 16) {
    throw InputError(where, "a bit depth in 1..16", std::to_string(f.bit_depth));
  }
  if (f.family == ColourFamily::kRgb && f.chroma != ChromaFormat::k444) {
    throw InputError(where, "RGB samples in 4:4:4", "RGB with subsampled planes");
  }
  const int w = frame.width();
  const int h = frame.height();
  if (w < 1 || h < 1)
    throw InputError(where, "a picture of at least 1x1", std::to_string(w) + "x" + std::to_string(h));
  for (int p = 0; p < 3; ++p) {
    const Plane& plane = frame.planes[p];
    const int pw = p == 0 ? w : chroma_width(w, f.chroma);
    const int ph = p == 0 ? h : chroma_height(h, f.chroma);
    if (plane.width != pw || plane.height != ph || plane.samples.size() != static_cast<size_t>(pw) * ph) {
      throw InputError(where + " plane " + std::to_string(p),
                       std::to_string(pw) + "x" + std::to_string(ph) + " samples",
                       std::to_string(plane.width) + "x" + std::to_string(plane.height) + " with " +
                           std::to_string(plane.samples.size()) + " samples");
    }
  }
}

}  // namespace tgvc
