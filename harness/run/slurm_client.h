// The Slurm commands the executor runs (sbatch, squeue, scontrol, scancel), each from an argv
// vector, never through a shell. They find the cluster as Slurm's own clients do (SLURM_CONF).
#pragma once

#include <map>
#include <string>
#include <vector>

namespace tgvc {

// MaxArraySize of `scontrol show config`: array task ids must stay below it.
int slurm_max_array_size();

// `sbatch --parsable ARGS SCRIPT_FILE`; returns the job id. Throws Error with sbatch's message.
std::string slurm_submit(const std::vector<std::string>& args, const std::string& script_file);

// Queued and running jobs among `job_ids`, one entry per array task ("12_3" -> "RUNNING") or
// job ("13" -> "PENDING"). A job that has left the queue is absent.
std::map<std::string, std::string> slurm_queue(const std::vector<std::string>& job_ids);

// `scancel` the jobs; throws Error with scancel's message when it fails.
void slurm_cancel(const std::vector<std::string>& job_ids);

// "12,13": Slurm's list syntax.
std::string join_job_ids(const std::vector<std::string>& job_ids, char separator = ',');

}  // namespace tgvc
