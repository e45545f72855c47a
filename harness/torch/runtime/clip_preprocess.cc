#include "harness/torch/runtime/clip_preprocess.h"

#include <cfenv>
#include <cmath>

#include "harness/core/error.h"

namespace tgvc {
namespace {

// Python's round() (half to even), as torchvision's CenterCrop uses it.
int64_t round_half_even(double x) {
  const int saved = std::fegetround();
  std::fesetround(FE_TONEAREST);
  const double r = std::nearbyint(x);
  std::fesetround(saved);
  return static_cast<int64_t>(r);
}

}  // namespace

ClipPreprocess clip_preprocess_of(const ScriptedModel& tower, const std::string& where) {
  ClipPreprocess p;
  if (const auto size = tower.int_attribute("image_size")) {
    if (*size < 1 || *size > 4096) throw InputError(where + ": image_size", "1..4096", std::to_string(*size));
    p.image_size = *size;
    p.from_model = true;
  }
  for (const auto& [name, target] : {std::pair<const char*, std::vector<double>*>{"image_mean", &p.mean},
                                     std::pair<const char*, std::vector<double>*>{"image_std", &p.std}}) {
    if (const auto v = tower.float_list_attribute(name)) {
      if (v->size() != 3) throw InputError(where + ": " + name, "3 values", std::to_string(v->size()));
      *target = *v;
      p.from_model = true;
    }
  }
  for (double s : p.std) {
    if (!(s > 0)) throw InputError(where + ": image_std", "positive values", std::to_string(s));
  }
  return p;
}

at::Tensor clip_preprocess(const at::Tensor& rgb, const ClipPreprocess& p) {
  const int64_t h = rgb.size(2);
  const int64_t w = rgb.size(3);
  const int64_t s = p.image_size;
  // torchvision Resize(int): the shorter side becomes s, the longer side int(s * long / short).
  const int64_t nh = h <= w ? s : static_cast<int64_t>(static_cast<double>(s) * h / w);
  const int64_t nw = h <= w ? static_cast<int64_t>(static_cast<double>(s) * w / h) : s;
  at::Tensor x = rgb;
  if (nh != h || nw != w) x = at::_upsample_bicubic2d_aa(rgb, {nh, nw}, false);
  x = (x * 255).round().clamp(0, 255) / 255;  // PIL keeps 8-bit samples
  const int64_t top = round_half_even((nh - s) / 2.0);
  const int64_t left = round_half_even((nw - s) / 2.0);
  x = x.narrow(2, top, s).narrow(3, left, s);
  const at::Tensor mean = at::tensor(p.mean, at::kFloat).view({1, 3, 1, 1});
  const at::Tensor std = at::tensor(p.std, at::kFloat).view({1, 3, 1, 1});
  return ((x - mean) / std).contiguous();
}

}  // namespace tgvc
