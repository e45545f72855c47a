"""DynamiCrafter's scripts/evaluation/inference.py: only its checkpoint loader."""
from collections import OrderedDict

import torch


def load_model_checkpoint(model, ckpt):
    state_dict = torch.load(ckpt, map_location='cpu')
    if 'state_dict' in list(state_dict.keys()):
        model.load_state_dict(state_dict['state_dict'], strict=True)
    else:  # deepspeed
        renamed = OrderedDict()
        for key in state_dict['module'].keys():
            renamed[key[16:]] = state_dict['module'][key]
        model.load_state_dict(renamed)
    print('>>> model checkpoint loaded.')
    return model
