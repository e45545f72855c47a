// A model file as the LibTorch layer's runtime checks and loads it (harness/torch/runtime
// model_check): plain data that the torch-free facades fill in.
#pragma once

#include <string>

namespace tgvc {

struct ModelFile {
  std::string name;    // manifest name, e.g. "lpips-alex-backbone"; empty for a file given by path
  std::string path;    // where the file is
  std::string sha256;  // expected SHA-256 (lower-case hex); empty: not checked, only reported
  std::string fetch;   // the command that fetches it, e.g. "tgvc-bench models fetch lpips-alex"
};

}  // namespace tgvc
