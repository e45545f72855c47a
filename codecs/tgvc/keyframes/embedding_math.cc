#include <cmath>

#include "codecs/tgvc/keyframes/image_embedder.h"

namespace tgvc {

double cosine_similarity(const Embedding& a, const Embedding& b) {
  double dot = 0, na = 0, nb = 0;
  for (size_t i = 0; i < a.size() && i < b.size(); ++i) {
    dot += static_cast<double>(a[i]) * b[i];
    na += static_cast<double>(a[i]) * a[i];
    nb += static_cast<double>(b[i]) * b[i];
  }
  constexpr double kTiny = 1e-18;
  if (na < kTiny && nb < kTiny) return 1;
  if (na < kTiny || nb < kTiny) return 0;
  return dot / std::sqrt(na * nb);
}

}  // namespace tgvc
