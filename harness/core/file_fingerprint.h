// Content fingerprints of the files a result depends on (model files, model directories), for
// cache keys: replacing a file's bytes changes its fingerprint even when its size and
// modification time are kept.
#pragma once

#include <string>

namespace tgvc {

// One line naming what `path` holds:
//   "absent"                          nothing there (or it cannot be examined)
//   "file sha256=<hex>"               a regular file (symbolic links followed)
//   "directory files=<n> sha256=<hex>" every regular file under the directory, recursively, in
//                                     byte order of their relative names: SHA-256 over
//                                     "<relative name>\0<file's sha256>\n" per file
//   "other"                           a device, pipe or socket (never read: it could block)
// A file's SHA-256 is computed once per process for each (path, size, modification time, change
// time, inode): a run hashes each model once, and a file rewritten in place still changes its
// change time. Throws InputError when a file that is there cannot be read. Thread-safe.
std::string content_fingerprint(const std::string& path);

}  // namespace tgvc
