#!/usr/bin/python3
"""Writes tiny diffusion-generator modules and reference numbers (unit_tgvc_torch runs it at test time).

usage: make_diffusion_modules.py OUTDIR

Modules keep the call contract of docs/diffusion.md on any size that is a multiple of 8:

  tiny/vae_encoder.pt   8x8 average pool of R, G, B, and their mean as the 4th channel
  tiny/vae_decoder.pt   nearest 8x upsampling of the first three channels
  tiny/conditioner.pt   [1, 4, 3]: the image's 2x2 average pool, one token per quadrant
  tiny/denoiser.pt      the exact v-prediction for Gaussian data x0 ~ N(mu, S^2) (S = 0.5), mu the
                        per-frame linear blend of the concat latents of frames 0 and T-1, shifted by
                        0.05 x the context mean (so that CFG matters); it recomputes alpha_bar from t
                        with the schedule of docs/diffusion.md and asserts every input's shape and
                        dtype. Guidance that moves z_t moves its x0 prediction.
  wrong_denoiser/       the tiny modules, but denoiser.pt returns one latent column too many
  tuple_encoder/        the tiny modules, but vae_encoder.pt returns a tuple
  not_script/           the tiny modules, but conditioner.pt is a text file
  missing/              the tiny modules without denoiser.pt
  schedule.json         alpha_bar (1000), DynamiCrafter's uniform_trailing timesteps for several step
                        counts, and DDIM step tables, computed here with numpy and torch as
                        DynamiCrafter's lvdm code does
"""
import json
import math
import os
import shutil
import sys
from typing import Tuple

import numpy as np
import torch
import torch.nn.functional as F

OUT = sys.argv[1]
DATA_STD = 0.5


def alphas_cumprod_torch() -> torch.Tensor:
    betas = torch.linspace(0.00085 ** 0.5, 0.012 ** 0.5, 1000, dtype=torch.float64) ** 2
    bar_sqrt = torch.cumprod(1 - betas, 0).sqrt()
    first, last = bar_sqrt[0].clone(), bar_sqrt[-1].clone()
    bar_sqrt = (bar_sqrt - last) * first / (first - last)
    return bar_sqrt ** 2


class Encoder(torch.nn.Module):
    def forward(self, images: torch.Tensor) -> torch.Tensor:
        torch._assert(images.dim() == 4 and images.size(1) == 3, "images [N, 3, H, W]")
        p = F.avg_pool2d(images, 8)
        return torch.cat([p, p.mean(dim=1, keepdim=True)], dim=1)


class TupleEncoder(torch.nn.Module):
    def forward(self, images: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        p = F.avg_pool2d(images, 8)
        return p, p


class Decoder(torch.nn.Module):
    def forward(self, latents: torch.Tensor) -> torch.Tensor:
        torch._assert(latents.dim() == 4 and latents.size(1) == 4, "latents [N, 4, h, w]")
        return F.interpolate(latents[:, :3], scale_factor=8.0, mode='nearest')


class Conditioner(torch.nn.Module):
    def forward(self, image: torch.Tensor) -> torch.Tensor:
        torch._assert(image.dim() == 4 and image.size(0) == 1 and image.size(1) == 3, "image [1, 3, H, W]")
        return F.adaptive_avg_pool2d(image, 2).flatten(2).transpose(1, 2)


class Denoiser(torch.nn.Module):
    alphas: torch.Tensor
    extra_column: bool

    def __init__(self, extra_column: bool = False):
        super().__init__()
        self.alphas = alphas_cumprod_torch().float()
        self.extra_column = extra_column

    def forward(self, x: torch.Tensor, t: torch.Tensor, context: torch.Tensor, concat: torch.Tensor,
                fs: torch.Tensor) -> torch.Tensor:
        b = x.size(0)
        torch._assert(x.dim() == 5 and x.size(1) == 4, "x [B, 4, T, h, w]")
        torch._assert(concat.size() == x.size(), "concat like x")
        torch._assert(t.dtype == torch.int64 and t.dim() == 1 and t.size(0) == b, "t int64 [B]")
        torch._assert(fs.dtype == torch.int64 and fs.dim() == 1 and fs.size(0) == b, "fs int64 [B]")
        torch._assert(bool((fs == 5).all()), "fs 5 (the default frame stride)")
        torch._assert(context.dim() == 3 and context.size(0) == b, "context [B, L, D]")
        frames = x.size(2)
        k = torch.arange(frames, dtype=torch.float32).view(1, 1, frames, 1, 1) / (frames - 1)
        mu = (1 - k) * concat[:, :, :1] + k * concat[:, :, -1:]
        mu = mu + 0.05 * context.mean(dim=(1, 2)).view(b, 1, 1, 1, 1)
        a = self.alphas[t].view(b, 1, 1, 1, 1)
        s2 = 0.5 * 0.5  # DATA_STD squared
        x0 = mu + (a.sqrt() * s2 / (a * s2 + 1 - a)) * (x - a.sqrt() * mu)
        v = (a.sqrt() * x - x0) / (1 - a).sqrt()
        if self.extra_column:
            v = torch.cat([v, v[..., :1]], dim=4)
        return v


def make_ddim_timesteps(steps: int) -> np.ndarray:
    """DynamiCrafter's lvdm/models/utils_diffusion.py, 'uniform_trailing'."""
    c = 1000 / steps
    return np.flip(np.round(np.arange(1000, 0, -c))).astype(np.int64) - 1


def ddim_table(steps: int, eta: float, strength: float, loop_index: bool, base_scale: float):
    ac = alphas_cumprod_torch().numpy()
    ts = make_ddim_timesteps(steps)
    alphas = ac[ts]
    alphas_prev = np.asarray([ac[0]] + ac[ts[:-1]].tolist())
    sigmas = eta * np.sqrt((1 - alphas_prev) / (1 - alphas) * (1 - alphas / alphas_prev))
    scale_arr = np.concatenate((np.linspace(1.0, base_scale, 400), np.full(1000, base_scale)))
    ddim_scale = scale_arr[ts]
    ddim_scale_prev = np.concatenate([ddim_scale[0:1], ddim_scale[:-1]])
    rows = []
    for i in range(steps):  # DynamiCrafter's loop: i counts up, index down
        index = steps - i - 1
        bar = ac[index] if loop_index else alphas[index]
        rows.append({'timestep': int(ts[index]), 'alpha': float(alphas[index]),
                     'alpha_prev': float(alphas_prev[index]), 'sigma': float(sigmas[index]),
                     'x0_rescale': float(ddim_scale_prev[index] / ddim_scale[index]),
                     'guidance_step': float(strength * (1 - bar))})
    return rows


def save(module: torch.nn.Module, path: str):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    torch.jit.script(module).save(path)


def main():
    tiny = os.path.join(OUT, 'tiny')
    save(Encoder(), os.path.join(tiny, 'vae_encoder.pt'))
    save(Decoder(), os.path.join(tiny, 'vae_decoder.pt'))
    save(Conditioner(), os.path.join(tiny, 'conditioner.pt'))
    save(Denoiser(), os.path.join(tiny, 'denoiser.pt'))
    for variant in ['wrong_denoiser', 'tuple_encoder', 'not_script', 'missing']:
        shutil.copytree(tiny, os.path.join(OUT, variant))
    save(Denoiser(extra_column=True), os.path.join(OUT, 'wrong_denoiser', 'denoiser.pt'))
    save(TupleEncoder(), os.path.join(OUT, 'tuple_encoder', 'vae_encoder.pt'))
    with open(os.path.join(OUT, 'not_script', 'conditioner.pt'), 'w') as f:
        f.write('not a TorchScript archive\n')
    os.remove(os.path.join(OUT, 'missing', 'denoiser.pt'))

    schedule = {
        'alphas_cumprod': [float(v) for v in alphas_cumprod_torch()],
        'timesteps': {str(n): [int(t) for t in make_ddim_timesteps(n)] for n in [50, 16, 30, 7, 1]},
        'ddim_50_loop_index': ddim_table(50, 1.0, 30.0, True, 0.7),
        'ddim_50_timestep': ddim_table(50, 1.0, 30.0, False, 0.7),
        'ddim_16_eta_half': ddim_table(16, 0.5, 10.0, True, 1.0),
    }
    with open(os.path.join(OUT, 'schedule.json'), 'w') as f:
        json.dump(schedule, f)


if __name__ == '__main__':
    main()
