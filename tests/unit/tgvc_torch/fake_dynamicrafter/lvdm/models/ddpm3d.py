"""A tiny LatentVisualDiffusion with the attributes the export reads."""
import torch

from utils.utils import instantiate_from_config


class DiffusionWrapper(torch.nn.Module):
    def __init__(self, diff_model_config, conditioning_key):
        super().__init__()
        self.diffusion_model = instantiate_from_config(diff_model_config)
        self.conditioning_key = conditioning_key


class LatentVisualDiffusion(torch.nn.Module):
    def __init__(self, unet_config, first_stage_config, cond_stage_config, img_cond_stage_config,
                 image_proj_stage_config, conditioning_key='hybrid', uncond_type='empty_seq', scale_factor=0.18215):
        super().__init__()
        self.model = DiffusionWrapper(unet_config, conditioning_key)
        self.first_stage_model = instantiate_from_config(first_stage_config).eval()
        self.cond_stage_model = instantiate_from_config(cond_stage_config).eval()
        self.embedder = instantiate_from_config(img_cond_stage_config).eval()
        self.image_proj_model = instantiate_from_config(image_proj_stage_config)
        self.uncond_type = uncond_type
        self.scale_factor = scale_factor

    def get_learned_conditioning(self, c):
        return self.cond_stage_model.encode(c)
