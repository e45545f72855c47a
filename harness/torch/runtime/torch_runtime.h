// Process-wide LibTorch settings and the `device` option.
#pragma once

#include <string>

#include <ATen/ATen.h>

namespace tgvc {

// Once per process: intra-op threads from the machine (std::thread::hardware_concurrency), one
// inter-op thread, and no TF32 on GPUs. Results do not depend on the count (see
// lpips_layer_distances).
void init_torch_threads();

// "cpu" or "cuda" (the first CUDA device). InputError naming `where` for cuda when this LibTorch
// has no CUDA or sees no device.
at::Device parse_device(const std::string& name, const std::string& where);

// "[2, 3, 224, 224]" for messages.
std::string shape_text(at::IntArrayRef sizes);

// "LibTorch 1.13.0, 2 threads, CUDA: no".
std::string torch_description();

}  // namespace tgvc
