#!/usr/bin/python3
"""Times the reference DISTS forward (DISTS_pytorch/DISTS_pt.py, rewritten here from its formulas)
on the CPU, for docs/performance.md: random VGG16 weights (the cost does not depend on them), one
pair of frames per call as the reference is used, float32 throughout as the reference runs it.

usage: /usr/bin/python3 tools/dists_reference_timing.py [--frames 96] [--width 512] [--height 320]
       [--threads 2]
Needs Debian's python3-torch (no torchvision: the VGG16 layers are built here).
"""
import argparse
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

CHANNELS = [3, 64, 128, 256, 512, 512]


class L2pooling(nn.Module):
    def __init__(self, channels):
        super().__init__()
        a = torch.tensor([0.5, 1.0, 0.5])  # np.hanning(5)[1:-1]
        g = a[:, None] * a[None, :]
        self.register_buffer('filter', (g / g.sum())[None, None].repeat(channels, 1, 1, 1))

    def forward(self, x):
        return (F.conv2d(x ** 2, self.filter, stride=2, padding=1, groups=x.shape[1]) + 1e-12).sqrt()


class Dists(nn.Module):
    def __init__(self):
        super().__init__()
        stages, c = [], 3
        for k, convs in enumerate([[64, 64], [128, 128], [256, 256, 256], [512, 512, 512], [512, 512, 512]]):
            layers = [L2pooling(c)] if k else []
            for v in convs:
                layers += [nn.Conv2d(c, v, 3, padding=1), nn.ReLU()]
                c = v
            stages.append(nn.Sequential(*layers))
        self.stages = nn.ModuleList(stages)
        self.register_buffer('mean', torch.tensor([0.485, 0.456, 0.406]).view(1, -1, 1, 1))
        self.register_buffer('std', torch.tensor([0.229, 0.224, 0.225]).view(1, -1, 1, 1))
        self.alpha = nn.Parameter(torch.empty(1, sum(CHANNELS), 1, 1).normal_(0.1, 0.01))
        self.beta = nn.Parameter(torch.empty(1, sum(CHANNELS), 1, 1).normal_(0.1, 0.01))

    def forward_once(self, x):
        h, out = (x - self.mean) / self.std, [x]
        for s in self.stages:
            h = s(h)
            out.append(h)
        return out

    def forward(self, x, y):
        with torch.no_grad():
            f0, f1 = self.forward_once(x), self.forward_once(y)
            dist1 = dist2 = 0
            c1 = c2 = 1e-6
            w_sum = self.alpha.sum() + self.beta.sum()
            alpha = torch.split(self.alpha / w_sum, CHANNELS, dim=1)
            beta = torch.split(self.beta / w_sum, CHANNELS, dim=1)
            for k in range(len(CHANNELS)):
                x_mean, y_mean = f0[k].mean([2, 3], keepdim=True), f1[k].mean([2, 3], keepdim=True)
                s1 = (2 * x_mean * y_mean + c1) / (x_mean ** 2 + y_mean ** 2 + c1)
                dist1 = dist1 + (alpha[k] * s1).sum(1, keepdim=True)
                x_var = ((f0[k] - x_mean) ** 2).mean([2, 3], keepdim=True)
                y_var = ((f1[k] - y_mean) ** 2).mean([2, 3], keepdim=True)
                xy_cov = (f0[k] * f1[k]).mean([2, 3], keepdim=True) - x_mean * y_mean
                s2 = (2 * xy_cov + c2) / (x_var + y_var + c2)
                dist2 = dist2 + (beta[k] * s2).sum(1, keepdim=True)
            return 1 - (dist1 + dist2).squeeze()


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--frames', type=int, default=96)
    p.add_argument('--width', type=int, default=512)
    p.add_argument('--height', type=int, default=320)
    p.add_argument('--threads', type=int, default=2)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    model = Dists().eval()
    ref = torch.rand(a.frames, 3, a.height, a.width)
    dist = torch.rand(a.frames, 3, a.height, a.width)
    model(ref[:1], dist[:1])  # warm-up, not timed
    start, cpu = time.perf_counter(), time.process_time()
    for f in range(a.frames):
        model(ref[f:f + 1], dist[f:f + 1])
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print('reference DISTS (PyTorch %s, %d threads): %d pairs of %dx%d in %.1f s (CPU %.1f s), %.3f s per pair' %
          (torch.__version__, torch.get_num_threads(), a.frames, a.width, a.height, seconds, cpu,
           seconds / a.frames))


if __name__ == '__main__':
    main()
