// What a run leaves behind when it is ended by SIGTERM, SIGINT or SIGHUP (a Slurm time limit or
// scancel, Ctrl-C): nothing. The programs it runs have process groups of their own, which the
// terminal's Ctrl-C and a plain kill do not reach, and its work dirs would outlive it.
#pragma once

namespace tgvc {

// Blocks those signals in the calling thread and starts a thread that waits for them: on one, it
// kills every running program's group (subprocess.h), removes every live TempDir (temp_dir.h) and
// ends the process by that signal. Call it in main() before any other thread starts, so that
// every thread inherits the blocked signals (programs start with none blocked).
void clean_up_on_termination();

}  // namespace tgvc
