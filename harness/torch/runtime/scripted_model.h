// A TorchScript model loaded once per (path, device) and shared by every caller: the CLIP image
// tower and the I3D detector. The only file that includes LibTorch's JIT headers.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <ATen/ATen.h>
#include <ATen/core/ivalue.h>

#include "harness/torch/api/model_file.h"

namespace tgvc {

class ScriptedModel {
 public:
  // The model in `file` on `device`, from the process-wide cache; the file is verified by SHA-256
  // first (ModelUnavailable when missing or altered) and must be TorchScript (InputError).
  static std::shared_ptr<const ScriptedModel> get(const ModelFile& file, const at::Device& device);

  const std::string& sha256() const { return sha256_; }

  // Calls forward(args..., **kwargs); InputError naming the file when the model refuses the inputs
  // or returns something other than a tensor.
  at::Tensor forward(std::vector<c10::IValue> args,
                     const std::map<std::string, c10::IValue>& kwargs = {}) const;

  // Attributes the exporter stored (e.g. image_size), when present and of that type.
  std::optional<int64_t> int_attribute(const std::string& name) const;
  std::optional<std::vector<double>> float_list_attribute(const std::string& name) const;
  std::optional<std::string> string_attribute(const std::string& name) const;

 private:
  struct Impl;
  ScriptedModel(std::shared_ptr<Impl> impl, std::string sha256, std::string path);

  std::shared_ptr<Impl> impl_;
  std::string sha256_;
  std::string path_;
};

}  // namespace tgvc
