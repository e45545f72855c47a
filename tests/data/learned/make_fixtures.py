#!/usr/bin/python3
"""Writes the learned-metric test fixtures with Debian's python3-torch (run by the build).

usage: make_fixtures.py OUTDIR LPIPS_WEIGHTS_DIR DISTS_WEIGHTS

Independent of the C++ code under test: Python's own torch.save writes the state_dicts (both
containers) and Python's torch computes the expected LPIPS values, following the `lpips` package
(v0.1, lpips=True, spatial=False) on torchvision's layer layout. Everything is seeded.

  alexnet_legacy.pth, alexnet_zip.pth  random AlexNet weights, torchvision names, both containers
  vgg16_zip.pth                        random VGG16 weights, zip container
  tensors_legacy.pth, tensors_zip.pth  dtypes, views, offsets, shared storage, a Parameter
  vgg16_dists_legacy.pth               random VGG16 weights with biases of std 0.1 (a forgotten
                                       bias shows), legacy container like vgg16-397923af.pth
  dists_alpha_beta.pt                  random alpha and beta [1, 1475, 1, 1], legacy container
                                       like the reference's weights.pt
  expected.json                        LPIPS per frame of the test video pair for both nets; DISTS
                                       per frame of pairs of three sizes (random alpha/beta) and of
                                       the test pair (the vendored alpha/beta), written from the
                                       formulas of DISTS_pytorch/DISTS_pt.py: float32 features,
                                       statistics and sums in float64
  png/ref/im0000N.png, png/dist/...    the same pair as 8-bit RGB PNGs (written with zlib, not by
                                       the C++ code), so a test reads them through the harness's
                                       reader and compares with expected.json's values
"""
import collections
import json
import os
import struct
import sys
import zlib

import torch
import torch.nn as nn

OUT, LPIPS_DIR, DISTS_WEIGHTS = sys.argv[1], sys.argv[2], sys.argv[3]
WIDTH, HEIGHT, FRAMES = 64, 48, 3


def lcg(seed):
    state = seed
    while True:
        state = (1664525 * state + 1013904223) % 2**32
        yield state >> 16


def video_pair(width=WIDTH, height=HEIGHT, frames=FRAMES):
    """RGB uint8 [F, 3, H, W]: the same definition as tests/unit/learned/learned_test_util.h."""
    ref = torch.zeros(frames, 3, height, width, dtype=torch.float64)
    dist = torch.zeros_like(ref)
    for f in range(frames):
        r1, r2 = lcg(1000 + f), lcg(2000 + f)
        for c in range(3):
            for y in range(height):
                for x in range(width):
                    v = (37 * x + 23 * y + 61 * c + 19 * f + next(r1) % 64) % 256
                    d = min(255, max(0, v + next(r2) % 41 - 20))
                    ref[f, c, y, x] = v
                    dist[f, c, y, x] = d
    return ref, dist


def write_png(path, frame):
    """frame: [3, H, W] values 0..255 -> an 8-bit RGB PNG (colour type 2, no filter)."""
    _, h, w = frame.shape
    rows = b''.join(b'\x00' + bytes(int(frame[c, y, x]) for x in range(w) for c in range(3)) for y in range(h))

    def chunk(kind, data):
        return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xFFFFFFFF)

    with open(path, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0)) +
                chunk(b'IDAT', zlib.compress(rows, 9)) + chunk(b'IEND', b''))


def write_png_folders(ref, dist):
    for name, video in (('ref', ref), ('dist', dist)):
        folder = os.path.join(OUT, 'png', name)
        os.makedirs(folder, exist_ok=True)
        for f in range(video.shape[0]):
            write_png(os.path.join(folder, 'im%05d.png' % (f + 1)), video[f])


def alexnet_features():
    return nn.Sequential(
        nn.Conv2d(3, 64, 11, 4, 2), nn.ReLU(True), nn.MaxPool2d(3, 2),
        nn.Conv2d(64, 192, 5, padding=2), nn.ReLU(True), nn.MaxPool2d(3, 2),
        nn.Conv2d(192, 384, 3, padding=1), nn.ReLU(True),
        nn.Conv2d(384, 256, 3, padding=1), nn.ReLU(True),
        nn.Conv2d(256, 256, 3, padding=1), nn.ReLU(True), nn.MaxPool2d(3, 2))


def vgg16_features():
    layers, c = [], 3
    for v in [64, 64, 'M', 128, 128, 'M', 256, 256, 256, 'M', 512, 512, 512, 'M', 512, 512, 512, 'M']:
        if v == 'M':
            layers.append(nn.MaxPool2d(2, 2))
        else:
            layers += [nn.Conv2d(c, v, 3, padding=1), nn.ReLU(True)]
            c = v
    return nn.Sequential(*layers)


def torchvision_state_dict(features, seed, bias_std=0.01):
    torch.manual_seed(seed)
    for m in features:
        if isinstance(m, nn.Conv2d):
            nn.init.kaiming_normal_(m.weight, nonlinearity='relu')
            nn.init.normal_(m.bias, 0, bias_std)
    sd = collections.OrderedDict(('features.' + k, v) for k, v in features.state_dict().items())
    sd['classifier.1.weight'] = torch.randn(4, 8)  # torchvision files hold more; the reader ignores it
    return sd


def lpips(features, slices, lin_path, ref, dist):
    """LPIPS v0.1 per frame, in float64, as the lpips package computes it."""
    lins = torch.load(lin_path, map_location='cpu')
    shift = torch.tensor([-.030, -.088, -.188], dtype=torch.float64).view(1, 3, 1, 1)
    scale = torch.tensor([.458, .448, .450], dtype=torch.float64).view(1, 3, 1, 1)
    net = features.double().eval()

    def taps(x):
        out, h, start = [], (x - shift) / scale, 0
        for end in slices:
            for i in range(start, end):
                h = net[i](h)
            out.append(h)
            start = end
        return out

    def normalize(f, eps=1e-10):
        return f / (torch.sqrt(torch.sum(f ** 2, dim=1, keepdim=True)) + eps)

    with torch.no_grad():
        f0, f1 = taps(ref / 255 * 2 - 1), taps(dist / 255 * 2 - 1)
        total = torch.zeros(ref.shape[0], dtype=torch.float64)
        for k in range(len(slices)):
            d = (normalize(f0[k]) - normalize(f1[k])) ** 2
            w = lins['lin%d.model.1.weight' % k].double()
            total += torch.nn.functional.conv2d(d, w).mean(dim=[2, 3]).view(-1)
    return total.tolist()


DISTS_CHANNELS = [3, 64, 128, 256, 512, 512]


def l2pool(x):
    """The reference's L2pooling: squares filtered per channel by the normalised 3x3 Hanning
    window (np.hanning(5)[1:-1]), stride 2, padding 1, then sqrt(. + 1e-12)."""
    a = torch.tensor([0.5, 1.0, 0.5])
    g = a[:, None] * a[None, :]
    g = (g / g.sum())[None, None].repeat(x.shape[1], 1, 1, 1)
    return (torch.nn.functional.conv2d(x ** 2, g, stride=2, padding=1, groups=x.shape[1]) + 1e-12).sqrt()


def dists_stages(features, x):
    """The input and relu1_2 .. relu5_3, the max pools (indices 4, 9, 16, 23) replaced by L2pooling."""
    mean = torch.tensor([0.485, 0.456, 0.406]).view(1, -1, 1, 1)
    std = torch.tensor([0.229, 0.224, 0.225]).view(1, -1, 1, 1)
    h, out = (x - mean) / std, [x]
    for start, end in [(0, 4), (4, 9), (9, 16), (16, 23), (23, 30)]:
        for i in range(start, end):
            h = l2pool(h) if isinstance(features[i], nn.MaxPool2d) else features[i](h)
        out.append(h)
    return out


def dists(state_dict, weights, ref, dist):
    """DISTS per frame: the network in float32 as the reference runs it, the statistics and the
    weighted sums in float64 (the reference's float32 sums lose about 2e-5)."""
    features = vgg16_features()
    features.load_state_dict({k[len('features.'):]: v for k, v in state_dict.items() if k.startswith('features.')})
    features = features.float().eval()
    with torch.no_grad():
        f0 = dists_stages(features, (ref / 255).float())
        f1 = dists_stages(features, (dist / 255).float())
    alpha, beta = weights['alpha'].double(), weights['beta'].double()
    w_sum = alpha.sum() + beta.sum()
    alpha, beta = torch.split(alpha / w_sum, DISTS_CHANNELS, dim=1), torch.split(beta / w_sum, DISTS_CHANNELS, dim=1)
    c1 = c2 = 1e-6
    total = torch.zeros(ref.shape[0], dtype=torch.float64)
    for k in range(len(DISTS_CHANNELS)):
        x, y = f0[k].double(), f1[k].double()
        x_mean, y_mean = x.mean([2, 3], keepdim=True), y.mean([2, 3], keepdim=True)
        s1 = (2 * x_mean * y_mean + c1) / (x_mean ** 2 + y_mean ** 2 + c1)
        x_var = ((x - x_mean) ** 2).mean([2, 3], keepdim=True)
        y_var = ((y - y_mean) ** 2).mean([2, 3], keepdim=True)
        xy_cov = (x * y).mean([2, 3], keepdim=True) - x_mean * y_mean
        s2 = (2 * xy_cov + c2) / (x_var + y_var + c2)
        total += (alpha[k] * s1).sum(1).view(-1) + (beta[k] * s2).sum(1).view(-1)
    return (1 - total).tolist()


def dists_fixtures():
    """Backbone, random alpha/beta and the expected values."""
    vgg_sd = torchvision_state_dict(vgg16_features(), 3, bias_std=0.1)
    torch.save(vgg_sd, os.path.join(OUT, 'vgg16_dists_legacy.pth'), _use_new_zipfile_serialization=False)
    g = torch.Generator().manual_seed(4)
    weights = {'alpha': torch.rand(1, 1475, 1, 1, generator=g) * 0.02,
               'beta': torch.rand(1, 1475, 1, 1, generator=g) * 0.02}
    torch.save(weights, os.path.join(OUT, 'dists_alpha_beta.pt'), _use_new_zipfile_serialization=False)
    out = {}
    for w, h, frames in [(64, 48, 3), (37, 29, 2), (13, 11, 2)]:
        ref, dist = video_pair(w, h, frames)
        out['%dx%d' % (w, h)] = dists(vgg_sd, weights, ref, dist)
    ref, dist = video_pair()
    return {'dists_random': out,
            'dists_builtin': dists(vgg_sd, torch.load(DISTS_WEIGHTS, map_location='cpu'), ref, dist)}


def tensors():
    s = torch.arange(12, dtype=torch.float32)
    return {
        'f32': torch.arange(24, dtype=torch.float32).view(2, 3, 4) / 4,
        'f64_transposed': torch.arange(6, dtype=torch.float64).view(2, 3).t(),
        'i64_offset': torch.arange(10, dtype=torch.int64)[3:8],
        'f16': torch.tensor([0.5, -2.0, 1024.0], dtype=torch.float16),
        'bf16': torch.tensor([1.5, -0.25], dtype=torch.bfloat16),
        'bool': torch.tensor([True, False, True]),
        'u8': torch.arange(5, dtype=torch.uint8) * 50,
        'i32': torch.tensor([-7, 70000], dtype=torch.int32),
        'scalar': torch.tensor(3.25, dtype=torch.float64),
        'empty': torch.zeros(0, 4),
        'shared_a': s[:6].view(2, 3),
        'shared_b': s[6:].view(3, 2),
        'param': nn.Parameter(torch.full((2,), 0.75)),
    }


def main():
    os.makedirs(OUT, exist_ok=True)
    alex = alexnet_features()
    alex_sd = torchvision_state_dict(alex, 1)
    torch.save(alex_sd, os.path.join(OUT, 'alexnet_legacy.pth'), _use_new_zipfile_serialization=False)
    torch.save(alex_sd, os.path.join(OUT, 'alexnet_zip.pth'))
    vgg = vgg16_features()
    vgg_sd = torchvision_state_dict(vgg, 2)
    torch.save(vgg_sd, os.path.join(OUT, 'vgg16_zip.pth'))
    t = tensors()
    torch.save(t, os.path.join(OUT, 'tensors_legacy.pth'), _use_new_zipfile_serialization=False)
    torch.save(t, os.path.join(OUT, 'tensors_zip.pth'))

    ref, dist = video_pair()
    write_png_folders(ref, dist)
    expected = {
        'video': {'width': WIDTH, 'height': HEIGHT, 'frames': FRAMES, 'ref_sum': ref.sum().item(),
                  'dist_sum': dist.sum().item()},
        'lpips_alex': lpips(alex, [2, 5, 8, 10, 12], os.path.join(LPIPS_DIR, 'alex.pth'), ref, dist),
        'lpips_vgg': lpips(vgg, [4, 9, 16, 23, 30], os.path.join(LPIPS_DIR, 'vgg.pth'), ref, dist),
        'vgg_linear_sums': [torch.load(os.path.join(LPIPS_DIR, 'vgg.pth'), map_location='cpu')
                            ['lin%d.model.1.weight' % k].double().sum().item() for k in range(5)],
    }
    expected.update(dists_fixtures())
    with open(os.path.join(OUT, 'expected.json'), 'w') as f:
        json.dump(expected, f, indent=1)


if __name__ == '__main__':
    main()
