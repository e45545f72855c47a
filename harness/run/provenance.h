// Where a run's numbers came from: build, libraries, config, host and time.
#pragma once

#include <map>
#include <string>

namespace tgvc {

// Library name -> version for everything that can change a number: each codec's version
// string ("codec:<id>"), each registered metric's, per-set ones included ("metric:<id>"), and
// the FFmpeg libraries that read and resize sources.
std::map<std::string, std::string> library_versions();

std::string host_name();
// Current UTC time as ISO 8601, e.g. 2026-11-26T02:15:08Z.
std::string utc_now_iso8601();

}  // namespace tgvc
