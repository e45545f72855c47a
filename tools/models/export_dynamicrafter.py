#!/usr/bin/env python3
"""Exports DynamiCrafter-512 interpolation to the four TorchScript modules of T-GVC's diffusion
generator (docs/diffusion.md, "Call contract").

usage: export_dynamicrafter.py --repo DynamiCrafter --checkpoint model.ckpt --output DIR
                               [--config CONFIG.yaml] [--device cpu|cuda]
                               [--height 320] [--width 512] [--frames 16]

Needs Python with torch, a clone of github.com/Doubiiu/DynamiCrafter with its requirements
(omegaconf, einops, open_clip_torch, kornia, pytorch_lightning) and the interpolation checkpoint
(`tgvc-bench models fetch dynamicrafter-512-interp` downloads and verifies it); tgvc-bench needs
none of them. The model is loaded as the repository's scripts/evaluation/inference.py loads it
(configs/inference_512_v1.0.yaml unless --config), in float32. Writes into DIR:

    vae_encoder.pt  forward(images [N, 3, H, W] in [-1, 1]) -> the posterior's mean [N, 4, H/8, W/8]
                    (unscaled: the sampler applies the scale factor 0.18215)
    vae_decoder.pt  forward(latents [N, 4, H/8, W/8], unscaled) -> images [N, 3, H, W]
    conditioner.pt  forward(image [1, 3, H, W] in [-1, 1]) -> cat(empty prompt's text embedding,
                    image_proj(embedder(image))) [1, 77 + 256, 1024]
    denoiser.pt     forward(x [2, 4, T, h, w], t int64 [2], context [2, L, 1024],
                    concat [2, 4, T, h, w], fs int64 [2]) -> v [2, 4, T, h, w]

each with NAME.pt.sha256 (sha256sum format), which tgvc-bench checks before loading. The denoiser
and VAE are traced, so the export is for one (H, W, T); T-GVC calls them at 512x320 with T = 16.
Each traced module is compared with the model it came from on seeded inputs before it is saved.
"""
import argparse
import hashlib
import os
import sys

import torch


class VaeEncoder(torch.nn.Module):
    def __init__(self, first_stage):
        super().__init__()
        self.first_stage = first_stage

    def forward(self, images):
        return self.first_stage.encode(images).mean


class VaeDecoder(torch.nn.Module):
    def __init__(self, first_stage):
        super().__init__()
        self.first_stage = first_stage

    def forward(self, latents):
        return self.first_stage.decode(latents)


class Conditioner(torch.nn.Module):
    """The cross-attention context of DynamiCrafter's image_guided_synthesis with the empty prompt.
    Its unconditional context ('empty_seq': the empty prompt and a zero image) is this module on a
    zero image, which is how the sampler makes it."""

    def __init__(self, model):
        super().__init__()
        with torch.no_grad():
            text = model.get_learned_conditioning([""])
        self.register_buffer('text', text.detach().float())
        self.embedder = model.embedder
        self.image_proj = model.image_proj_model

    def forward(self, image):
        image_tokens = self.image_proj(self.embedder(image))
        return torch.cat([self.text.expand(image.shape[0], -1, -1), image_tokens], dim=1)


class Denoiser(torch.nn.Module):
    """DynamiCrafter's DiffusionWrapper for conditioning_key 'hybrid': the concat condition joins
    x on the channels, the context goes to cross-attention, fs to the frame-stride embedding."""

    def __init__(self, unet):
        super().__init__()
        self.unet = unet

    def forward(self, x, t, context, concat, fs):
        return self.unet(torch.cat([x, concat], dim=1), t, context=context, fs=fs)


def load_model(repo, config_path, checkpoint, device):
    sys.path.insert(0, os.path.abspath(repo))
    sys.path.insert(0, os.path.join(os.path.abspath(repo), 'scripts', 'evaluation'))
    from omegaconf import OmegaConf
    from utils.utils import instantiate_from_config
    from inference import load_model_checkpoint  # the repository's own loader (key renames, deepspeed)

    config = OmegaConf.load(config_path or os.path.join(repo, 'configs', 'inference_512_v1.0.yaml'))
    model_config = config.pop('model', OmegaConf.create())
    model_config['params']['unet_config']['params']['use_checkpoint'] = False
    model = instantiate_from_config(model_config)
    model = load_model_checkpoint(model, checkpoint)
    if model.model.conditioning_key != 'hybrid' or model.uncond_type != 'empty_seq':
        raise SystemExit('expected the interpolation model (conditioning_key hybrid, uncond_type empty_seq), '
                         'found %s, %s' % (model.model.conditioning_key, model.uncond_type))
    model = model.eval().float().to(device)
    # The text and image encoders move their inputs to a device fixed at construction ("cuda").
    for encoder in (model.cond_stage_model, model.embedder):
        if hasattr(encoder, 'device'):
            encoder.device = device
    return model


def export(module, inputs, path, tolerance):
    """Traces `module`, checks the trace against it on `inputs`, saves it with its digest."""
    with torch.no_grad():
        traced = torch.jit.trace(module, inputs, check_trace=False)
        want, got = module(*inputs), traced(*inputs)
    err = (want - got).abs().max().item()
    scale = max(want.abs().max().item(), 1e-12)
    if not err <= tolerance * scale:
        raise SystemExit('%s: the traced module differs from the model by %g (largest output %g)'
                         % (path, err, scale))
    traced.save(path)
    digest = hashlib.sha256(open(path, 'rb').read()).hexdigest()
    with open(path + '.sha256', 'w') as f:
        f.write('%s  %s\n' % (digest, os.path.basename(path)))
    print('wrote %s: output %s, traced vs model max difference %.3g, SHA-256 %s'
          % (path, tuple(got.shape), err, digest))
    return got


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--repo', required=True, help='a clone of github.com/Doubiiu/DynamiCrafter')
    parser.add_argument('--checkpoint', required=True, help='the 512 interpolation checkpoint (model.ckpt)')
    parser.add_argument('--output', required=True, help='directory for the four modules')
    parser.add_argument('--config', help='model config (default: REPO/configs/inference_512_v1.0.yaml)')
    parser.add_argument('--device', default='cpu', help='where to trace: cpu or cuda (the files run on either)')
    parser.add_argument('--height', type=int, default=320)
    parser.add_argument('--width', type=int, default=512)
    parser.add_argument('--frames', type=int, default=16)
    parser.add_argument('--frame-stride', type=int, default=5, help='fs used for the check (any works)')
    args = parser.parse_args()
    if args.height % 16 or args.width % 16:
        raise SystemExit('--height and --width must be multiples of 16 (DynamiCrafter\'s own rule)')

    device = torch.device(args.device)
    model = load_model(args.repo, args.config, args.checkpoint, device)
    os.makedirs(args.output, exist_ok=True)
    out = lambda name: os.path.join(args.output, name)
    g = torch.Generator().manual_seed(0)
    image = (torch.rand(1, 3, args.height, args.width, generator=g) * 2 - 1).to(device)
    h, w = args.height // 8, args.width // 8

    latent = export(VaeEncoder(model.first_stage_model), (image,), out('vae_encoder.pt'), 1e-4)
    export(VaeDecoder(model.first_stage_model), (latent,), out('vae_decoder.pt'), 1e-4)
    context = export(Conditioner(model), (image,), out('conditioner.pt'), 1e-4)
    uncond = Conditioner(model)(torch.zeros_like(image))
    x = torch.randn(2, 4, args.frames, h, w, generator=g).to(device)
    concat = torch.zeros(2, 4, args.frames, h, w, device=device)
    concat[:, :, 0] = latent * 0.18215
    concat[:, :, -1] = latent * 0.18215
    t = torch.tensor([999, 999], dtype=torch.int64, device=device)
    fs = torch.tensor([args.frame_stride] * 2, dtype=torch.int64, device=device)
    export(Denoiser(model.model.diffusion_model), (x, t, torch.cat([context, uncond]), concat, fs),
           out('denoiser.pt'), 1e-3)
    print('use: tgvc-bench decode CLIP.tgvc -o REC.y4m --generator diffusion --diffusion-model %s' % args.output)


if __name__ == '__main__':
    main()
