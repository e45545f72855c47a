// libtgvc_torch.so's one entry point: the table of its parts (harness/torch/api/torch_plugin.h).

#include "harness/torch/api/torch_plugin.h"
#include "harness/torch/codecs/codecs_part.h"
#include "harness/torch/metrics/metrics_part.h"
#include "harness/torch/runtime/torch_runtime.h"
#include "harness/torch/tgvc/tgvc_part.h"

extern "C" const tgvc::PluginTableHeader* tgvc_torch_entry(int abi_version) {
  // A caller built for another table layout gets only the header: the loader names both versions.
  static const tgvc::PluginTableHeader refusal{tgvc::kTorchPluginAbiVersion};
  if (abi_version != tgvc::kTorchPluginAbiVersion) return &refusal;
  static const tgvc::TorchPlugin table{
      refusal,
      &tgvc::learned_metrics_part(),
      &tgvc::tgvc_models_part(),
      &tgvc::learned::learned_codecs_part(),
  };
  tgvc::init_torch_threads();
  return &table.header;
}
