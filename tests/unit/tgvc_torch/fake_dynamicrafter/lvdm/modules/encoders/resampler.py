"""A tiny Resampler: learned queries attend to the image tokens."""
import torch

from lvdm.zero_init import zero_parameters


class Resampler(torch.nn.Module):
    def __init__(self, dim=16, num_queries=4):
        super().__init__()
        self.queries = torch.nn.Parameter(torch.empty(1, num_queries, dim))
        self.proj_in = torch.nn.Linear(dim, dim)
        zero_parameters(self)

    def forward(self, x):
        x = self.proj_in(x)
        weights = torch.softmax(self.queries @ x.transpose(1, 2), dim=-1)
        return self.queries + weights @ x
