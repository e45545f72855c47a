#include "datasets/synthetic/synthetic_sequence.h"

#include <limits>
#include <string>
#include <utility>

#include "datasets/synthetic/frame_renderer.h"
#include "datasets/synthetic/scene_model.h"
#include "harness/core/colour.h"
#include "harness/core/error.h"

namespace tgvc {
namespace {

constexpr int kMinSize = 16;
constexpr int kMaxSize = 8192;

SceneKind scene_kind(const std::string& name) {
  const std::vector<std::string>& names = synthetic_scenes();
  for (size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return static_cast<SceneKind>(i);
  }
  std::string expected = "one of";
  for (size_t i = 0; i < names.size(); ++i) expected += (i ? ", " : " ") + names[i];
  throw InputError("synthetic scene", expected, name.empty() ? "an empty name" : name);
}

void check_size(const char* field, int value) {
  if (value < kMinSize || value > kMaxSize || value % 2 != 0) {
    throw InputError(std::string("synthetic ") + field, "an even number from 16 to 8192",
                     std::to_string(value));
  }
}

void check_index(const char* what, int value) {
  if (value < 0) throw InputError(what, "a frame index >= 0", std::to_string(value));
}

}  // namespace

struct SyntheticSequence::Scene {
  SceneModel model;
};

const std::vector<std::string>& synthetic_scenes() {
  // Order matches SceneKind.
  static const std::vector<std::string> names = {"orbit", "crossing", "static"};
  return names;
}

SyntheticSequence::SyntheticSequence(SyntheticSpec spec) : spec_(std::move(spec)) {
  const SceneKind kind = scene_kind(spec_.scene);
  check_size("width", spec_.width);
  check_size("height", spec_.height);
  if (spec_.frame_count < 1) {
    throw InputError("synthetic frame_count", "at least 1", std::to_string(spec_.frame_count));
  }
  if (spec_.fps.num <= 0 || spec_.fps.den <= 0) {
    throw InputError("synthetic fps", "a positive rate num/den",
                     std::to_string(spec_.fps.num) + "/" + std::to_string(spec_.fps.den));
  }
  scene_ = std::make_shared<const Scene>(Scene{draw_scene(kind, spec_.seed, spec_.width, spec_.height)});
}

double SyntheticSequence::time_of(int index) const {
  return static_cast<double>(index) * spec_.fps.den / spec_.fps.num;
}

Frame SyntheticSequence::render(int index) const {
  check_index("synthetic frame index", index);
  return rgb_to_yuv(render_rgb(scene_->model, time_of(index)), {Matrix::kBt709, Range::kLimited},
                    ChromaFormat::k420);
}

Video SyntheticSequence::render_range(int first, int count) const {
  check_index("synthetic first frame", first);
  if (count < 0) throw InputError("synthetic frame count", "a count >= 0", std::to_string(count));
  if (count > std::numeric_limits<int>::max() - first) {
    throw InputError("synthetic frame count", "first + count within the int range", std::to_string(count));
  }
  Video video;
  video.info.width = spec_.width;
  video.info.height = spec_.height;
  video.info.format = {ChromaFormat::k420, 8, ColourFamily::kYuv};
  video.info.fps = spec_.fps;
  video.info.colour = {Matrix::kBt709, Range::kLimited};
  for (int i = 0; i < count; ++i) video.frames.push_back(render(first + i));
  return video;
}

TrackPoint SyntheticSequence::track(double x, double y, int from, int to) const {
  check_index("synthetic track from", from);
  check_index("synthetic track to", to);
  const SceneModel& model = scene_->model;
  const double t_from = time_of(from), t_to = time_of(to);
  const Point2 p{x, y};
  const int layer = model.topmost_layer(p, t_from);
  const Point2 local = model.layer_at(layer, t_from).inverse().apply(p);
  const Point2 q = model.layer_at(layer, t_to).apply(local);
  const bool inside = q.x >= 0 && q.x < spec_.width && q.y >= 0 && q.y < spec_.height;
  return {q.x, q.y, inside && model.topmost_layer(q, t_to) == layer};
}

}  // namespace tgvc
