#include "harness/core/sample_rounding.h"

#include "harness/core/vector_clones.h"

namespace tgvc {

TGVC_VECTOR_CLONES
void round_scaled_samples(const double* __restrict values, size_t count, double offset, double scale,
                          double max, uint16_t* __restrict out) {
  for (size_t i = 0; i < count; ++i) out[i] = rounded_sample(offset + scale * values[i], max);
}

}  // namespace tgvc
