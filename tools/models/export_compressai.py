#!/usr/bin/env python3
"""Exports a CompressAI hyperprior model to the learned codec's TorchScript contract
(docs/learned-codecs.md, "Exports").

usage: export_compressai.py --architecture bmshj2018-hyperprior|mbt2018-mean --metric mse|ms-ssim
                            --quality 1..8 --checkpoint FILE.pth.tar --output FILE.pt

Run once by a user with Python, torch and compressai (the checkpoint comes from `tgvc-bench models
fetch`). The model is CompressAI's own class built from the checkpoint (compressai.zoo's
load_pretrained + from_state_dict, as compressai.zoo.image does), so for the same weights and image
the codec's strings equal CompressAI's compress() strings: the stages are the model's g_a, h_a,
h_s and g_s; bmshj2018-hyperprior's hyper-analysis takes |y| and its scales are h_s(z_hat) (means
zero); mbt2018-mean's h_s(z_hat) is split with chunk(2, 1) into scales and means. The entropy tables
are the checkpoint's (_quantized_cdf, _cdf_length, _offset, quantiles, scale_table), never
recomputed. Padding: CompressAI's eval_model pads with zeros centred to a multiple of 64.
A file OUTPUT.sha256 records the export's digest.
"""
import argparse
import os
import sys
from typing import Tuple

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from learned_export_common import check_round_trip, describe, entropy_tables, save  # noqa: E402


class HyperpriorExport(torch.nn.Module):
    mean_scale: bool

    def __init__(self, model, mean_scale: bool):
        super().__init__()
        self.g_a = model.g_a
        self.h_a = model.h_a
        self.h_s = model.h_s
        self.g_s = model.g_s
        self.mean_scale = mean_scale

    @torch.jit.export
    def analysis(self, x: torch.Tensor) -> torch.Tensor:
        return self.g_a(x)

    @torch.jit.export
    def hyper_analysis(self, y: torch.Tensor) -> torch.Tensor:
        if self.mean_scale:
            return self.h_a(y)  # MeanScaleHyperprior.compress: z = h_a(y)
        return self.h_a(torch.abs(y))  # ScaleHyperprior.compress: z = h_a(torch.abs(y))

    @torch.jit.export
    def hyper_synthesis(self, z_hat: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        params = self.h_s(z_hat)
        if self.mean_scale:
            scales, means = params.chunk(2, 1)
            return scales, means
        return params, torch.zeros_like(params)

    @torch.jit.export
    def synthesis(self, y_hat: torch.Tensor) -> torch.Tensor:
        return self.g_s(y_hat)  # decompress() clamps to [0, 1]; the codec does that

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.analysis(x)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--architecture", required=True, choices=["bmshj2018-hyperprior", "mbt2018-mean"])
    parser.add_argument("--metric", required=True, choices=["mse", "ms-ssim"])
    parser.add_argument("--quality", required=True, type=int, choices=range(1, 9))
    parser.add_argument("--checkpoint", required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()

    from compressai.zoo.image import model_architectures
    from compressai.zoo.pretrained import load_pretrained

    state_dict = load_pretrained(torch.load(args.checkpoint, map_location="cpu"))
    model = model_architectures[args.architecture].from_state_dict(state_dict).eval()
    tables, scale_bound = entropy_tables(model.entropy_bottleneck, model.gaussian_conditional)
    export = HyperpriorExport(model, mean_scale=args.architecture == "mbt2018-mean")
    name = f"{args.architecture}-{args.metric}-q{args.quality}"
    describe(export, args.architecture, name, args.quality, "centred-zero", tables, scale_bound)
    scripted = torch.jit.script(export.eval())
    check_round_trip(scripted)
    save(scripted, args.output)


if __name__ == "__main__":
    main()
