"""A tiny AutoencoderKL: one 8x8 patch convolution each way."""
import torch

from lvdm.zero_init import zero_parameters


class DiagonalGaussianDistribution:
    def __init__(self, parameters):
        self.mean, self.logvar = torch.chunk(parameters, 2, dim=1)


class AutoencoderKL(torch.nn.Module):
    def __init__(self, embed_dim=4):
        super().__init__()
        self.encoder = torch.nn.Conv2d(3, 2 * embed_dim, kernel_size=8, stride=8)
        self.decoder = torch.nn.ConvTranspose2d(embed_dim, 3, kernel_size=8, stride=8)
        zero_parameters(self)

    def encode(self, x):
        return DiagonalGaussianDistribution(self.encoder(x))

    def decode(self, z):
        return torch.tanh(self.decoder(z))
