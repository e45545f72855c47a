// A dense motion field interpolated from a few point displacements: each point spreads its
// displacement over a Gaussian neighbourhood, and a constant "background" weight pulls the field
// to zero (a static background) away from the points. The field is evaluated on a coarse lattice
// and read back bilinearly, which keeps the warp generator fast.
#pragma once

#include <vector>

namespace tgvc {

// One point of the field: where it is, its displacement and a value carried alongside (the warp
// generator uses it for "hidden in the keyframe", 0 or 1).
struct FieldPoint {
  double x = 0;
  double y = 0;
  double dx = 0;
  double dy = 0;
  double hidden = 0;
};

struct FieldValue {
  double dx = 0;
  double dy = 0;
  double hidden = 0;  // interpolated like the displacement: 0 away from every point
};

struct MotionFieldOptions {
  double sigma = 16;              // Gaussian radius of a point's influence, pixels (cut at 3 sigma)
  double background_weight = 0.05;  // weight of the zero background at every position
  int cell = 4;                   // lattice spacing, pixels
};

class MotionField {
 public:
  // The field over a width x height frame (continuous coordinates, 0..width, 0..height).
  MotionField(const std::vector<FieldPoint>& points, int width, int height, const MotionFieldOptions& options);

  // Bilinear in the lattice; positions outside the frame read the nearest lattice node.
  FieldValue at(double x, double y) const;
  bool empty() const { return empty_; }

 private:
  int nx_ = 0;
  int ny_ = 0;
  double inv_cell_ = 1;
  bool empty_ = true;
  std::vector<float> dx_, dy_, hidden_;
};

}  // namespace tgvc
