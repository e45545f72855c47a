#include <string>

#include "git_commit.h"  // generated at build time
#include "harness/cli/commands.h"

namespace tgvc {

std::string git_commit() {
  return TGVC_GIT_COMMIT;
}

std::string version_text() {
  return std::string("tgvc-bench ") + TGVC_VERSION + " (git " + TGVC_GIT_COMMIT + ")";
}

}  // namespace tgvc
