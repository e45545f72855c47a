// The tgvc-bench subcommands. Each registers itself on the CLI11 app and stores the exit code
// its callback produces in `exit_code`.
#pragma once

#include <CLI/CLI.hpp>

namespace tgvc {

void add_run_command(CLI::App& app, int& exit_code);
void add_measure_command(CLI::App& app, int& exit_code);
void add_list_command(CLI::App& app, int& exit_code);
void add_compare_command(CLI::App& app, int& exit_code);
void add_bd_command(CLI::App& app, int& exit_code);
void add_report_command(CLI::App& app, int& exit_code);
void add_tgvc_commands(CLI::App& app, int& exit_code);  // encode and decode
void add_inspect_command(CLI::App& app, int& exit_code);
void add_models_command(CLI::App& app, int& exit_code);
// run-cell, finalize, status and cancel: the commands around a Slurm run.
void add_slurm_commands(CLI::App& app, int& exit_code);
void add_cache_command(CLI::App& app, int& exit_code);  // stats and prune

// The version line: tool version and the git commit it was built from.
std::string version_text();
std::string git_commit();

}  // namespace tgvc
