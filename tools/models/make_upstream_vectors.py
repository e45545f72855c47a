#!/usr/bin/python3
"""Writes tests/data/upstream/: the strings upstream CompressAI's and NeuralCompression's own
compress() write for tiny seeded models, and our exports of those same model objects, so that
unit_learned_codec_torch can check that the learned codec writes the same bytes
(docs/learned-codecs.md, "Byte equality with upstream").

usage: make_upstream_vectors.py --compressai SRC --neuralcompression SRC --output DIR

SRC are source trees (CompressAI 1.2.9.dev0, commit 869a9f5; NeuralCompression, commit 8e7e90d),
e.g. `git -C MIRROR archive HEAD compressai setup.py third_party | tar -x -C SRC`. CompressAI's two
C++ extensions must be built in place first (pybind11, as its setup.py builds them):

    g++ -O3 -std=c++17 -shared -fPIC $(python3 -m pybind11 --includes) -Ithird_party/ryg_rans \\
        compressai/cpp_exts/rans/rans_interface.cpp -o compressai/ans$(python3-config --extension-suffix)
    g++ -O3 -std=c++17 -shared -fPIC $(python3 -m pybind11 --includes) \\
        compressai/cpp_exts/ops/ops.cpp -o compressai/_CXX$(python3-config --extension-suffix)

Debian packages this one-time tool needs (not in scripts/install-deps.sh: the build and the tests
only read its output): python3-torch, python3-numpy, python3-scipy (GaussianConditional's
norm.ppf), python3-pybind11, pybind11-dev, python3-dev. Imports that compress() never reaches
(images, progress bars, point-cloud datasets, plotting, torchvision, fvcore, lpips, ...) are
stubbed: a stub module hands back a dummy for any attribute, which only import-time code touches.

What is upstream's and what is ours:
- The model classes, update(), compress(), decompress(), the entropy coder and the padding are
  upstream's, run unchanged: CompressAI's ScaleHyperprior (bmshj2018-hyperprior) and
  MeanScaleHyperprior (mbt2018-mean) with N=6, M=8, padded the way CompressAI's eval_model pads
  (compute_padding, centred zeros); NeuralCompression's HiFiCAutoencoder (MS-ILLM), whose
  compress() pads itself (pad_image_to_factor, reflection right and bottom).
- The weights are seeded random, scaled so that the latents span many symbols, many scale-table
  rows and values outside the CDF ranges (escapes); the EntropyBottleneck's density parameters and
  quantiles are perturbed likewise, so that its medians are not zero and its rows differ.
- HiFiC's encoder and generator hard-code 60..960 channels (a 100 MB file): the tool builds
  upstream's HiFiCEncoder/HiFiCGenerator and narrows each convolution and ChannelNorm2D in place
  to a few channels (their classes and forward() stay upstream's), with one residual block.
- The exports are written by tools/models/export_compressai.py's and export_msillm.py's own
  classes and functions from those same model objects after update().

Outputs: upstream.json (per model: the export file, the image's size, the latent shapes, the
upstream y and z strings as hex, statistics of the latents, the sums of the reconstruction),
image.rgb (the test image, 8-bit RGB, planar), MODEL.reconstruction.rgb (upstream decompress()'s
x_hat, cropped as upstream crops it, v * 255 rounded half away from zero, planar) and MODEL.pt
(+ .sha256) for MODEL in bmshj2018, mbt2018_mean, msillm. Byte for byte the same on every run on
one machine and torch build from the same checkout (TorchScript records the export classes' file
path; the tool re-runs itself with PYTHONHASHSEED=0, as TorchScript writes constants in set
order); the strings and pictures do not depend on either. The outputs are shipped rather than
regenerated at build time (upstream CompressAI is not a Debian package).
"""
import argparse
import hashlib
import importlib.abc
import importlib.machinery
import json
import math
import os
import sys
import types

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

WIDTH, HEIGHT = 120, 80  # not multiples of 64: both paddings are exercised
# get_scale_table(min, max, levels): upstream's default is (0.11, 256, 64), whose 3131-entry rows
# make a 900 kB export; 32 levels up to 32 keep the shipped files small.
SCALE_TABLE = (0.11, 32, 32)
STUBBED = {"PIL", "tqdm", "torch_geometric", "torchvision", "einops", "pytorch_msssim", "matplotlib", "pandas", "plotly",
           "open3d", "pointops", "pyntcloud", "pytorch3d", "fpsample", "h5py", "requests", "fvcore", "lpips"}


class _Anything:
    def __getattr__(self, name):
        return _Anything()

    def __call__(self, *args, **kwargs):
        return _Anything()

    def __getitem__(self, key):
        return _Anything()

    def __mro_entries__(self, bases):
        return (object,)


class _StubModule(types.ModuleType):
    def __getattr__(self, name):
        if name.startswith("__"):
            raise AttributeError(name)
        return _Anything()


class _StubFinder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Answers imports of the STUBBED packages (never reached by compress()) with stub modules."""

    def find_spec(self, name, path, target=None):
        if name.split(".")[0] in STUBBED:
            return importlib.machinery.ModuleSpec(name, self, is_package=True)
        return None

    def create_module(self, spec):
        return _StubModule(spec.name)

    def exec_module(self, module):
        module.__path__ = []


def seeded_image(seed):
    """A smooth colour pattern plus noise, 8-bit RGB [3, H, W]."""
    g = torch.Generator().manual_seed(seed)
    y = torch.arange(HEIGHT, dtype=torch.float64)[:, None]
    x = torch.arange(WIDTH, dtype=torch.float64)[None, :]
    planes = []
    for c in range(3):
        base = 128 + 90 * torch.sin(x / (9 + 4 * c) + c) * torch.cos(y / (7 + 3 * c))
        noise = torch.randn((HEIGHT, WIDTH), generator=g, dtype=torch.float64) * 12
        planes.append(torch.clamp(torch.round(base + noise), 0, 255))
    return torch.stack(planes).to(torch.uint8)


def scale_weights(module, gain, gen):
    """Seeded normal weights of std gain / sqrt(fan-in) and small biases for every convolution."""
    for m in module.modules():
        if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)):
            w = m.weight
            fan_in = w[0].numel() if isinstance(m, nn.Conv2d) else w.shape[0] * w[0, 0].numel()
            with torch.no_grad():
                w.copy_(torch.randn(w.shape, generator=gen) * gain / math.sqrt(fan_in))
                if m.bias is not None:
                    m.bias.copy_(torch.randn(m.bias.shape, generator=gen) * 0.1)
    return module


def perturb_bottleneck(bottleneck, gen):
    """Moves the EntropyBottleneck's medians off zero, narrows and skews its ranges and perturbs its
    density, so that its rows differ per channel and the hyper-latent escapes."""
    channels = bottleneck.quantiles.shape[0]
    with torch.no_grad():
        for p in list(bottleneck.matrices) + list(bottleneck.biases) + list(bottleneck.factors):
            p.add_(torch.randn(p.shape, generator=gen) * 0.3)
        medians = torch.rand(channels, generator=gen) * 4 - 2
        below = 2 + torch.rand(channels, generator=gen) * 4
        above = 2 + torch.rand(channels, generator=gen) * 5
        q = torch.stack([medians - below, medians, medians + above], dim=1)
        bottleneck.quantiles.copy_(q[:, None, :])


def slice_conv(conv, out_keep, in_keep):
    """Keeps the first out_keep output and in_keep input channels of a (transposed) convolution."""
    with torch.no_grad():
        if isinstance(conv, nn.ConvTranspose2d):
            conv.weight = nn.Parameter(conv.weight[:in_keep, :out_keep].clone())
        else:
            conv.weight = nn.Parameter(conv.weight[:out_keep, :in_keep].clone())
        conv.bias = nn.Parameter(conv.bias[:out_keep].clone())
    conv.in_channels, conv.out_channels = in_keep, out_keep


def slice_norm(norm, keep):
    with torch.no_grad():
        norm.gamma = nn.Parameter(norm.gamma[:, :keep].clone())
        norm.beta = nn.Parameter(norm.beta[:, :keep].clone())


def narrow_hific(model, encoder_widths, generator_widths, latent):
    """Narrows upstream's HiFiCEncoder (60..960 channels) and HiFiCGenerator (960..60) in place."""
    blocks = model.encoder.blocks
    cin = 3
    for i, width in enumerate(encoder_widths):
        slice_conv(blocks[i][0], width, cin)
        slice_norm(blocks[i][1], width)
        cin = width
    slice_conv(blocks[len(encoder_widths)], latent, cin)

    gen = model.decoder
    slice_conv(gen.block_0[1], generator_widths[0], latent)
    slice_norm(gen.block_0[2], generator_widths[0])
    for block in gen.resid_blocks:
        seq = block.sequence
        for conv_i, norm_i in ((0, 1), (3, 4)):
            slice_conv(seq[conv_i], generator_widths[0], generator_widths[0])
            slice_norm(seq[norm_i], generator_widths[0])
    cin = generator_widths[0]
    for i, width in enumerate(generator_widths[1:]):
        slice_conv(gen.blocks[i][0], width, cin)
        slice_norm(gen.blocks[i][1], width)
        cin = width
    slice_conv(gen.blocks[len(generator_widths) - 1], 3, cin)


def rgb_bytes(x):
    """[1, 3, H, W] in [0, 1] -> planar 8-bit: float32 v * 255 rounded half away from zero (the
    codec's lround(v * max))."""
    v = (x[0].clamp(0, 1).to(torch.float32) * 255).numpy().astype(np.float64)
    return np.floor(v + 0.5).astype(np.uint8).tobytes()


def latent_statistics(y, means, indexes, conditional):
    """Symbols, distinct scale rows and escapes of the latent as upstream codes it."""
    symbols = torch.round(y - means).to(torch.int64).flatten()
    idx = indexes.flatten().to(torch.int64)
    offsets = conditional._offset.to(torch.int64)[idx]
    lengths = conditional._cdf_length.to(torch.int64)[idx]
    v = symbols - offsets
    escapes = int(((v < 0) | (v >= lengths - 2)).sum())
    return {"symbol_min": int(symbols.min()), "symbol_max": int(symbols.max()),
            "distinct_indexes": int(torch.unique(idx).numel()), "escapes": escapes}


def hyper_escapes(z, bottleneck):
    medians = bottleneck._get_medians()
    symbols = torch.round(z - medians).to(torch.int64)
    offsets = bottleneck._offset.to(torch.int64).view(1, -1, 1, 1)
    lengths = bottleneck._cdf_length.to(torch.int64).view(1, -1, 1, 1)
    v = symbols - offsets
    return int(((v < 0) | (v >= lengths - 2)).sum())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--compressai", required=True)
    parser.add_argument("--neuralcompression", required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()
    if os.environ.get("PYTHONHASHSEED") != "0":
        # TorchScript writes a module's constants in set order: fix string hashing so that the
        # exports come out byte for byte the same on every run.
        os.execve(sys.executable, [sys.executable] + sys.argv, dict(os.environ, PYTHONHASHSEED="0"))
    sys.meta_path.insert(0, _StubFinder())
    sys.path[:0] = [args.compressai, args.neuralcompression, os.path.dirname(os.path.abspath(__file__))]
    import warnings
    warnings.filterwarnings("ignore")

    from compressai.models import MeanScaleHyperprior, ScaleHyperprior
    from compressai.models.base import get_scale_table
    from compressai.ops import compute_padding
    from neuralcompression.models import HiFiCAutoencoder
    from export_compressai import HyperpriorExport
    from export_msillm import MsIllmExport
    from learned_export_common import check_round_trip, describe, entropy_tables, save

    torch.set_num_threads(1)
    os.makedirs(args.output, exist_ok=True)
    image8 = seeded_image(7)
    with open(os.path.join(args.output, "image.rgb"), "wb") as f:
        f.write(image8.numpy().tobytes())
    x = (image8.to(torch.float32) / 255)[None]
    result = {"image": {"file": "image.rgb", "width": WIDTH, "height": HEIGHT, "layout": "planar RGB, 8 bits"},
              "compressai_commit": "869a9f5", "neuralcompression_commit": "8e7e90d",
              "torch": torch.__version__, "models": {}}

    def record(name, export, family, padding, quality, bottleneck, conditional, y, z, means, indexes,
               y_string, z_string, x_hat, padded):
        path = os.path.join(args.output, name + ".pt")
        tables, scale_bound = entropy_tables(bottleneck, conditional)
        describe(export, family, name + "_upstream_fixture", quality, padding, tables, scale_bound)
        scripted = torch.jit.script(export.eval())
        check_round_trip(scripted)
        save(scripted, path)
        with open(os.path.join(args.output, name + ".reconstruction.rgb"), "wb") as f:
            f.write(rgb_bytes(x_hat))
        clamped = x_hat.clamp(0, 1).to(torch.float64)
        entry = {
            "export": name + ".pt",
            "export_sha256": hashlib.sha256(open(path, "rb").read()).hexdigest(),
            "padding": padding, "padded_width": padded[1], "padded_height": padded[0],
            "latent_shape": list(y.shape[1:]), "hyper_shape": list(z.shape[1:]),
            "latent_string": y_string.hex(), "hyper_latent_string": z_string.hex(),
            "reconstruction": name + ".reconstruction.rgb",
            "reconstruction_sum": float(clamped.sum()), "reconstruction_sum_squares": float((clamped ** 2).sum()),
            "hyper_escapes": hyper_escapes(z, bottleneck),
        }
        entry.update(latent_statistics(y, means, indexes, conditional))
        result["models"][name] = entry
        print(name, {k: v for k, v in entry.items() if not k.endswith("string")})

    # CompressAI: eval_model pads centred with zeros to a multiple of 64, compresses, decompresses
    # and crops with the negative padding.
    for name, cls, seed in (("bmshj2018", ScaleHyperprior, 11), ("mbt2018_mean", MeanScaleHyperprior, 12)):
        torch.manual_seed(seed)
        gen = torch.Generator().manual_seed(seed)
        model = cls(N=6, M=8)
        scale_weights(model.g_a, 2.5, gen)
        scale_weights(model.h_a, 3.0, gen)
        scale_weights(model.h_s, 4.0, gen)
        scale_weights(model.g_s, 0.3, gen)
        perturb_bottleneck(model.entropy_bottleneck, gen)
        model = model.eval()
        model.update(scale_table=get_scale_table(*SCALE_TABLE), force=True)
        pad, unpad = compute_padding(HEIGHT, WIDTH, min_div=64)
        x_padded = F.pad(x, pad, mode="constant", value=0)
        with torch.no_grad():
            out = model.compress(x_padded)
            x_hat = F.pad(model.decompress(out["strings"], out["shape"])["x_hat"], unpad)
            # the latents compress() coded, for the statistics only
            y = model.g_a(x_padded)
            z = model.h_a(y if cls is MeanScaleHyperprior else torch.abs(y))
            z_hat = model.entropy_bottleneck.decompress(out["strings"][1], out["shape"])
            params = model.h_s(z_hat)
            scales, means = params.chunk(2, 1) if cls is MeanScaleHyperprior else (params, torch.zeros_like(params))
            indexes = model.gaussian_conditional.build_indexes(scales)
        export = HyperpriorExport(model, mean_scale=cls is MeanScaleHyperprior)
        family = "mbt2018-mean" if cls is MeanScaleHyperprior else "bmshj2018-hyperprior"
        record(name, export, family, "centred-zero", 1, model.entropy_bottleneck, model.gaussian_conditional,
               y, z, means, indexes, out["strings"][0][0], out["strings"][1][0], x_hat, x_padded.shape[-2:])

    # MS-ILLM: HiFiCAutoencoder.compress pads itself (reflection right and bottom) and
    # decompress crops.
    torch.manual_seed(13)
    gen = torch.Generator().manual_seed(13)
    latent, hyper = 8, 6
    model = HiFiCAutoencoder(latent_features=latent, hyper_features=hyper, num_residual_blocks=1)
    narrow_hific(model, (4, 6, 6, 8, 8), (8, 8, 6, 6, 4), latent)
    scale_weights(model.encoder, 2.0, gen)
    with torch.no_grad():  # the last encoder convolution sets the latent's spread
        model.encoder.blocks[-1].weight.mul_(12)
    scale_weights(model.hyper_analysis, 2.0, gen)
    scale_weights(model.hyper_synthesis_mean, 1.0, gen)
    scale_weights(model.hyper_synthesis_scale, 3.0, gen)
    scale_weights(model.decoder, 0.5, gen)
    perturb_bottleneck(model.hyper_bottleneck, gen)
    model = model.eval()
    model.update_tensor_devices("compress")  # calls update(), as HiFiCAutoencoder.compress expects
    model.update(scale_table=get_scale_table(*SCALE_TABLE), force=True)
    with torch.no_grad():
        out = model.compress(x)
        x_hat = model.decompress(out)
        x_padded = F.pad(x, (0, out.padded_size[1] - WIDTH, 0, out.padded_size[0] - HEIGHT), mode="reflect")
        y = model.encoder(x_padded)
        z = model.hyper_analysis(y)
        z_hat = model.hyper_bottleneck.decompress(out.hyper_latent_strings, z.shape[-2:])
        means = model.hyper_synthesis_mean(z_hat)
        indexes = model.latent_bottleneck.build_indexes(model.hyper_synthesis_scale(z_hat))
    record("msillm", MsIllmExport(model), "msillm", "reflect-right-bottom", 1, model.hyper_bottleneck,
           model.latent_bottleneck, y, z, means, indexes, out.latent_strings[0], out.hyper_latent_strings[0],
           x_hat, tuple(out.padded_size))

    with open(os.path.join(args.output, "upstream.json"), "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
