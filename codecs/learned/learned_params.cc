#include "codecs/learned/learned_params.h"

namespace tgvc {

const EnumNames<LearnedDevice>& learned_device_names() {
  static const EnumNames<LearnedDevice> names = {{LearnedDevice::kCpu, "cpu"},
                                                 {LearnedDevice::kCuda, "cuda"}};
  return names;
}

const ParamTable<LearnedParams>& learned_param_table() {
  using Row = ParamRow<LearnedParams>;
  static const ParamTable<LearnedParams> table({
      Row("model", &LearnedParams::model)
          .help("a manifest model (msillm-q1, bmshj2018-hyperprior-mse-q3), a family with quality "
                "(msillm, mbt2018-mean-mse, ...), or an export file (docs/learned-codecs.md)"),
      Row("quality", &LearnedParams::quality)
          .range(1, 8)
          .help("with a family: the model <model>-q<quality>; otherwise, when set, must equal the export's"),
      Row("device", &LearnedParams::device, learned_device_names())
          .help("where the networks run; encode and decode must use the same device and build"),
  });
  return table;
}

}  // namespace tgvc
