// Per-column standardisation of a feature matrix, as scikit-learn's StandardScaler (the paper's code).
#pragma once

#include "codecs/tgvc/clustering/feature_matrix.h"

namespace tgvc {

// Replaces every value by (value - column mean) / column standard deviation, with the population
// standard deviation (divisor rows, not rows - 1). A column that is constant, or whose variance is
// within StandardScaler's rounding bound of zero (var <= n*eps*var + (n*mean*eps)^2), becomes 0.
// Raises InputError("zscore", ...) for a malformed matrix or a value that is not finite.
void zscore_columns(FeatureMatrix& points);

}  // namespace tgvc
