// The principal axes of a point cloud, for the k-d tree of HDBSCAN's exact stages: boxes aligned
// with them are much tighter than boxes aligned with the features when features are correlated
// (T-GVC's 14 motion features have rank of about 8: net displacement is end minus start).
#pragma once

#include <vector>

#include "codecs/tgvc/clustering/feature_matrix.h"

namespace tgvc {

// The eigenvectors of the points' covariance as the rows of a cols x cols matrix (row-major),
// ordered by decreasing variance: an orthonormal basis up to rounding (cyclic Jacobi rotations).
std::vector<double> principal_axes(const FeatureMatrix& points);

}  // namespace tgvc
