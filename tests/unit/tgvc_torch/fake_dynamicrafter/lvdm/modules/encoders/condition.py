"""Tiny stand-ins for the OpenCLIP text and image encoders; like the real ones they keep a
`device` fixed at construction."""
import torch

from lvdm.zero_init import zero_parameters


class FrozenOpenCLIPEmbedder(torch.nn.Module):
    def __init__(self, tokens=7, width=16, device='cuda'):
        super().__init__()
        self.device = device
        self.tokens = tokens
        self.token_embedding = torch.nn.Embedding(128, width)
        zero_parameters(self)

    def encode(self, text):
        ids = torch.zeros(len(text), self.tokens, dtype=torch.long)
        for i, s in enumerate(text):
            for j, ch in enumerate(s[: self.tokens - 1]):
                ids[i, j + 1] = ord(ch) % 128
        return self.token_embedding(ids.to(self.device))

    def forward(self, text):
        return self.encode(text)


class FrozenOpenCLIPImageEmbedderV2(torch.nn.Module):
    def __init__(self, width=16, device='cuda'):
        super().__init__()
        self.device = device
        self.proj = torch.nn.Linear(3, width)
        zero_parameters(self)

    def forward(self, image):
        tokens = torch.nn.functional.adaptive_avg_pool2d(image, 2).flatten(2).transpose(1, 2)  # [N, 4, 3]
        return self.proj(tokens)
