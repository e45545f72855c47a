"""DynamiCrafter's utils/utils.py: the config-to-object helper."""
import importlib


def get_obj_from_str(string):
    module, cls = string.rsplit('.', 1)
    return getattr(importlib.import_module(module, package=None), cls)


def instantiate_from_config(config):
    if 'target' not in config:
        raise KeyError('Expected key `target` to instantiate.')
    return get_obj_from_str(config['target'])(**config.get('params', dict()))
