#include "harness/core/subprocess.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <set>

#include <fmt/format.h>

#include "harness/core/error.h"

extern char** environ;

namespace tgvc {
namespace {

using Clock = std::chrono::steady_clock;

// The process groups of the programs running now. A group is added under the lock with its
// spawn and removed before its leader is reaped, so a group in the set is never a reused id.
struct RunningGroups {
  std::mutex mutex;
  std::set<pid_t> leaders;
};

RunningGroups& running_groups() {
  static RunningGroups* groups = new RunningGroups;  // never destroyed: see kill_running_programs
  return *groups;
}

bool is_executable_file(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

// Keeps (at least) the last `limit` bytes appended, all of them when `limit` is 0; trimmed in
// steps so appends stay cheap.
void append_tail(std::string* tail, const char* data, size_t n, size_t limit) {
  tail->append(data, n);
  if (limit > 0 && tail->size() > 2 * limit) tail->erase(0, tail->size() - limit);
}

// The read ends of stdout and stderr; closed on scope exit.
struct Pipe {
  int fd[2] = {-1, -1};
  ~Pipe() {
    for (int f : fd) {
      if (f >= 0) ::close(f);
    }
  }
  void close_end(int i) {
    if (fd[i] >= 0) ::close(fd[i]);
    fd[i] = -1;
  }
};

std::vector<std::string> environment_with(const std::map<std::string, std::string>& env) {
  std::vector<std::string> out;
  for (char** e = environ; e && *e; ++e) {
    const std::string entry = *e;
    if (env.count(entry.substr(0, entry.find('='))) == 0) out.push_back(entry);
  }
  for (const auto& [key, value] : env) out.push_back(key + "=" + value);
  return out;
}

std::vector<char*> pointers(std::vector<std::string>& items) {
  std::vector<char*> out;
  for (std::string& s : items) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// Reads what `fd` has without blocking (after the process exited).
void drain(int fd, std::string* tail, size_t limit) {
  if (fd < 0) return;
  ::fcntl(fd, F_SETFL, O_NONBLOCK);
  char buffer[16384];
  ssize_t got = 0;
  while ((got = ::read(fd, buffer, sizeof buffer)) > 0)
    append_tail(tail, buffer, static_cast<size_t>(got), limit);
}

}  // namespace

std::string ProgramResult::what_happened(double timeout_s) const {
  if (timed_out)
    return fmt::format("ran past its timeout of {} s (killed with its process group)", timeout_s);
  if (signal != 0) return fmt::format("was killed by signal {} ({})", signal, ::strsignal(signal));
  return fmt::format("exited with status {}", exit_code);
}

std::string ProgramResult::last_lines(int lines) const {
  const bool has_stderr = err.find_first_not_of(" \n\r\t") != std::string::npos;
  const std::string& text = has_stderr ? err : out;
  const size_t end = text.find_last_not_of(" \n\r\t");
  if (end == std::string::npos) return "(no output)";
  const std::string body = text.substr(0, end + 1);
  size_t pos = body.size();
  size_t start = 0;
  for (int i = 0; i < lines; ++i) {
    const size_t nl = pos == 0 ? std::string::npos : body.rfind('\n', pos - 1);
    if (nl == std::string::npos) {
      start = 0;
      break;
    }
    pos = nl;
    start = nl + 1;
  }
  return body.substr(start);
}

std::string path_of(const std::map<std::string, std::string>& env) {
  const auto it = env.find("PATH");
  if (it != env.end()) return it->second;
  const char* path = std::getenv("PATH");
  return path ? path : "/usr/local/bin:/usr/bin:/bin";
}

std::string resolve_program(const std::string& argv0, const std::string& path_list) {
  if (argv0.empty()) return {};
  if (argv0.find('/') != std::string::npos) {
    const std::string path = std::filesystem::absolute(argv0).lexically_normal().string();
    return is_executable_file(path) ? path : std::string();
  }
  size_t start = 0;
  while (start <= path_list.size()) {
    const size_t colon = path_list.find(':', start);
    std::string dir = path_list.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
    if (dir.empty()) dir = ".";
    const std::string candidate = dir + "/" + argv0;
    if (is_executable_file(candidate))
      return std::filesystem::absolute(candidate).lexically_normal().string();
    if (colon == std::string::npos) break;
    start = colon + 1;
  }
  return {};
}

ProgramResult run_program(const ProgramRun& run) {
  if (run.argv.empty()) throw InputError("run_program", "a program to run", "an empty argv");
  ProgramResult result;
  result.program = resolve_program(run.argv[0], path_of(run.env));
  if (result.program.empty()) {
    throw InputError("program '" + run.argv[0] + "'", "an executable file (a path, or a name on PATH)",
                     "none found (PATH=" + path_of(run.env) + ")");
  }
  // Close-on-exec, so that programs other threads start at the same time do not hold our pipes.
  Pipe out, err;
  if (::pipe2(out.fd, O_CLOEXEC) != 0 || ::pipe2(err.fd, O_CLOEXEC) != 0) {
    throw Error("cannot create pipes to run " + run.argv[0] + ": " + std::strerror(errno));
  }
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attr;
  posix_spawn_file_actions_init(&actions);
  posix_spawnattr_init(&attr);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out.fd[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err.fd[1], 2);
  if (!run.workdir.empty()) posix_spawn_file_actions_addchdir_np(&actions, run.workdir.c_str());
  // A process group of its own (killed as one), default signal handling, nothing blocked.
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  for (int s : {SIGPIPE, SIGINT, SIGTERM, SIGHUP}) sigaddset(&defaults, s);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setpgroup(&attr, 0);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);

  std::vector<std::string> args = run.argv;
  std::vector<std::string> envs = environment_with(run.env);
  std::vector<char*> argv = pointers(args);
  std::vector<char*> envp = pointers(envs);
  pid_t pid = 0;
  const auto start = Clock::now();
  RunningGroups& running = running_groups();
  std::unique_lock<std::mutex> spawning(running.mutex);
  const int rc = ::posix_spawn(&pid, result.program.c_str(), &actions, &attr, argv.data(), envp.data());
  if (rc == 0) running.leaders.insert(pid);
  spawning.unlock();
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) {
    throw Error(fmt::format("cannot start {}{}: {}", result.program,
                            run.workdir.empty() ? "" : " in " + run.workdir, std::strerror(rc)));
  }
  out.close_end(1);
  err.close_end(1);

  // A pidfd turns readable when the process exits, so the loop sleeps until something happens.
  const int pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
  const auto deadline =
      start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(run.timeout_s));
  char buffer[16384];
  while (true) {
    siginfo_t info{};
    if (::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 &&
        info.si_pid == pid) {
      // Exited (not yet reaped, so its group id is still ours to kill): a child it left behind
      // could hold the pipes open forever, so the group goes, and what is in the pipes is read.
      ::kill(-pid, SIGKILL);
      drain(out.fd[0], &result.out, run.tail_bytes);
      drain(err.fd[0], &result.err, run.tail_bytes);
      break;
    }
    int wait_ms = pidfd >= 0 ? -1 : 10;
    if (run.timeout_s > 0) {
      const long long left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (left <= 0) {
        ::kill(-pid, SIGKILL);
        result.timed_out = true;
        break;
      }
      wait_ms = static_cast<int>(wait_ms < 0 ? std::min(left + 1, 1LL << 30)
                                             : std::min<long long>(left + 1, wait_ms));
    }
    pollfd fds[3];
    std::string* tails[3] = {nullptr, nullptr, nullptr};
    int n = 0;
    if (out.fd[0] >= 0) {
      tails[n] = &result.out;
      fds[n++] = {out.fd[0], POLLIN, 0};
    }
    if (err.fd[0] >= 0) {
      tails[n] = &result.err;
      fds[n++] = {err.fd[0], POLLIN, 0};
    }
    if (pidfd >= 0) fds[n++] = {pidfd, POLLIN, 0};
    if (::poll(fds, static_cast<nfds_t>(n), wait_ms) < 0 && errno != EINTR) break;
    for (int i = 0; i < n; ++i) {
      if (!tails[i] || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      const ssize_t got = ::read(fds[i].fd, buffer, sizeof buffer);
      if (got > 0) {
        append_tail(tails[i], buffer, static_cast<size_t>(got), run.tail_bytes);
      } else if (got == 0 || (errno != EINTR && errno != EAGAIN)) {
        (tails[i] == &result.out ? out : err).close_end(0);
      }
    }
  }
  {
    const std::lock_guard<std::mutex> lock(running.mutex);
    running.leaders.erase(pid);
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (pidfd >= 0) ::close(pidfd);
  result.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (!result.timed_out) {
    if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
    if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  }
  for (std::string* tail : {&result.out, &result.err}) {
    if (run.tail_bytes > 0 && tail->size() > run.tail_bytes) tail->erase(0, tail->size() - run.tail_bytes);
  }
  return result;
}

void kill_running_programs() {
  RunningGroups& running = running_groups();
  running.mutex.lock();  // kept: no program starts after this
  for (pid_t leader : running.leaders) ::kill(-leader, SIGKILL);
}

std::string this_executable() {
  std::error_code ec;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) throw Error("cannot find the running executable (/proc/self/exe): " + ec.message());
  return self.string();
}

}  // namespace tgvc
