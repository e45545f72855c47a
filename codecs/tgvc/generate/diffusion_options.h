// The diffusion generator's settings (docs/diffusion.md, "Settings"): decoder choices that the
// bitstream does not carry. The tgvc codec lists this table's rows among its params
// (tgvc_params.cc), copies them into Encoded::decoder_options under the same keys, and the decoder
// reads them back through the same rows.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "codecs/tgvc/generate/diffusion_schedule.h"
#include "harness/core/param_table.h"

namespace tgvc {

struct DiffusionOptions {
  // A directory holding vae_encoder.pt, vae_decoder.pt, conditioner.pt and denoiser.pt.
  std::string model_dir;
  DdimOptions ddim;  // steps 50, eta 1, guidance strength 30 at the loop index, base scale 0.7
  double cfg_scale = 7.5;
  double guidance_rescale = 0.7;
  int frame_stride = 5;  // DynamiCrafter-512 interpolation's fs
  uint32_t seed = 1;
  std::string device = "cpu";  // or cuda
};

// The keys, ranges and help of the settings; defaults from DiffusionOptions{}.
const ParamTable<DiffusionOptions>& diffusion_param_table();

// The decoder-option keys, in the order of the table.
const std::vector<std::string>& diffusion_option_keys();

// Options from decoder_options (missing keys keep their defaults; other keys are ignored).
// InputError (where + "." + key) for a value that does not parse or is out of range.
DiffusionOptions diffusion_options_from(const std::map<std::string, std::string>& options,
                                        const std::string& where);

// The same options as decoder_options entries (the model directory only when set).
std::map<std::string, std::string> diffusion_decoder_options(const DiffusionOptions& options);

}  // namespace tgvc
