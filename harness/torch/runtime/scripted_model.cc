#include "harness/torch/runtime/scripted_model.h"

#include <mutex>
#include <tuple>

#include <fmt/format.h>
#include <torch/script.h>

#include "harness/core/error.h"
#include "harness/torch/runtime/model_check.h"

namespace tgvc {

struct ScriptedModel::Impl {
  torch::jit::Module module;
};

ScriptedModel::ScriptedModel(std::shared_ptr<Impl> impl, std::string sha256, std::string path)
    : impl_(std::move(impl)), sha256_(std::move(sha256)), path_(std::move(path)) {}

std::shared_ptr<const ScriptedModel> ScriptedModel::get(const ModelFile& file, const at::Device& device) {
  const std::string sha = verify_model_file(file);
  using Key = std::tuple<std::string, std::string, std::string>;
  static std::mutex mutex;
  static std::map<Key, std::shared_ptr<const ScriptedModel>> cache;
  const Key key{file.path, sha, device.str()};
  std::lock_guard<std::mutex> lock(mutex);  // loads are rare; one at a time keeps memory bounded
  const auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  auto impl = std::make_shared<Impl>();
  try {
    impl->module = torch::jit::load(file.path, device);
  } catch (const c10::Error& e) {
    throw InputError(file.path, "a TorchScript model (torch.jit.save)", e.what_without_backtrace());
  }
  impl->module.eval();
  std::shared_ptr<const ScriptedModel> model(new ScriptedModel(std::move(impl), sha, file.path));
  cache[key] = model;
  return model;
}

at::Tensor ScriptedModel::forward(std::vector<c10::IValue> args,
                                  const std::map<std::string, c10::IValue>& kwargs) const {
  torch::jit::Kwargs kw(kwargs.begin(), kwargs.end());
  c10::IValue out;
  try {
    // Running a method does not change the module; the JIT allows concurrent calls.
    out = const_cast<torch::jit::Module&>(impl_->module).get_method("forward")(std::move(args), kw);
  } catch (const c10::Error& e) {
    throw InputError(path_, "a model that accepts the metric's inputs", e.what_without_backtrace());
  } catch (const std::exception& e) {  // e.g. a TorchScript assert (JITException)
    throw InputError(path_, "a model that accepts the metric's inputs", e.what());
  }
  if (!out.isTensor()) throw InputError(path_, "forward() returning a tensor", out.tagKind());
  return out.toTensor();
}

std::optional<int64_t> ScriptedModel::int_attribute(const std::string& name) const {
  if (!impl_->module.hasattr(name)) return std::nullopt;
  const c10::IValue v = impl_->module.attr(name);
  if (!v.isInt()) return std::nullopt;
  return v.toInt();
}

std::optional<std::vector<double>> ScriptedModel::float_list_attribute(const std::string& name) const {
  if (!impl_->module.hasattr(name)) return std::nullopt;
  const c10::IValue v = impl_->module.attr(name);
  if (!v.isDoubleList()) return std::nullopt;
  return v.toDoubleVector();
}

std::optional<std::string> ScriptedModel::string_attribute(const std::string& name) const {
  if (!impl_->module.hasattr(name)) return std::nullopt;
  const c10::IValue v = impl_->module.attr(name);
  if (!v.isString()) return std::nullopt;
  return v.toStringRef();
}

}  // namespace tgvc
