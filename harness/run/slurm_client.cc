#include "harness/run/slurm_client.h"

#include <sstream>

#include "harness/core/error.h"
#include "harness/core/subprocess.h"

namespace tgvc {
namespace {

std::string trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ' || text.back() == '\r')) text.pop_back();
  return text;
}

// The whole output (a long array's squeue listing too), no timeout: Slurm's clients retry and
// give up on their own.
ProgramResult run_client(const std::vector<std::string>& argv) {
  ProgramRun run;
  run.argv = argv;
  return run_program(run);
}

ProgramResult run_slurm(const std::vector<std::string>& argv) {
  ProgramResult out = run_client(argv);
  if (out.exit_code != 0 && out.err.find("Invalid job id") == std::string::npos) {
    throw Error(argv[0] + " failed (exit " + std::to_string(out.exit_code) +
                "): " + trimmed(out.err + out.out));
  }
  return out;
}

}  // namespace

std::string join_job_ids(const std::vector<std::string>& job_ids, char separator) {
  std::string joined;
  for (const std::string& id : job_ids) joined += (joined.empty() ? "" : std::string(1, separator)) + id;
  return joined;
}

int slurm_max_array_size() {
  const ProgramResult out = run_slurm({"scontrol", "show", "config"});
  std::istringstream lines(out.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("MaxArraySize", 0) != 0) continue;
    const size_t eq = line.find('=');
    if (eq != std::string::npos) return std::stoi(line.substr(eq + 1));
  }
  return 1001;  // Slurm's default
}

std::string slurm_submit(const std::vector<std::string>& args, const std::string& script_file) {
  std::vector<std::string> argv = {"sbatch", "--parsable"};
  argv.insert(argv.end(), args.begin(), args.end());
  argv.push_back(script_file);
  const ProgramResult out = run_client(argv);
  if (out.exit_code != 0) throw Error("sbatch refused " + script_file + ": " + trimmed(out.err + out.out));
  const std::string id = trimmed(out.out);
  return id.substr(0, id.find(';'));  // "ID;cluster" on a federation
}

std::map<std::string, std::string> slurm_queue(const std::vector<std::string>& job_ids) {
  std::map<std::string, std::string> states;
  if (job_ids.empty()) return states;
  // Only a list made entirely of unknown (long finished) jobs fails, with "Invalid job id".
  const ProgramResult out = run_slurm({"squeue", "-h", "-r", "-j", join_job_ids(job_ids), "-o", "%i %T"});
  if (out.exit_code != 0) return states;
  std::istringstream lines(out.out);
  std::string id, state;
  while (lines >> id >> state) states[id] = state;
  return states;
}

void slurm_cancel(const std::vector<std::string>& job_ids) {
  if (job_ids.empty()) return;
  std::vector<std::string> argv = {"scancel"};
  argv.insert(argv.end(), job_ids.begin(), job_ids.end());
  run_slurm(argv);
}

}  // namespace tgvc
