// The diffusion generator's test modules: make_diffusion_modules.py, run once per test program with
// Debian's /usr/bin/python3 (fork/execv, no shell) into a temporary directory.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <string>

#include "codecs/tgvc/generate/diffusion_options.h"
#include "tests/unit/tgvc_torch/tgvc_torch_test_util.h"

namespace tgvc::torch_test {

// The directory the script wrote (it holds tiny/, wrong_denoiser/, ..., schedule.json); empty
// when the script failed (the caller's assertions then fail).
inline const std::string& diffusion_fixtures() {
  static ScratchDir dir;
  static const std::string path = [] {
    const std::string out = dir.file("modules");
    const std::string script =
        std::string(TGVC_SOURCE_DIR) + "/tests/unit/tgvc_torch/make_diffusion_modules.py";
    const pid_t pid = ::fork();
    if (pid == 0) {
      const char* argv[] = {"/usr/bin/python3", script.c_str(), out.c_str(), nullptr};
      ::execv(argv[0], const_cast<char* const*>(argv));
      ::_exit(127);
    }
    int status = 0;
    if (pid < 0 || ::waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      ADD_FAILURE() << "make_diffusion_modules.py failed (status " << status << ")";
      return std::string();
    }
    return out;
  }();
  return path;
}

inline std::string diffusion_dir(const std::string& variant) {
  return diffusion_fixtures() + "/" + variant;
}

// Small, fast settings on the tiny modules.
inline DiffusionOptions tiny_options(int steps = 12) {
  DiffusionOptions o;
  o.model_dir = diffusion_dir("tiny");
  o.ddim.steps = steps;
  return o;
}

}  // namespace tgvc::torch_test
