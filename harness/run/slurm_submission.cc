#include "harness/run/slurm_submission.h"

#include <filesystem>

#include <nlohmann/json.hpp>

#include "harness/core/atomic_file.h"
#include "harness/core/error.h"

namespace tgvc {
namespace {

namespace fs = std::filesystem;

std::string submission_file(const std::string& run_dir) {
  return (fs::path(slurm_dir(run_dir)) / "submission.json").string();
}

}  // namespace

std::vector<std::string> SlurmSubmission::job_ids() const {
  std::vector<std::string> ids;
  for (const SlurmArray& a : arrays) {
    if (!a.job_id.empty()) ids.push_back(a.job_id);
  }
  if (!finalize_job_id.empty()) ids.push_back(finalize_job_id);
  return ids;
}

std::string slurm_dir(const std::string& run_dir) {
  return (fs::path(run_dir) / "slurm").string();
}

void write_submission(const std::string& run_dir, const SlurmSubmission& s) {
  nlohmann::json arrays = nlohmann::json::array();
  for (const SlurmArray& a : s.arrays)
    arrays.push_back({{"job_id", a.job_id}, {"gpu", a.gpu}, {"tasks", a.tasks}});
  const nlohmann::json j = {{"config_path", s.config_path},
                            {"submitted_utc", s.submitted_utc},
                            {"submitted_unix_s", s.submitted_unix_s},
                            {"cells", s.cells},
                            {"reused", s.reused},
                            {"tool_version", s.tool_version},
                            {"git_commit", s.git_commit},
                            {"command_line", s.command_line},
                            {"arrays", arrays},
                            {"finalize_job_id", s.finalize_job_id}};
  fs::create_directories(slurm_dir(run_dir));
  write_file_atomically(submission_file(run_dir), j.dump(1) + "\n");
}

bool has_submission(const std::string& run_dir) {
  return fs::exists(submission_file(run_dir));
}

SlurmSubmission read_submission(const std::string& run_dir) {
  const std::string path = submission_file(run_dir);
  if (!fs::exists(path)) {
    throw InputError(path, "the record of a run submitted with --executor slurm", "no such file");
  }
  try {
    const nlohmann::json j = nlohmann::json::parse(read_file(path));
    SlurmSubmission s;
    s.config_path = j.at("config_path").get<std::string>();
    s.submitted_utc = j.at("submitted_utc").get<std::string>();
    s.submitted_unix_s = j.at("submitted_unix_s").get<double>();
    s.cells = j.at("cells").get<int>();
    s.reused = j.at("reused").get<int>();
    s.tool_version = j.at("tool_version").get<std::string>();
    s.git_commit = j.at("git_commit").get<std::string>();
    s.command_line = j.at("command_line").get<std::string>();
    for (const nlohmann::json& a : j.at("arrays")) {
      SlurmArray array;
      array.job_id = a.at("job_id").get<std::string>();
      array.gpu = a.at("gpu").get<bool>();
      array.tasks = a.at("tasks").get<std::vector<std::vector<size_t>>>();
      s.arrays.push_back(std::move(array));
    }
    s.finalize_job_id = j.at("finalize_job_id").get<std::string>();
    return s;
  } catch (const nlohmann::json::exception& e) {
    throw InputError(path, "a submission record written by tgvc-bench run --executor slurm", e.what());
  }
}

Experiment load_submitted_experiment(const std::string& run_dir, const SlurmSubmission& submission) {
  return parse_experiment(read_file((fs::path(run_dir) / "config.yaml").string()), submission.config_path);
}

}  // namespace tgvc
