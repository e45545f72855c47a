"""Shared by export_compressai.py and export_msillm.py: the export module of docs/learned-codecs.md
("Exports"), built around the upstream model's own stages and entropy tables."""
import hashlib
from typing import Tuple

import torch

CONTRACT_VERSION = 1


def entropy_tables(bottleneck, conditional):
    """The tables the upstream model codes with, as loaded from its checkpoint (never recomputed:
    docs/learned-codecs.md says why). CompressAI's EntropyBottleneck keeps its medians in
    quantiles[:, 0, 1] (_get_medians); GaussianConditional bounds scales with lower_bound_scale."""
    for name, module in (("entropy bottleneck", bottleneck), ("gaussian conditional", conditional)):
        if module._quantized_cdf.numel() == 0 or module._offset.numel() == 0:
            raise SystemExit(f"the {name} has no CDF tables: call the model's update() before exporting")
    return {
        "hyper_quantized_cdf": bottleneck._quantized_cdf.detach().to(torch.int32).cpu(),
        "hyper_cdf_length": bottleneck._cdf_length.detach().to(torch.int32).cpu(),
        "hyper_offset": bottleneck._offset.detach().to(torch.int32).cpu(),
        "hyper_medians": bottleneck.quantiles[:, 0, 1].detach().to(torch.float32).cpu().contiguous(),
        "latent_quantized_cdf": conditional._quantized_cdf.detach().to(torch.int32).cpu(),
        "latent_cdf_length": conditional._cdf_length.detach().to(torch.int32).cpu(),
        "latent_offset": conditional._offset.detach().to(torch.int32).cpu(),
        "scale_table": conditional.scale_table.detach().to(torch.float32).cpu(),
    }, float(conditional.lower_bound_scale.bound)


def describe(module, family: str, model_name: str, quality: int, padding: str, tables, scale_bound: float):
    """Sets the contract's attributes and table buffers on `module` (an nn.Module with the four
    exported stage methods)."""
    module.contract_version = CONTRACT_VERSION
    module.family = family
    module.model_name = model_name
    module.quality = quality
    module.multiple = 64
    module.padding = padding
    module.scale_bound = scale_bound
    for name, tensor in tables.items():
        module.register_buffer(name, tensor)


def check_round_trip(module, image_size: Tuple[int, int] = (128, 192)):
    """Runs the scripted stages once on a seeded image, so that a broken export fails here."""
    g = torch.Generator().manual_seed(0)
    x = torch.rand((1, 3) + image_size, generator=g)
    with torch.no_grad():
        y = module.analysis(x)
        z = module.hyper_analysis(y)
        scales, means = module.hyper_synthesis(torch.round(z))
        if scales.shape != y.shape or means.shape != y.shape:
            raise SystemExit(f"hyper_synthesis gives {tuple(scales.shape)}, {tuple(means.shape)} for y {tuple(y.shape)}")
        x_hat = module.synthesis(torch.round(y - means) + means)
        if x_hat.shape != x.shape:
            raise SystemExit(f"synthesis gives {tuple(x_hat.shape)} for {tuple(x.shape)}")


def save(scripted, output: str):
    scripted.save(output)
    digest = hashlib.sha256(open(output, "rb").read()).hexdigest()
    with open(output + ".sha256", "w") as f:
        f.write(f"{digest}  {output.rsplit('/', 1)[-1]}\n")
    print(f"wrote {output} (SHA-256 {digest}) and {output}.sha256")
