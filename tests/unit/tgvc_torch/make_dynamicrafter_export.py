#!/usr/bin/python3
"""Runs tools/models/export_dynamicrafter.py on the fake DynamiCrafter tree next to this script
(unit_tgvc_torch's build runs it; see tests/CMakeLists.txt).

usage: make_dynamicrafter_export.py OUTDIR

Writes OUTDIR/model.ckpt (the fake model's parameters, seeded normal values; the fake stages start
at zero, so an export that ignored the checkpoint would decode a constant picture) and
OUTDIR/export/ (the four modules and their .sha256 files, traced at 48x64 pixels and 16 frames),
then OUTDIR/export.json: the sizes the export was made for.
"""
import json
import os
import subprocess
import sys

import torch

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.join(HERE, 'fake_dynamicrafter')
SCRIPT = os.path.join(HERE, '..', '..', '..', 'tools', 'models', 'export_dynamicrafter.py')
HEIGHT, WIDTH, FRAMES = 48, 64, 16


def write_checkpoint(path):
    sys.path.insert(0, REPO)
    from omegaconf import OmegaConf
    from utils.utils import instantiate_from_config

    config = OmegaConf.load(os.path.join(REPO, 'configs', 'inference_512_v1.0.yaml'))
    model = instantiate_from_config(config.model)
    g = torch.Generator().manual_seed(15)
    with torch.no_grad():
        for p in model.parameters():
            p.copy_(0.3 * torch.randn(p.shape, generator=g))
    torch.save({'state_dict': model.state_dict()}, path)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    checkpoint = os.path.join(out, 'model.ckpt')
    write_checkpoint(checkpoint)
    subprocess.run([sys.executable, SCRIPT, '--repo', REPO, '--checkpoint', checkpoint, '--output',
                    os.path.join(out, 'export'), '--height', str(HEIGHT), '--width', str(WIDTH), '--frames',
                    str(FRAMES)], check=True, env=dict(os.environ, PYTHONDONTWRITEBYTECODE='1'))
    with open(os.path.join(out, 'export.json'), 'w') as f:
        json.dump({'height': HEIGHT, 'width': WIDTH, 'frames': FRAMES}, f)


if __name__ == '__main__':
    main()
