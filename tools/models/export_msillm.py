#!/usr/bin/env python3
"""Exports an MS-ILLM model (facebookresearch/NeuralCompression) to the learned codec's TorchScript
contract (docs/learned-codecs.md, "Exports").

usage: export_msillm.py --model msillm_quality_1..6|msillm_quality_vlo1|msillm_quality_vlo2
                        --checkpoint FILE.ckpt --output FILE.pt

Run once by a user with Python, torch, compressai and neuralcompression (the checkpoint comes from
`tgvc-bench models fetch msillm-q1 --accept-license`; the weights are CC-BY-NC 4.0). The model is
NeuralCompression's HiFiCAutoencoder with the checkpoint's state_dict, put into its compress setting
(update_tensor_devices("compress"), which calls CompressAI's update() as HiFiCAutoencoder.compress
expects). The stages follow HiFiCAutoencoder.compress/decompress: analysis = encoder, hyper_analysis
= hyper_analysis (on y itself), hyper_synthesis = (hyper_synthesis_scale, hyper_synthesis_mean) of
the decoded hyper-latent, synthesis = decoder; the hyper-latent is coded by hyper_bottleneck (an
EntropyBottleneck) and the latent by latent_bottleneck (a GaussianConditional with means). The
encoder's ChannelNorm (torch.var's unbiased estimator, eps 1e-3) is scripted as the package defines
it. Padding: pad_image_to_factor's reflection at the right and bottom to a multiple of 64.
A file OUTPUT.sha256 records the export's digest.
"""
import argparse
import os
import sys
from typing import Tuple

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from learned_export_common import check_round_trip, describe, entropy_tables, save  # noqa: E402

# NeuralCompression's zoo: model name -> the weights it loads (neuralcompression/zoo/_msillm.py).
QUALITIES = {
    "msillm_quality_vlo1": 0,
    "msillm_quality_vlo2": 0,
    "msillm_quality_1": 1,
    "msillm_quality_2": 2,
    "msillm_quality_3": 3,
    "msillm_quality_4": 4,
    "msillm_quality_5": 5,
    "msillm_quality_6": 6,
}


class MsIllmExport(torch.nn.Module):
    def __init__(self, model):
        super().__init__()
        self.encoder = model.encoder
        self.hyper_analysis_net = model.hyper_analysis
        self.hyper_synthesis_mean = model.hyper_synthesis_mean
        self.hyper_synthesis_scale = model.hyper_synthesis_scale
        self.decoder = model.decoder

    @torch.jit.export
    def analysis(self, x: torch.Tensor) -> torch.Tensor:
        return self.encoder(x)

    @torch.jit.export
    def hyper_analysis(self, y: torch.Tensor) -> torch.Tensor:
        return self.hyper_analysis_net(y)

    @torch.jit.export
    def hyper_synthesis(self, z_hat: torch.Tensor) -> Tuple[torch.Tensor, torch.Tensor]:
        return self.hyper_synthesis_scale(z_hat), self.hyper_synthesis_mean(z_hat)

    @torch.jit.export
    def synthesis(self, y_hat: torch.Tensor) -> torch.Tensor:
        return self.decoder(y_hat)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.analysis(x)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--model", required=True, choices=sorted(QUALITIES))
    parser.add_argument("--checkpoint", required=True)
    parser.add_argument("--output", required=True)
    args = parser.parse_args()

    from neuralcompression.models import HiFiCAutoencoder

    model = HiFiCAutoencoder()
    model.load_state_dict(torch.load(args.checkpoint, map_location="cpu"))
    model = model.eval()
    model.update_tensor_devices("compress")
    tables, scale_bound = entropy_tables(model.hyper_bottleneck, model.latent_bottleneck)
    export = MsIllmExport(model)
    describe(export, "msillm", args.model, QUALITIES[args.model], "reflect-right-bottom", tables, scale_bound)
    scripted = torch.jit.script(export.eval())
    check_round_trip(scripted)
    save(scripted, args.output)


if __name__ == "__main__":
    main()
