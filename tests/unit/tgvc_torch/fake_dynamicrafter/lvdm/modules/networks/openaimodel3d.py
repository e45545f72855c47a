"""A tiny UNetModel with DynamiCrafter's call signature: forward(x, timesteps, context, fs)."""
import math

import torch

from lvdm.zero_init import zero_parameters


def timestep_embedding(timesteps, dim):
    half = dim // 2
    freqs = torch.exp(-math.log(10000) * torch.arange(half, dtype=torch.float32, device=timesteps.device) / half)
    args = timesteps[:, None].float() * freqs[None]
    return torch.cat([torch.cos(args), torch.sin(args)], dim=-1)


class UNetModel(torch.nn.Module):
    def __init__(self, in_channels=8, out_channels=4, model_channels=8, context_dim=16, use_checkpoint=False):
        super().__init__()
        self.model_channels = model_channels
        self.use_checkpoint = use_checkpoint
        self.conv = torch.nn.Conv3d(in_channels, out_channels, kernel_size=(1, 3, 3), padding=(0, 1, 1))
        self.time_embed = torch.nn.Linear(model_channels, out_channels)
        self.context_embed = torch.nn.Linear(context_dim, out_channels)
        self.fps_embedding = torch.nn.Linear(model_channels, out_channels)
        zero_parameters(self)

    def forward(self, x, timesteps, context=None, fs=None):
        shift = self.time_embed(timestep_embedding(timesteps, self.model_channels))
        shift = shift + self.context_embed(context.mean(dim=1))
        shift = shift + self.fps_embedding(timestep_embedding(fs, self.model_channels))
        return self.conv(x) + shift[:, :, None, None, None]
