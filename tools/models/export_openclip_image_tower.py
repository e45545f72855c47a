#!/usr/bin/env python3
"""Exports an OpenCLIP image tower to TorchScript for tgvc-bench (CLIP-SIM, T-GVC's embedder).

usage: export_openclip_image_tower.py --checkpoint open_clip_pytorch_model.bin --output tower.pt
                                      [--model ViT-H-14]

Needs Python with torch and open_clip_torch (pip install open_clip_torch); tgvc-bench itself
needs neither. The output maps normalised images [B, 3, S, S] (float32) to embeddings [B, D] and
carries its preprocessing as attributes that tgvc-bench reads: image_size (S), image_mean and
image_std. A file OUTPUT.sha256 (sha256sum format) records the output's digest, which tgvc-bench
checks before every load: exports are not byte-reproducible across torch versions, so the digest
is the one of your export. `tgvc-bench models fetch clipsim` downloads and verifies the
checkpoint and prints this command.
"""
import argparse
import hashlib
from typing import List

import torch


class ImageTower(torch.nn.Module):
    image_size: int
    image_mean: List[float]
    image_std: List[float]

    def __init__(self, visual, size, mean, std):
        super().__init__()
        self.visual = visual
        self.image_size = size
        self.image_mean = mean
        self.image_std = std

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.visual(x)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--checkpoint', required=True, help='open_clip_pytorch_model.bin of the pretrained weights')
    parser.add_argument('--output', required=True)
    parser.add_argument('--model', default='ViT-H-14')
    args = parser.parse_args()

    import open_clip
    model, _, _ = open_clip.create_model_and_transforms(args.model, pretrained=args.checkpoint)
    model = model.eval().float()
    visual = model.visual
    size = visual.image_size[0] if isinstance(visual.image_size, (tuple, list)) else int(visual.image_size)
    mean = list(getattr(visual, 'image_mean', None) or open_clip.OPENAI_DATASET_MEAN)
    std = list(getattr(visual, 'image_std', None) or open_clip.OPENAI_DATASET_STD)

    example = torch.randn(2, 3, size, size)
    with torch.no_grad():
        traced = torch.jit.trace(visual, example)
        tower = torch.jit.script(ImageTower(traced, size, [float(m) for m in mean], [float(s) for s in std]))
        check = torch.randn(3, 3, size, size)
        err = (tower(check) - visual(check)).abs().max().item()
    if err > 1e-4:
        raise SystemExit('the exported tower differs from open_clip by %g' % err)
    tower.save(args.output)

    digest = hashlib.sha256(open(args.output, 'rb').read()).hexdigest()
    with open(args.output + '.sha256', 'w') as f:
        f.write('%s  %s\n' % (digest, args.output.rsplit('/', 1)[-1]))
    print('wrote %s (image size %d, mean %s, std %s, SHA-256 %s)' % (args.output, size, mean, std, digest))


if __name__ == '__main__':
    main()
