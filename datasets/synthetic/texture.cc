#include "datasets/synthetic/texture.h"

#include <algorithm>
#include <cassert>
#include <cmath>

#include "datasets/synthetic/periodic_noise.h"

namespace tgvc {
namespace {

constexpr double kTwoPi = 6.283185307179586;

Rgb hsv(double h, double s, double v) {
  h = (h - std::floor(h)) * 6;
  const int sector = std::min(static_cast<int>(h), 5);
  const double f = h - sector;
  const double p = v * (1 - s), q = v * (1 - s * f), t = v * (1 - s * (1 - f));
  switch (sector) {
    case 0:
      return {v, t, p};
    case 1:
      return {q, v, p};
    case 2:
      return {p, v, t};
    case 3:
      return {p, q, v};
    case 4:
      return {t, p, v};
    default:
      return {v, p, q};
  }
}

Rgb mix(Rgb a, Rgb b, double t) {
  return {a.r + t * (b.r - a.r), a.g + t * (b.g - a.g), a.b + t * (b.b - a.b)};
}
Rgb scaled(Rgb c, double k) {
  return {c.r * k, c.g * k, c.b * k};
}

double smoothstep(double lo, double hi, double x) {
  const double t = std::clamp((x - lo) / (hi - lo), 0.0, 1.0);
  return t * t * (3 - 2 * t);
}

// Maps a unit-variance noise value to [0, 1] with a soft roll-off at the extremes.
double squash(double n) {
  return 0.5 + 0.5 * std::tanh(0.8 * n);
}

size_t index(int size, int x, int y) {
  return static_cast<size_t>(y) * size + x;
}

}  // namespace

Texture::Texture(int size) : size_(size), rgb_(static_cast<size_t>(size) * size * 3, 0.0f) {
  assert(size >= 2 && (size & (size - 1)) == 0);
}

void Texture::set(int x, int y, Rgb c) {
  float* t = rgb_.data() + index(size_, x, y) * 3;
  t[0] = static_cast<float>(c.r);
  t[1] = static_cast<float>(c.g);
  t[2] = static_cast<float>(c.b);
}

Rgb Texture::sample(double u, double v) const {
  // Wrap in floating point first so that far-away coordinates never overflow an integer.
  const double period = size_;
  u -= 0.5;
  v -= 0.5;
  const double fu = std::floor(u), fv = std::floor(v);
  const double wx = u - fu, wy = v - fv;
  const long long mask = size_ - 1;
  const long long x0 = static_cast<long long>(fu - period * std::floor(fu / period)) & mask;
  const long long y0 = static_cast<long long>(fv - period * std::floor(fv / period)) & mask;
  const long long x1 = (x0 + 1) & mask, y1 = (y0 + 1) & mask;
  const float* r0 = rgb_.data() + static_cast<size_t>(y0) * size_ * 3;
  const float* r1 = rgb_.data() + static_cast<size_t>(y1) * size_ * 3;
  double out[3];
  for (int c = 0; c < 3; ++c) {
    const double top = r0[x0 * 3 + c] + wx * (r0[x1 * 3 + c] - r0[x0 * 3 + c]);
    const double bottom = r1[x0 * 3 + c] + wx * (r1[x1 * 3 + c] - r1[x0 * 3 + c]);
    out[c] = top + wy * (bottom - top);
  }
  return {out[0], out[1], out[2]};
}

Texture background_texture(Lcg& rng, int size) {
  // An earthy palette around one hue: dark, middle and light tones plus a tint for large patches.
  const double hue = rng.uniform();
  const double sat = rng.uniform(0.25, 0.55);
  // One draw per statement: a call's arguments are evaluated in an unspecified order (GCC takes
  // the last first, clang the first), so two draws in one call would make the texture depend on
  // the compiler. These keep the order of the GCC builds before this was written out.
  const double dark_value = rng.uniform(0.12, 0.25);
  const Rgb dark = hsv(hue + rng.uniform(-0.05, 0.05), sat * 1.1, dark_value);
  const Rgb middle = hsv(hue, sat, rng.uniform(0.4, 0.55));
  const double light_value = rng.uniform(0.75, 0.9);
  const Rgb light = hsv(hue + rng.uniform(-0.12, 0.12), sat * 0.7, light_value);
  const Rgb tint = hsv(hue + rng.uniform(0.15, 0.35), sat, 0.6);

  const std::vector<float> relief = periodic_noise(rng, size, {std::max(2, size / 256), 16, 0.7, false});
  const std::vector<float> patches = periodic_noise(rng, size, {std::max(1, size / 512), 3, 0.5, false});
  const std::vector<float> creases = periodic_noise(rng, size, {std::max(2, size / 64), 4, 0.5, true});
  Texture texture(size);
  for (int y = 0; y < size; ++y) {
    for (int x = 0; x < size; ++x) {
      const size_t i = index(size, x, y);
      const double t = squash(relief[i]);
      Rgb c = t < 0.5 ? mix(dark, middle, 2 * t) : mix(middle, light, 2 * t - 1);
      c = mix(c, scaled(tint, 0.4 + 0.8 * t), 0.35 * smoothstep(0.2, 1.5, patches[i]));
      c = scaled(c, 0.78 + 0.22 * smoothstep(-1.6, 0.2, creases[i]));
      texture.set(x, y, c);
    }
  }
  return texture;
}

Texture object_texture(Lcg& rng, int size) {
  const double hue = rng.uniform();
  // One draw per statement, in the order of the GCC builds (background_texture says why).
  const double first_value = rng.uniform(0.55, 0.95);
  const Rgb first = hsv(hue, rng.uniform(0.5, 0.85), first_value);
  const double second_value = rng.uniform(0.2, 0.6), second_saturation = rng.uniform(0.4, 0.9);
  const Rgb second = hsv(hue + rng.uniform(0.08, 0.5), second_saturation, second_value);
  const int pattern = static_cast<int>(rng.next() % 3);  // mottled, striped, spotted
  // Stripes use whole numbers of periods per tile so that the texture stays seamless.
  const int kx = 1 + static_cast<int>(rng.next() % 4) * std::max(1, size / 64);
  const int ky = static_cast<int>(rng.next() % 3) * std::max(1, size / 64);

  const std::vector<float> body = periodic_noise(rng, size, {std::max(2, size / 64), 16, 0.55, false});
  const std::vector<float> detail = periodic_noise(rng, size, {std::max(2, size / 16), 16, 0.7, false});
  Texture texture(size);
  for (int y = 0; y < size; ++y) {
    for (int x = 0; x < size; ++x) {
      const size_t i = index(size, x, y);
      double t = 0;
      switch (pattern) {
        case 0:
          t = squash(1.3 * body[i]);
          break;
        case 1: {
          const double phase = kTwoPi * (kx * (x + 0.5) + ky * (y + 0.5)) / size + 1.8 * body[i];
          t = smoothstep(-0.5, 0.5, std::sin(phase));
          break;
        }
        default:
          t = smoothstep(0.3, 0.9, body[i]);
          break;
      }
      Rgb c = mix(first, second, t);
      texture.set(x, y, scaled(c, 1 + 0.16 * std::clamp(detail[i], -2.5f, 2.5f)));
    }
  }
  return texture;
}

}  // namespace tgvc
