#include "harness/torch/codecs/torch_learned_network.h"

#include <map>
#include <mutex>

#include <c10/core/InferenceMode.h>
#include <fmt/format.h>
#include <torch/script.h>

#include "harness/core/error.h"
#include "harness/core/sha256.h"
#include "harness/torch/runtime/torch_runtime.h"

namespace tgvc::learned {
namespace {

constexpr int64_t kContractVersion = 1;
constexpr const char* kStages[] = {"analysis", "hyper_analysis", "hyper_synthesis", "synthesis"};

class ExportReader {
 public:
  ExportReader(const torch::jit::Module& module, const std::string& where) : module_(module), where_(where) {}

  c10::IValue attr(const std::string& name) const {
    if (!module_.hasattr(name))
      throw InputError(where_, "an attribute '" + name + "' (docs/learned-codecs.md)", "none");
    return module_.attr(name);
  }
  std::string text(const std::string& name) const {
    const c10::IValue v = attr(name);
    if (!v.isString()) throw InputError(where_ + " (" + name + ")", "a string", v.tagKind());
    return v.toStringRef();
  }
  int64_t integer(const std::string& name) const {
    const c10::IValue v = attr(name);
    if (!v.isInt()) throw InputError(where_ + " (" + name + ")", "an int", v.tagKind());
    return v.toInt();
  }
  double real(const std::string& name) const {
    const c10::IValue v = attr(name);
    if (!v.isDouble()) throw InputError(where_ + " (" + name + ")", "a float", v.tagKind());
    return v.toDouble();
  }
  // A tensor of `dims` dimensions and type `type`, on the CPU and contiguous.
  at::Tensor tensor(const std::string& name, int64_t dims, at::ScalarType type) const {
    const c10::IValue v = attr(name);
    if (!v.isTensor()) throw InputError(where_ + " (" + name + ")", "a tensor", v.tagKind());
    const at::Tensor t = v.toTensor();
    if (t.dim() != dims || t.scalar_type() != type || t.numel() == 0) {
      throw InputError(where_ + " (" + name + ")",
                       fmt::format("a non-empty {}-dimensional {} tensor", dims, c10::toString(type)),
                       fmt::format("{} of shape {}", c10::toString(t.scalar_type()), shape_text(t.sizes())));
    }
    return t.to(at::kCPU).contiguous();
  }
  std::vector<int32_t> ints(const std::string& name) const {
    const at::Tensor t = tensor(name, 1, at::kInt);
    return std::vector<int32_t>(t.data_ptr<int32_t>(), t.data_ptr<int32_t>() + t.numel());
  }
  std::vector<float> floats(const std::string& name) const {
    const at::Tensor t = tensor(name, 1, at::kFloat);
    return std::vector<float>(t.data_ptr<float>(), t.data_ptr<float>() + t.numel());
  }
  ExportCdfTable cdfs(const std::string& prefix) const {
    ExportCdfTable table;
    const at::Tensor cdf = tensor(prefix + "_quantized_cdf", 2, at::kInt);
    table.stride = static_cast<int>(cdf.size(1));
    table.cdfs.assign(cdf.data_ptr<int32_t>(), cdf.data_ptr<int32_t>() + cdf.numel());
    table.cdf_lengths = ints(prefix + "_cdf_length");
    table.offsets = ints(prefix + "_offset");
    return table;
  }

 private:
  const torch::jit::Module& module_;
  const std::string& where_;
};

Padding padding_of(const std::string& name, const std::string& where) {
  if (name == "centred-zero") return Padding::kCentredZero;
  if (name == "reflect-right-bottom") return Padding::kReflectRightBottom;
  throw InputError(where + " (padding)", "'centred-zero' or 'reflect-right-bottom'", "'" + name + "'");
}

class TorchLearnedNetwork final : public LearnedNetwork {
 public:
  TorchLearnedNetwork(torch::jit::Module module, ExportInfo info, at::Device device)
      : module_(std::move(module)), info_(std::move(info)), device_(device) {}

  const ExportInfo& info() const override { return info_; }

  Planes analysis(const Planes& image) const override { return one(run("analysis", image), "analysis"); }
  Planes hyper_analysis(const Planes& latent) const override {
    return one(run("hyper_analysis", latent), "hyper_analysis");
  }
  void hyper_synthesis(const Planes& hyper_latent, Planes* scales, Planes* means) const override {
    const c10::IValue out = run("hyper_synthesis", hyper_latent);
    if (!out.isTuple() || out.toTupleRef().elements().size() != 2) {
      throw InputError(info_.path, "hyper_synthesis returning (scales, means)", out.tagKind());
    }
    *scales = planes_of(out.toTupleRef().elements()[0], "hyper_synthesis scales");
    *means = planes_of(out.toTupleRef().elements()[1], "hyper_synthesis means");
  }
  Planes synthesis(const Planes& latent) const override { return one(run("synthesis", latent), "synthesis"); }

 private:
  c10::IValue run(const char* stage, const Planes& input) const {
    c10::InferenceMode guard;
    at::Tensor x = at::from_blob(const_cast<float*>(input.values.data()),
                                 {1, input.channels, input.height, input.width}, at::kFloat)
                       .to(device_, /*non_blocking=*/false, /*copy=*/true);
    try {
      return module_.get_method(stage)({x});
    } catch (const std::exception& e) {
      throw InputError(
          info_.path + " (" + stage + ")",
          fmt::format("a stage that takes [1, {}, {}, {}]", input.channels, input.height, input.width),
          e.what());
    }
  }

  Planes one(const c10::IValue& out, const char* stage) const { return planes_of(out, stage); }

  Planes planes_of(const c10::IValue& out, const std::string& what) const {
    if (!out.isTensor()) throw InputError(info_.path, what + " returning a tensor", out.tagKind());
    const at::Tensor t = out.toTensor();
    if (t.dim() != 4 || t.size(0) != 1 || !t.is_floating_point()) {
      throw InputError(info_.path, what + " returning a float tensor [1, C, H, W]",
                       fmt::format("{} of shape {}", c10::toString(t.scalar_type()), shape_text(t.sizes())));
    }
    const at::Tensor v = t.to(at::kCPU).to(at::kFloat).contiguous();
    Planes p;
    p.channels = static_cast<int>(v.size(1));
    p.height = static_cast<int>(v.size(2));
    p.width = static_cast<int>(v.size(3));
    p.values.assign(v.data_ptr<float>(), v.data_ptr<float>() + v.numel());
    return p;
  }

  torch::jit::Module module_;
  ExportInfo info_;
  at::Device device_;
};

std::shared_ptr<const LearnedNetwork> load_uncached(const std::string& path, const std::string& sha256,
                                                    const at::Device& device, const std::string& where) {
  const std::string file_where = where + " " + path;
  torch::jit::Module module;
  try {
    module = torch::jit::load(path, device);
  } catch (const std::exception& e) {
    throw InputError(file_where, "a TorchScript model export (docs/learned-codecs.md)",
                     std::string(e.what()).substr(0, 200));
  }
  module.eval();
  const ExportReader r(module, file_where);
  const int64_t version = r.integer("contract_version");
  if (version != kContractVersion) {
    throw InputError(file_where + " (contract_version)", std::to_string(kContractVersion),
                     std::to_string(version));
  }
  for (const char* stage : kStages) {
    if (!module.find_method(stage)) {
      throw InputError(file_where, std::string("a method '") + stage + "' (docs/learned-codecs.md)", "none");
    }
  }
  ExportInfo info;
  info.path = path;
  info.sha256 = sha256;
  info.family = r.text("family");
  info.model = r.text("model_name");
  info.quality = static_cast<int>(r.integer("quality"));
  const int64_t multiple = r.integer("multiple");
  if (multiple < 1 || multiple > 1024)
    throw InputError(file_where + " (multiple)", "1..1024", std::to_string(multiple));
  info.multiple = static_cast<int>(multiple);
  info.padding = padding_of(r.text("padding"), file_where);
  info.hyper_cdfs = r.cdfs("hyper");
  info.hyper_medians = r.floats("hyper_medians");
  info.latent_cdfs = r.cdfs("latent");
  info.scale_table = r.floats("scale_table");
  info.scale_bound = static_cast<float>(r.real("scale_bound"));
  return std::make_shared<TorchLearnedNetwork>(std::move(module), std::move(info), device);
}

}  // namespace

std::shared_ptr<const LearnedNetwork> load_torch_learned_network(const std::string& path,
                                                                 const std::string& sha256,
                                                                 const std::string& device,
                                                                 const std::string& where) {
  init_torch_threads();
  const at::Device dev = parse_device(device, where + " device");
  std::string actual;
  try {
    actual = sha256_file(path);
  } catch (const std::exception& e) {
    throw InputError(where, "a readable export file", path + ": " + e.what());
  }
  if (!sha256.empty() && actual != sha256) {
    throw InputError(where, "the export " + path + " with SHA-256 " + sha256, "SHA-256 " + actual);
  }
  static std::mutex mutex;
  static std::map<std::string, std::shared_ptr<const LearnedNetwork>> cache;
  const std::string key = actual + " " + device;
  std::lock_guard<std::mutex> lock(mutex);
  auto& slot = cache[key];
  if (!slot) slot = load_uncached(path, actual, dev, where);
  return slot;
}

}  // namespace tgvc::learned
