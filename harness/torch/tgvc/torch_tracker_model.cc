#include "harness/torch/tgvc/torch_tracker_model.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <optional>
#include <tuple>

#include <c10/core/InferenceMode.h>
#include <fmt/format.h>
#include <torch/script.h>

#include "harness/core/error.h"
#include "harness/torch/runtime/frame_tensors.h"
#include "harness/torch/runtime/torch_runtime.h"
#include "harness/torch/tgvc/checked_model_file.h"

namespace tgvc {
namespace {

constexpr const char* kContract =
    "a point tracker: forward(video [1, T, 3, H, W], queries [1, N, 3]) -> (tracks [1, T, N, 2], visibility "
    "[1, T, "
    "N]) (docs/tgvc.md)";

// The most pixels one call may take (3 GiB of float RGB): a model's attributes cannot make the
// adapter allocate without bound.
constexpr int64_t kMaxVideoPixels = int64_t{1} << 28;

// The shapes a traced export was made for (its attributes); unset: any.
struct TrackerShapes {
  std::optional<int64_t> frames;
  std::optional<int64_t> points;
  std::optional<int64_t> height;
  std::optional<int64_t> width;
};

std::optional<int64_t> int_attribute(const torch::jit::Module& m, const char* name, int64_t low, int64_t high,
                                     const std::string& where) {
  if (!m.hasattr(name)) return std::nullopt;
  const c10::IValue v = m.attr(name);
  if (!v.isInt()) throw InputError(where + ": attribute " + name, "an int", v.tagKind());
  if (v.toInt() < low || v.toInt() > high) {
    throw InputError(where + ": attribute " + name, fmt::format("{}..{}", low, high),
                     std::to_string(v.toInt()));
  }
  return v.toInt();
}

TrackerShapes shapes_of(const torch::jit::Module& m, const std::string& where) {
  TrackerShapes s;
  s.frames = int_attribute(m, "frames", 2, 4096, where);
  s.points = int_attribute(m, "points", 1, 1 << 20, where);
  s.height = int_attribute(m, "height", 1, 16384, where);
  s.width = int_attribute(m, "width", 1, 16384, where);
  if (s.height.has_value() != s.width.has_value()) {
    throw InputError(where, "both attributes height and width, or neither", "only one of them");
  }
  return s;
}

// The module in `path`, loaded once per file digest and device.
std::shared_ptr<const torch::jit::Module> load_module(const std::string& path, const std::string& sha256,
                                                      const at::Device& device, const std::string& where) {
  using Key = std::tuple<std::string, std::string, std::string>;
  static std::mutex mutex;
  static std::map<Key, std::shared_ptr<const torch::jit::Module>> cache;
  const Key key{path, sha256, device.str()};
  std::lock_guard<std::mutex> lock(mutex);  // loads are rare; one at a time keeps memory bounded
  const auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  auto module = std::make_shared<torch::jit::Module>();
  try {
    *module = torch::jit::load(path, device);
  } catch (const c10::Error& e) {
    throw InputError(where, "a TorchScript file (torch.jit.save)", e.what_without_backtrace());
  }
  module->eval();
  cache[key] = module;
  return module;
}

class ScriptedTracker final : public TorchTrackerModel {
 public:
  ScriptedTracker(std::shared_ptr<const torch::jit::Module> module, std::string sha256, TrackerShapes shapes,
                  at::Device device, std::string where)
      : module_(std::move(module)),
        sha256_(std::move(sha256)),
        shapes_(shapes),
        device_(device),
        where_(std::move(where)) {}

  const std::string& sha256() const override { return sha256_; }

  std::string shapes() const override {
    std::string out;
    if (shapes_.frames) out += fmt::format("frames {}", *shapes_.frames);
    if (shapes_.points) out += fmt::format("{}points {}", out.empty() ? "" : ", ", *shapes_.points);
    if (shapes_.width)
      out += fmt::format("{}{}x{}", out.empty() ? "" : ", ", *shapes_.width, *shapes_.height);
    return out.empty() ? "any shape" : out;
  }

  Tracks track_from_first_frame(const Video& clip, const std::vector<TrackQuery>& points) const override {
    const int frames = clip.frame_count();
    if (frames < 1) throw InputError(where_, "a clip of at least 1 frame", "an empty clip");
    if (shapes_.frames && frames > *shapes_.frames) {
      throw InputError(
          where_,
          fmt::format("a tracker for clips of {} frames (its attribute frames is {}: export it again "
                      "with --frames {} or more)",
                      frames, *shapes_.frames, frames),
          fmt::format("a clip of {} frames", frames));
    }
    Tracks out(points.size());
    if (points.empty()) return out;
    init_torch_threads();
    c10::InferenceMode guard;
    const int64_t width = clip.frames[0].width();
    const int64_t height = clip.frames[0].height();
    const int64_t model_w = shapes_.width.value_or(width);
    const int64_t model_h = shapes_.height.value_or(height);
    const int64_t model_frames = std::max<int64_t>(frames, shapes_.frames.value_or(0));
    if (model_frames * model_h * model_w > kMaxVideoPixels) {  // what padding and resizing would allocate
      throw InputError(where_,
                       fmt::format("at most {} pixels per call (frames x height x width)", kMaxVideoPixels),
                       fmt::format("{} frames of {}x{}", model_frames, model_w, model_h));
    }
    const at::Tensor video = video_tensor(clip, model_h, model_w);
    // Our coordinates put pixel centres at +0.5, the model's (CoTracker's) at integers; both scale
    // with the picture from its top-left corner.
    const double sx = static_cast<double>(model_w) / static_cast<double>(width);
    const double sy = static_cast<double>(model_h) / static_cast<double>(height);
    const size_t batch = shapes_.points ? static_cast<size_t>(*shapes_.points) : points.size();
    for (size_t first = 0; first < points.size(); first += batch) {
      const size_t count = std::min(batch, points.size() - first);
      at::Tensor queries = at::zeros({1, static_cast<int64_t>(batch), 3}, at::kFloat);
      auto q = queries.accessor<float, 3>();
      for (size_t i = 0; i < batch; ++i) {
        const TrackQuery& p = points[first + std::min(i, count - 1)];  // padding repeats the last point
        q[0][i][1] = static_cast<float>(p.x * sx - 0.5);
        q[0][i][2] = static_cast<float>(p.y * sy - 0.5);
      }
      const auto [tracks, visible] = run(video, queries);
      auto t = tracks.accessor<float, 4>();
      auto v = visible.accessor<bool, 3>();
      for (size_t i = 0; i < count; ++i) {
        Track& track = out[first + i];
        track.query_frame = 0;
        track.x.resize(frames);
        track.y.resize(frames);
        track.visible.resize(frames);
        for (int f = 0; f < frames; ++f) {
          const float x = t[0][f][i][0];
          const float y = t[0][f][i][1];
          if (!std::isfinite(x) || !std::isfinite(y)) {
            throw InputError(where_, "finite track positions",
                             fmt::format("{}, {} at frame {}, point {}", x, y, f, i));
          }
          track.x[f] = static_cast<float>((x + 0.5) / sx);
          track.y[f] = static_cast<float>((y + 0.5) / sy);
          track.visible[f] = v[0][f][i] ? 1 : 0;
        }
      }
    }
    return out;
  }

 private:
  // [1, T', 3, H', W'] RGB 0..255 on the device: resized to the model's size, padded to its frame
  // count by repeating the last frame.
  at::Tensor video_tensor(const Video& clip, int64_t model_h, int64_t model_w) const {
    at::Tensor x = rgb_frames(clip, 0, clip.frame_count()) * 255;
    if (model_h != x.size(2) || model_w != x.size(3)) {
      x = at::_upsample_bilinear2d_aa(x, {model_h, model_w}, false);
    }
    if (shapes_.frames && x.size(0) < *shapes_.frames) {
      x = at::cat({x, x.narrow(0, x.size(0) - 1, 1).expand({*shapes_.frames - x.size(0), -1, -1, -1})});
    }
    return x.unsqueeze(0).contiguous().to(device_);
  }

  // Calls the model; (tracks float [1, T', N, 2], visibility bool [1, T', N]) on the CPU.
  std::pair<at::Tensor, at::Tensor> run(const at::Tensor& video, const at::Tensor& queries) const {
    c10::IValue result;
    try {
      // Running a method does not change the module; the JIT allows concurrent calls.
      auto& module = const_cast<torch::jit::Module&>(*module_);
      result = module.get_method("forward")({video, queries.to(device_)});
    } catch (const c10::Error& e) {
      throw InputError(where_, kContract, e.what_without_backtrace());
    } catch (const std::exception& e) {  // e.g. a TorchScript assert (JITException)
      throw InputError(where_, kContract, e.what());
    }
    if (!result.isTuple() || result.toTupleRef().elements().size() != 2) {
      throw InputError(where_, kContract,
                       result.isTuple() ? fmt::format("a tuple of {}", result.toTupleRef().elements().size())
                                        : std::string(result.tagKind()));
    }
    const auto& elements = result.toTupleRef().elements();
    if (!elements[0].isTensor() || !elements[1].isTensor()) {
      throw InputError(where_, kContract,
                       fmt::format("a tuple ({}, {})", elements[0].tagKind(), elements[1].tagKind()));
    }
    const at::Tensor tracks = elements[0].toTensor();
    const at::Tensor visible = elements[1].toTensor();
    const int64_t t = video.size(1);
    const int64_t n = queries.size(1);
    if (tracks.dim() != 4 || tracks.size(0) != 1 || tracks.size(1) != t || tracks.size(2) != n ||
        tracks.size(3) != 2 || !tracks.is_floating_point()) {
      throw InputError(
          where_, fmt::format("tracks of shape [1, {}, {}, 2] (floating point)", t, n),
          fmt::format("{} of shape {}", c10::toString(tracks.scalar_type()), shape_text(tracks.sizes())));
    }
    if (visible.dim() != 3 || visible.size(0) != 1 || visible.size(1) != t || visible.size(2) != n ||
        !(visible.is_floating_point() || visible.scalar_type() == at::kBool)) {
      throw InputError(
          where_, fmt::format("visibility of shape [1, {}, {}] (bool or floating point)", t, n),
          fmt::format("{} of shape {}", c10::toString(visible.scalar_type()), shape_text(visible.sizes())));
    }
    const at::Tensor v = visible.scalar_type() == at::kBool ? visible : visible > 0.5;
    return {tracks.to(at::kCPU).to(at::kFloat).contiguous(), v.to(at::kCPU).contiguous()};
  }

  std::shared_ptr<const torch::jit::Module> module_;
  std::string sha256_;
  TrackerShapes shapes_;
  at::Device device_;
  std::string where_;
};

}  // namespace

std::shared_ptr<const TorchTrackerModel> load_torch_tracker(const TorchModelFile& file,
                                                            const std::string& device) {
  init_torch_threads();
  const std::string where = file.where + " " + file.path;
  const at::Device dev = parse_device(device, file.where + " device");
  const std::string sha = verify_tgvc_model_file(file);
  auto module = load_module(file.path, sha, dev, where);
  const TrackerShapes shapes = shapes_of(*module, where);
  return std::make_shared<ScriptedTracker>(std::move(module), sha, shapes, dev, where);
}

}  // namespace tgvc
