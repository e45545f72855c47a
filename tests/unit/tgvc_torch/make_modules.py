#!/usr/bin/python3
"""Writes the TorchScript modules of unit_tgvc_torch with Debian's python3-torch (run by the build).

usage: make_modules.py OUTDIR

Tiny modules that implement (or on purpose break) the call contracts of docs/tgvc.md, "TorchScript
models", and expected.json with values Python's torch computes independently of the C++ code
under test. Nothing is random.

  embedder_pool.pt      image_size 16, mean (0.5, 0.4, 0.3), std (0.25, 0.5, 1): 2x2 average pool
  embedder_mean.pt      no attributes (OpenCLIP defaults): per-channel mean, [N, 3]
  embedder_grid.pt      image_size 32, mean 0.5, std 1: 8x8 average pool made zero-mean, [N, 192]
  embedder_vector.pt    returns [N] (wrong shape)
  embedder_tuple.pt     returns a tuple (not a tensor)
  tracker_velocity.pt   tracks = query + (1.5, -0.75) * t, all visible (float)
  tracker_spot.pt       tracks = the brightest red pixel of each frame, visible (bool) when that
                        pixel is pure red 255 (checks RGB order, 0..255 and pixel centres)
  tracker_fixed.pt      attributes frames 8, points 5, height 32, width 48; asserts those shapes
                        and t == 0; tracks = query + (2, 1) * t
  tracker_split.pt      queries left of the middle move (2, 0) per frame, the others stay
  tracker_wide.pt       tracks [1, T, N, 3] (wrong shape)
  tracker_single.pt     returns one tensor (not a tuple)
  tracker_nan.pt        NaN positions
  tracker_huge.pt       attribute frames 100000 (out of range)
  not_torchscript.pt    a text file
  expected.json         embedder_pool's embedding of the textured frame below
"""
import json
import os
import sys
from typing import List, Tuple

import torch
import torch.nn.functional as F

OUT = sys.argv[1]


class Pool(torch.nn.Module):
    image_size: int
    image_mean: List[float]
    image_std: List[float]

    def __init__(self):
        super().__init__()
        self.image_size = 16
        self.image_mean = [0.5, 0.4, 0.3]
        self.image_std = [0.25, 0.5, 1.0]

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return F.adaptive_avg_pool2d(x, 2).flatten(1)


class Mean(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.mean(dim=(2, 3))


class Grid(torch.nn.Module):
    image_size: int
    image_mean: List[float]
    image_std: List[float]

    def __init__(self):
        super().__init__()
        self.image_size = 32
        self.image_mean = [0.5, 0.5, 0.5]
        self.image_std = [1.0, 1.0, 1.0]

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        p = F.adaptive_avg_pool2d(x, 8).flatten(1)
        return p - p.mean(dim=1, keepdim=True)


class Vector(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x.mean(dim=(1, 2, 3))


class Pair(torch.nn.Module):
    def forward(self, x: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        return x, x


def moved(queries: torch.Tensor, frames: int, vx: float, vy: float) -> torch.Tensor:
    t = torch.arange(frames, dtype=torch.float32).view(1, frames, 1, 1)
    v = torch.tensor([vx, vy]).view(1, 1, 1, 2)
    return queries[:, None, :, 1:3] + t * v


class Velocity(torch.nn.Module):
    def forward(self, video: torch.Tensor, queries: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        torch._assert(video.dim() == 5 and video.size(2) == 3, "video must be [1, T, 3, H, W]")
        frames = video.size(1)
        return moved(queries, frames, 1.5, -0.75), torch.ones(1, frames, queries.size(1))


class Spot(torch.nn.Module):
    def forward(self, video: torch.Tensor, queries: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        frames, width = video.size(1), video.size(4)
        red = video[0, :, 0].flatten(1)                # [T, H*W]
        best = red.argmax(dim=1)                       # first maximum in raster order
        x = (best % width).float()
        y = torch.div(best, width, rounding_mode='floor').float()
        green = video[0, :, 1].flatten(1).gather(1, best[:, None])[:, 0]
        seen = (red.max(dim=1).values > 254.5) & (green < 0.5)
        n = queries.size(1)
        tracks = torch.stack([x, y], dim=1).view(1, frames, 1, 2).expand(1, frames, n, 2).contiguous()
        return tracks, seen.view(1, frames, 1).expand(1, frames, n).contiguous()


class Fixed(torch.nn.Module):
    frames: int
    points: int
    height: int
    width: int

    def __init__(self):
        super().__init__()
        self.frames, self.points, self.height, self.width = 8, 5, 32, 48

    def forward(self, video: torch.Tensor, queries: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        torch._assert(video.size(0) == 1 and video.size(1) == self.frames, "video frames")
        torch._assert(video.size(2) == 3, "video channels")
        torch._assert(video.size(3) == self.height and video.size(4) == self.width, "video size")
        torch._assert(queries.size(0) == 1 and queries.size(1) == self.points, "query count")
        torch._assert(queries.size(2) == 3, "query columns")
        torch._assert(bool((queries[:, :, 0] == 0).all()), "queries on frame 0")
        return moved(queries, self.frames, 2.0, 1.0), torch.ones(1, self.frames, self.points)


class Split(torch.nn.Module):
    def forward(self, video: torch.Tensor, queries: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        frames, width = video.size(1), video.size(4)
        left = (queries[:, :, 1] < width / 2).float().view(1, 1, -1, 1)
        base = queries[:, None, :, 1:3].expand(1, frames, queries.size(1), 2)
        return base + (moved(queries, frames, 2.0, 0.0) - base) * left, torch.ones(1, frames, queries.size(1))


class Wide(torch.nn.Module):
    def forward(self, video: torch.Tensor, queries: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        frames, n = video.size(1), queries.size(1)
        return torch.zeros(1, frames, n, 3), torch.ones(1, frames, n)


class Single(torch.nn.Module):
    def forward(self, video: torch.Tensor, queries: torch.Tensor) -> torch.Tensor:
        return moved(queries, video.size(1), 0.0, 0.0)


class Huge(Velocity):
    frames: int

    def __init__(self):
        super().__init__()
        self.frames = 100000


class NotANumber(torch.nn.Module):
    def forward(self, video: torch.Tensor, queries: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        frames, n = video.size(1), queries.size(1)
        return torch.full((1, frames, n, 2), float('nan')), torch.ones(1, frames, n)


def lcg(seed):
    state = seed
    while True:
        state = (1664525 * state + 1013904223) % 2**32
        yield state >> 16


def textured_frame():
    """RGB 8-bit [1, 3, 24, 40]: the same definition as textured_rgb() in tgvc_torch_test_util.h."""
    width, height = 40, 24
    frame = torch.zeros(1, 3, height, width, dtype=torch.float64)
    r = lcg(7)
    for c in range(3):
        for y in range(height):
            for x in range(width):
                frame[0, c, y, x] = (13 * x + 29 * y + 71 * c + next(r) % 97) % 256
    return frame


def clip_preprocess(rgb, size, mean, std):
    """OpenCLIP's: bicubic antialiased resize of the shorter side to size, 8-bit, centre crop."""
    h, w = rgb.shape[2], rgb.shape[3]
    nh, nw = (size, int(size * w / h)) if h <= w else (int(size * h / w), size)
    x = F.interpolate(rgb, size=(nh, nw), mode='bicubic', align_corners=False, antialias=True)
    x = (x * 255).round().clamp(0, 255) / 255
    top, left = round((nh - size) / 2), round((nw - size) / 2)
    x = x[:, :, top:top + size, left:left + size]
    return (x - torch.tensor(mean).view(1, 3, 1, 1)) / torch.tensor(std).view(1, 3, 1, 1)


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, module in [('embedder_pool', Pool()), ('embedder_mean', Mean()), ('embedder_grid', Grid()),
                         ('embedder_vector', Vector()), ('embedder_tuple', Pair()),
                         ('tracker_velocity', Velocity()), ('tracker_spot', Spot()),
                         ('tracker_fixed', Fixed()),
                         ('tracker_split', Split()), ('tracker_wide', Wide()), ('tracker_single', Single()),
                         ('tracker_nan', NotANumber()), ('tracker_huge', Huge())]:
        torch.jit.script(module).save(os.path.join(OUT, name + '.pt'))
    with open(os.path.join(OUT, 'not_torchscript.pt'), 'w') as f:
        f.write('this is not a TorchScript archive\n')

    pool = Pool()
    x = clip_preprocess(textured_frame().float() / 255, pool.image_size, pool.image_mean, pool.image_std)
    expected = {'embedder_pool_textured': [float(v) for v in pool(x)[0]]}
    with open(os.path.join(OUT, 'expected.json'), 'w') as f:
        json.dump(expected, f, indent=1)


if __name__ == '__main__':
    main()
