// Reads a PyTorch state_dict saved by Python's torch.save, as distributed: the legacy container
// (a sequence of pickles followed by raw storages; torchvision's older weights and the LPIPS v0.1
// linear layers) and the zip container (PyTorch >= 1.6). Only what a state_dict holds is
// understood: a dict of names to tensors rebuilt from typed storages. Bad input raises InputError.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <ATen/ATen.h>

namespace tgvc {

using StateDict = std::vector<std::pair<std::string, at::Tensor>>;

// From a file (either container).
StateDict read_state_dict(const std::string& path);
// From bytes in memory (either container); `where` names them in errors.
StateDict read_state_dict(const void* data, size_t size, const std::string& where);

// The tensor stored under `key`, or nullptr.
const at::Tensor* find_tensor(const StateDict& dict, const std::string& key);

// The tensor stored under `key` with exactly `sizes` as float32; InputError naming `where` otherwise.
at::Tensor require_tensor(const StateDict& dict, const std::string& key, at::IntArrayRef sizes,
                          const std::string& where);

}  // namespace tgvc
