#include "codecs/tgvc/generate/generators.h"

#include <algorithm>

#include "harness/core/error.h"

namespace tgvc {

const std::vector<std::string>& generator_names() {
  static const std::vector<std::string> names = {"blend", "warp", "diffusion"};
  return names;
}

const std::string& default_generator() {
  static const std::string name = "warp";  // beats blend at the same bitstream (docs/tgvc.md, "Generators")
  return name;
}

void check_generator(const std::string& generator, const std::string& where) {
  const std::vector<std::string>& names = generator_names();
  if (std::find(names.begin(), names.end(), generator) == names.end()) {
    throw InputError(where, "a generator: blend, warp or diffusion", "'" + generator + "'");
  }
}

}  // namespace tgvc
