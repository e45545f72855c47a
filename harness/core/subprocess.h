// Runs a program from an argv vector, never through a shell: in a given working directory, with
// variables added to the environment, stdin /dev/null, in a process group of its own so that a
// timeout kills its children too (and a child left behind when it exits); stdout and stderr read
// as they come, whole or as bounded tails. The one runner of the Slurm executor (sbatch, squeue,
// scontrol, scancel) and of external codecs (docs/codecs.md, "External codecs").
#pragma once

#include <map>
#include <string>
#include <vector>

namespace tgvc {

struct ProgramRun {
  std::vector<std::string> argv;           // argv[0]: a path, or a name looked up in PATH
  std::map<std::string, std::string> env;  // added to (or replacing in) this process's environment
  std::string workdir;                     // the program's working directory; empty: this process's
  double timeout_s = 0;                    // 0: none
  size_t tail_bytes = 0;                   // keep the last this many bytes of stdout and stderr; 0: all
};

struct ProgramResult {
  std::string program;  // the file run (argv[0] resolved)
  int exit_code = -1;   // when it exited
  int signal = 0;       // when a signal ended it
  bool timed_out = false;
  double seconds = 0;
  std::string out;  // stdout (its last tail_bytes when the run set them)
  std::string err;  // stderr, likewise
  bool ok() const { return !timed_out && signal == 0 && exit_code == 0; }
  // "exited with status 1", "was killed by signal 9 (Killed)", "ran past its timeout of 1 s
  // (killed with its process group)".
  std::string what_happened(double timeout_s) const;
  // The last `lines` lines of stderr (of stdout when stderr is empty), for error messages.
  std::string last_lines(int lines = 12) const;
};

// argv[0] as the file that would run: a name without '/' searched in `path_list` (a PATH value),
// a relative path made absolute against the current directory. Empty when there is none.
std::string resolve_program(const std::string& argv0, const std::string& path_list);

// The PATH `env` gives (its own PATH, else this process's).
std::string path_of(const std::map<std::string, std::string>& env);

// Runs `run` to its end (or its timeout). Throws InputError (where: "program 'NAME'") when
// argv[0] names no executable file, Error when the process cannot be started.
ProgramResult run_program(const ProgramRun& run);

// Kills the process group of every program run_program is running now, and starts no other:
// for the process's last moments (termination.h).
void kill_running_programs();

// The absolute path of the running executable (/proc/self/exe), so that a job runs this binary.
std::string this_executable();

}  // namespace tgvc
