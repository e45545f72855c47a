#!/usr/bin/env python3
"""Exports CoTracker3 (offline) to TorchScript for T-GVC's TorchScript tracker.

usage: export_cotracker3.py --checkpoint scaled_offline.pth --output cotracker3_offline.pt
                            [--frames 30] [--height 320] [--width 512] [--points 4096]

Needs Python with torch and the co-tracker package (github.com/facebookresearch/co-tracker);
tgvc-bench needs neither. The output's call contract:
    forward(video: float32 [1, T, 3, H, W] in 0..255, queries: float32 [1, N, 3] as (t, x, y))
      -> (tracks float32 [1, T, N, 2] in pixels, visibility float32 [1, T, N] in {0, 1})
CoTracker's predictor is traced, so the export is for one (T, H, W, N); they are stored as the
attributes frames, height, width and points, and the tracker adapter must call it with those
(export once per clip length it needs). A file OUTPUT.sha256 records the output's digest, which
tgvc-bench checks before loading. `tgvc-bench models fetch cotracker3-offline` downloads and
verifies the checkpoint and prints this command.
"""
import argparse
import hashlib

import torch


class Tracker(torch.nn.Module):
    frames: int
    height: int
    width: int
    points: int

    def __init__(self, traced, frames, height, width, points):
        super().__init__()
        self.traced = traced
        self.frames, self.height, self.width, self.points = frames, height, width, points

    def forward(self, video: torch.Tensor, queries: torch.Tensor):
        return self.traced(video, queries)


class Predict(torch.nn.Module):
    def __init__(self, predictor):
        super().__init__()
        self.predictor = predictor

    def forward(self, video, queries):
        tracks, visibility = self.predictor(video, queries=queries)
        return tracks.float(), visibility.float()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--checkpoint', required=True)
    parser.add_argument('--output', required=True)
    parser.add_argument('--frames', type=int, default=30)
    parser.add_argument('--height', type=int, default=320)
    parser.add_argument('--width', type=int, default=512)
    parser.add_argument('--points', type=int, default=4096)
    args = parser.parse_args()

    from cotracker.predictor import CoTrackerPredictor
    predictor = CoTrackerPredictor(checkpoint=args.checkpoint, offline=True, window_len=60).eval()
    g = torch.Generator().manual_seed(0)
    video = torch.rand(1, args.frames, 3, args.height, args.width, generator=g) * 255
    queries = torch.cat([torch.zeros(1, args.points, 1),
                         torch.rand(1, args.points, 1, generator=g) * (args.width - 1),
                         torch.rand(1, args.points, 1, generator=g) * (args.height - 1)], dim=2)
    with torch.no_grad():
        traced = torch.jit.trace(Predict(predictor), (video, queries), check_trace=False)
        module = torch.jit.script(Tracker(traced, args.frames, args.height, args.width, args.points))
        want, got = Predict(predictor)(video, queries), module(video, queries)
        err = (want[0] - got[0]).abs().max().item()
    if err > 1e-3:
        raise SystemExit('the exported tracker differs from co-tracker by %g pixels' % err)
    module.save(args.output)
    digest = hashlib.sha256(open(args.output, 'rb').read()).hexdigest()
    with open(args.output + '.sha256', 'w') as f:
        f.write('%s  %s\n' % (digest, args.output.rsplit('/', 1)[-1]))
    print('wrote %s (%d frames of %dx%d, %d points, SHA-256 %s)' % (args.output, args.frames, args.width,
                                                                    args.height, args.points, digest))


if __name__ == '__main__':
    main()
