#include "harness/torch/metrics/lpips_linear_weights.h"

#include <cstddef>

#include "harness/core/sha256.h"

// Generated at build time from third_party/lpips (see this folder's CMakeLists.txt).
namespace tgvc::embedded {
extern const unsigned char kLpipsAlexPth[];
extern const size_t kLpipsAlexPthSize;
extern const unsigned char kLpipsVggPth[];
extern const size_t kLpipsVggPthSize;
}  // namespace tgvc::embedded

namespace tgvc {
namespace {

struct Parsed {
  StateDict dict;
  std::string sha256;
};

Parsed parse(const unsigned char* data, size_t size, const char* name) {
  return {read_state_dict(data, size, std::string("built-in third_party/lpips/") + name),
          sha256_hex(std::string_view(reinterpret_cast<const char*>(data), size))};
}

const Parsed& parsed(LpipsNet net) {
  static const Parsed alex = parse(embedded::kLpipsAlexPth, embedded::kLpipsAlexPthSize, "alex.pth");
  static const Parsed vgg = parse(embedded::kLpipsVggPth, embedded::kLpipsVggPthSize, "vgg.pth");
  return net == LpipsNet::kAlex ? alex : vgg;
}

}  // namespace

const StateDict& lpips_linear_state_dict(LpipsNet net) {
  return parsed(net).dict;
}

const std::string& lpips_linear_sha256(LpipsNet net) {
  return parsed(net).sha256;
}

}  // namespace tgvc
