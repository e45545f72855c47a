#include "harness/torch/runtime/torch_runtime.h"

#include <mutex>
#include <thread>

#include <ATen/Context.h>
#include <ATen/Parallel.h>
#include <fmt/format.h>
#include <torch/version.h>

#include "harness/core/error.h"

namespace tgvc {

void init_torch_threads() {
  static std::once_flag once;
  std::call_once(once, [] {
    // Plain float32 on GPUs too: TF32 convolutions (LibTorch's default for cuDNN) move LPIPS by
    // about 5e-4 of its value.
    at::globalContext().setAllowTF32CuDNN(false);
    at::globalContext().setAllowTF32CuBLAS(false);
    const unsigned n = std::thread::hardware_concurrency();
    at::set_num_threads(n > 0 ? static_cast<int>(n) : 1);
    try {
      at::set_num_interop_threads(1);
    } catch (const c10::Error&) {
      // Already fixed by earlier inter-op work in this process; the count only affects speed.
    }
  });
}

at::Device parse_device(const std::string& name, const std::string& where) {
  if (name == "cpu") return at::Device(at::kCPU);
  if (name == "cuda") {
    if (!at::hasCUDA()) {
      throw InputError(where, "cpu (this LibTorch was built without CUDA or sees no CUDA device)", "cuda");
    }
    return at::Device(at::kCUDA, 0);
  }
  throw InputError(where, "cpu or cuda", "'" + name + "'");
}

std::string shape_text(at::IntArrayRef sizes) {
  std::string out = "[";
  for (size_t i = 0; i < sizes.size(); ++i) out += (i ? ", " : "") + std::to_string(sizes[i]);
  return out + "]";
}

std::string torch_description() {
  init_torch_threads();
  return fmt::format("LibTorch {}, {} threads, CUDA: {}", TORCH_VERSION, at::get_num_threads(),
                     at::hasCUDA() ? "yes" : "no");
}

}  // namespace tgvc
