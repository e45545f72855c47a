#!/usr/bin/python3
"""Writes tiny model exports for unit_learned_codec_torch with Debian's python3-torch (run by the build).

usage: make_exports.py OUTDIR [wide]

Each export follows the contract of docs/learned-codecs.md ("Exports") with the stage structure of
its family but a few channels and seeded random weights, scaled so that the latents span many
symbols, many scale indexes and values outside the CDF ranges (escapes): default initialisation
would give all-zero latents and hide bugs. compressai is not installed here, so the entropy tables
are computed by this script the way CompressAI's update() computes them (pmf_to_quantized_cdf
below follows compressai/cpp_exts/ops/ops.cpp).

  bmshj2018.pt      bmshj2018-hyperprior: h_a(|y|), scales only (means are zeros), centred zero padding
  mbt2018_mean.pt   mbt2018-mean: h_s gives scales and means (chunk(2, 1)), centred zero padding
  msillm.pt         MS-ILLM: separate mean and scale hyper-synthesis, reflection padding right/bottom
  no_synthesis.pt   lacks the synthesis method
  bad_scales.pt     hyper_synthesis returns one channel too few
  no_latent_cdf.pt  lacks latent_quantized_cdf
  bad_cdf.pt        latent_quantized_cdf rows that are not CDFs
  truncated.pt      the first half of bmshj2018.pt's bytes
  noisy.pt          a synthesis with unseeded noise (the encoder's reconstruction cannot match)
  expected.json     per family, for the image below: the symbols and indexes Python's torch computes

With `wide`, only wide.pt: MS-ILLM's structure at 256 channels (M 220, N 128), about 24 GMAC per
analysis or synthesis of a 512x320 frame (MS-ILLM's decoder: about 110), for bench_learned_codec.
"""
import json
import math
import os
import sys
from typing import Tuple

import torch
import torch.nn as nn

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)
PRECISION = 16


def pmf_to_quantized_cdf(pmf):
    cdf = [0] * (len(pmf) + 1)
    for i, p in enumerate(pmf):
        v = float(torch.tensor(p, dtype=torch.float32) * (1 << PRECISION))
        cdf[i + 1] = int(math.floor(v + 0.5))  # std::round of a non-negative float
    total = sum(cdf)
    cdf = [((1 << PRECISION) * c) // total for c in cdf]
    for i in range(len(pmf)):
        cdf[i + 1] += cdf[i]
    cdf[-1] = 1 << PRECISION
    for i in range(len(cdf) - 1):
        if cdf[i] == cdf[i + 1]:
            best_freq, best_steal = None, -1
            for j in range(len(cdf) - 1):
                freq = cdf[j + 1] - cdf[j]
                if freq > 1 and (best_freq is None or freq < best_freq):
                    best_freq, best_steal = freq, j
            assert best_steal != -1
            if best_steal < i:
                for j in range(best_steal + 1, i + 1):
                    cdf[j] -= 1
            else:
                for j in range(i + 1, best_steal + 1):
                    cdf[j] += 1
    return cdf


def pad_rows(rows):
    stride = max(len(r) for r in rows)
    return torch.tensor([r + [0] * (stride - len(r)) for r in rows], dtype=torch.int32)


def gaussian_tables(scale_table):
    """GaussianConditional.update() for scale_table (float32, tail mass 1e-9)."""
    multiplier = 6.1094102048693975
    centers = torch.ceil(scale_table * multiplier).int()
    rows, lengths, offsets = [], [], []
    for s, c in zip(scale_table.tolist(), centers.tolist()):
        s = torch.tensor(s, dtype=torch.float32)
        k = torch.abs(torch.arange(2 * c + 1).int() - c).float()
        cum = lambda x: 0.5 * torch.erfc(-(2 ** -0.5) * x)
        upper = cum((0.5 - k) / s)
        lower = cum((-0.5 - k) / s)
        pmf = (upper - lower).tolist() + [float(2 * lower[0])]
        rows.append(pmf_to_quantized_cdf(pmf))
        lengths.append(2 * c + 3)
        offsets.append(-c)
    return pad_rows(rows), torch.tensor(lengths, dtype=torch.int32), torch.tensor(offsets, dtype=torch.int32)


def bottleneck_tables(channels, gen):
    """Per channel a discretised logistic around its median over a short range (so that the
    hyper-latents escape), as EntropyBottleneck.update() lays its tables out."""
    medians = (torch.rand(channels, generator=gen) * 4 - 2).float()
    rows, lengths, offsets = [], [], []
    for c in range(channels):
        minima, maxima = 3 + c % 3, 4 + (2 * c) % 5
        scale = 1.0 + 0.5 * c
        v = torch.arange(-minima, maxima + 1).float()
        sig = torch.sigmoid
        pmf = (sig((v + 0.5) / scale) - sig((v - 0.5) / scale)).tolist()
        tail = float(sig(torch.tensor((-minima - 0.5) / scale)) + sig(torch.tensor(-(maxima + 0.5) / scale)))
        rows.append(pmf_to_quantized_cdf(pmf + [tail]))
        lengths.append(minima + maxima + 3)
        offsets.append(-minima)
    return pad_rows(rows), torch.tensor(lengths, dtype=torch.int32), torch.tensor(offsets, dtype=torch.int32), medians


def conv(cin, cout, k=5, s=2):
    return nn.Conv2d(cin, cout, k, stride=s, padding=k // 2)


def deconv(cin, cout, k=5, s=2):
    return nn.ConvTranspose2d(cin, cout, k, stride=s, output_padding=s - 1, padding=k // 2)


def scaled(module, gain, gen):
    """Seeded normal weights of std gain / sqrt(fan-in), small biases."""
    for m in module.modules():
        if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)):
            fan_in = m.weight[0].numel() if isinstance(m, nn.Conv2d) else m.weight.shape[0] * m.weight[0, 0].numel()
            with torch.no_grad():
                m.weight.copy_(torch.randn(m.weight.shape, generator=gen) * gain / math.sqrt(fan_in))
                m.bias.copy_(torch.randn(m.bias.shape, generator=gen) * 0.1)
    return module


class Export(nn.Module):
    contract_version: int
    family: str
    model_name: str
    quality: int
    multiple: int
    padding: str
    scale_bound: float

    def __init__(self, family, padding, n, m, seed, mean_scale, separate_heads=False, width=0):
        super().__init__()
        gen = torch.Generator().manual_seed(seed)
        self.contract_version = 1
        self.family = family
        self.model_name = family + "_fixture"
        self.quality = 1
        self.multiple = 64
        self.padding = padding
        self.scale_bound = 0.11
        self.mean_scale = mean_scale
        self.separate_heads = separate_heads
        self.scale_only = not mean_scale
        width = width or n
        self.g_a = scaled(nn.Sequential(conv(3, width), nn.ReLU(), conv(width, width), nn.ReLU(),
                                        conv(width, width), nn.ReLU(), conv(width, m)), 2.0, gen)
        self.h_a = scaled(nn.Sequential(conv(m, n, 3, 1), nn.ReLU(), conv(n, n), nn.ReLU(), conv(n, n)), 1.5, gen)
        out = 2 * m if mean_scale and not separate_heads else m
        self.h_s = scaled(nn.Sequential(deconv(n, n), nn.ReLU(), deconv(n, n), nn.ReLU(), conv(n, out, 3, 1)), 2.5, gen)
        self.h_s_mean = scaled(nn.Sequential(deconv(n, n), nn.ReLU(), deconv(n, n), nn.ReLU(), conv(n, m, 3, 1)), 2.5, gen)
        self.g_s = scaled(nn.Sequential(deconv(m, width), nn.ReLU(), deconv(width, width), nn.ReLU(),
                                        deconv(width, width), nn.ReLU(), deconv(width, 3)), 0.05, gen)
        self.y_gain = 12.0  # latents spanning many symbols
        hyper_cdf, hyper_len, hyper_off, medians = bottleneck_tables(n, gen)
        self.register_buffer("hyper_quantized_cdf", hyper_cdf)
        self.register_buffer("hyper_cdf_length", hyper_len)
        self.register_buffer("hyper_offset", hyper_off)
        self.register_buffer("hyper_medians", medians)
        scale_table = torch.exp(torch.linspace(math.log(0.11), math.log(64.0), 24))
        cdf, lengths, offsets = gaussian_tables(scale_table)
        self.register_buffer("latent_quantized_cdf", cdf)
        self.register_buffer("latent_cdf_length", lengths)
        self.register_buffer("latent_offset", offsets)
        self.register_buffer("scale_table", scale_table)

    @torch.jit.export
    def analysis(self, x: torch.Tensor) -> torch.Tensor:
        return self.g_a(x) * self.y_gain

    @torch.jit.export
    def hyper_analysis(self, y: torch.Tensor) -> torch.Tensor:
        if self.scale_only:
            y = torch.abs(y)
        return self.h_a(y / self.y_gain) * 6.0

    @torch.jit.export
    def hyper_synthesis(self, z_hat: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        h = self.h_s(z_hat / 6.0)
        if self.separate_heads:  # MS-ILLM: hyper_synthesis_scale and hyper_synthesis_mean
            scales = torch.exp(h[:, :, :, :] * 2.0 + 1.0)
            means = self.h_s_mean(z_hat / 6.0) * 4.0
        elif self.mean_scale:  # mbt2018-mean: gaussian_params.chunk(2, 1)
            s, mu = h.chunk(2, 1)
            scales = torch.exp(s * 2.0 + 1.0)
            means = mu * 4.0
        else:
            scales = torch.exp(h * 2.0 + 1.0)
            means = torch.zeros_like(scales)
        return scales, means

    @torch.jit.export
    def synthesis(self, y_hat: torch.Tensor) -> torch.Tensor:
        return self.g_s(y_hat / self.y_gain) + 0.5

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.analysis(x)


def test_image():
    """192 x 128 (W x H) RGB in [0, 1]: ((7x + 13y + 50c + (x*y) % 31) % 256) / 255 in float32."""
    c = torch.arange(3).view(3, 1, 1)
    y = torch.arange(128).view(1, 128, 1)
    x = torch.arange(192).view(1, 1, 192)
    v = (7 * x + 13 * y + 50 * c + (x * y) % 31) % 256
    return (v.float() / 255.0).unsqueeze(0)


def build_indexes(scales, table, bound):
    scales = torch.max(scales, torch.tensor(bound, dtype=torch.float32))
    indexes = torch.full(scales.shape, len(table) - 1, dtype=torch.int32)
    for s in table[:-1]:
        indexes -= (scales <= s).int()
    return indexes


def escapes_of(symbols, offsets, lengths):
    """Hyper-latent symbols outside their channel's CDF range (coded as escapes)."""
    per = symbols.shape[2] * symbols.shape[3]
    v = symbols.flatten() - offsets.repeat_interleave(per)
    return int(((v < 0) | (v >= lengths.repeat_interleave(per) - 2)).sum())


def expected_for(model):
    with torch.no_grad():
        x = test_image()
        y = model.analysis(x)
        z = model.hyper_analysis(y)
        med = model.hyper_medians.view(1, -1, 1, 1)
        z_sym = torch.round(z - med).int()
        z_hat = z_sym.float() + med
        scales, means = model.hyper_synthesis(z_hat)
        idx = build_indexes(scales, model.scale_table, model.scale_bound)
        y_sym = torch.round(y - means).int()
        x_hat = model.synthesis(y_sym.float() + means)
        lengths = model.latent_cdf_length[idx.flatten().long()]
        offsets = model.latent_offset[idx.flatten().long()]
        v = y_sym.flatten() - offsets
        escapes = int(((v < 0) | (v >= lengths - 2)).sum())
        return {
            "hyper_symbols": z_sym.flatten().tolist(),
            "latent_symbols": y_sym.flatten().tolist(),
            "latent_indexes": idx.flatten().tolist(),
            "latent_shape": list(y.shape[1:]),
            "hyper_shape": list(z.shape[1:]),
            "latent_escapes": escapes,
            "distinct_indexes": len(set(idx.flatten().tolist())),
            "hyper_escapes": escapes_of(z_sym, model.hyper_offset, model.hyper_cdf_length),
            "reconstruction_sum": float(x_hat.clamp(0, 1).double().sum()),
        }


def save(module, name):
    torch.jit.script(module).save(os.path.join(OUT, name))


torch.manual_seed(0)
if len(sys.argv) > 2 and sys.argv[2] == "wide":
    wide = Export("msillm", "reflect-right-bottom", 128, 220, 4, mean_scale=True, separate_heads=True, width=256)
    save(wide.eval(), "wide.pt")
    sys.exit(0)
families = {
    "bmshj2018": Export("bmshj2018-hyperprior", "centred-zero", 4, 6, 1, mean_scale=False),
    "mbt2018_mean": Export("mbt2018-mean", "centred-zero", 4, 6, 2, mean_scale=True),
    "msillm": Export("msillm", "reflect-right-bottom", 4, 6, 3, mean_scale=True, separate_heads=True),
}
expected = {}
for name, model in families.items():
    model.eval()
    save(model, name + ".pt")
    expected[name] = expected_for(model)


class NoSynthesis(nn.Module):
    contract_version: int

    def __init__(self, base):
        super().__init__()
        self.contract_version = 1
        self.base = base

    @torch.jit.export
    def analysis(self, x: torch.Tensor) -> torch.Tensor:
        return self.base.analysis(x)

    @torch.jit.export
    def hyper_analysis(self, y: torch.Tensor) -> torch.Tensor:
        return self.base.hyper_analysis(y)

    @torch.jit.export
    def hyper_synthesis(self, z: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        return self.base.hyper_synthesis(z)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x


save(NoSynthesis(Export("bmshj2018-hyperprior", "centred-zero", 4, 6, 1, mean_scale=False)), "no_synthesis.pt")


class BadScales(Export):
    @torch.jit.export
    def hyper_synthesis(self, z_hat: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        scales = torch.exp(self.h_s(z_hat / 6.0))[:, 1:]
        return scales, torch.zeros_like(scales)


save(BadScales("bmshj2018-hyperprior", "centred-zero", 4, 6, 1, mean_scale=False), "bad_scales.pt")

no_cdf = Export("bmshj2018-hyperprior", "centred-zero", 4, 6, 1, mean_scale=False)
del no_cdf.latent_quantized_cdf
save(no_cdf, "no_latent_cdf.pt")

bad_cdf = Export("bmshj2018-hyperprior", "centred-zero", 4, 6, 1, mean_scale=False)
bad_cdf.latent_quantized_cdf[:, 1] = 70000
save(bad_cdf, "bad_cdf.pt")

class Noisy(Export):
    """A synthesis that differs from call to call (unseeded noise): what a device or build that
    rounds differently looks like to the encoder's check."""

    @torch.jit.export
    def synthesis(self, y_hat: torch.Tensor) -> torch.Tensor:
        x = self.g_s(y_hat / self.y_gain) + 0.5
        return x + (torch.rand(x.shape) - 0.5) * 0.1


save(Noisy("bmshj2018-hyperprior", "centred-zero", 4, 6, 1, mean_scale=False), "noisy.pt")

with open(os.path.join(OUT, "bmshj2018.pt"), "rb") as f:
    data = f.read()
with open(os.path.join(OUT, "truncated.pt"), "wb") as f:
    f.write(data[: len(data) // 2])

with open(os.path.join(OUT, "expected.json"), "w") as f:
    json.dump(expected, f, indent=1)
