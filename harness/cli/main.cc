// tgvc-bench: the only place that prints errors and chooses exit codes.
#include <cstdio>
#include <exception>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "harness/cli/commands.h"
#include "harness/core/error.h"
#include "harness/core/memory_reuse.h"
#include "harness/core/termination.h"

int main(int argc, char** argv) {
  tgvc::keep_freed_memory_for_reuse();
  tgvc::clean_up_on_termination();  // before any other thread starts
  CLI::App app{"tgvc-bench: evaluation harness for generative video coding at ultra-low bitrates"};
  app.set_version_flag("--version", tgvc::version_text());
  app.require_subcommand(1);
  int exit_code = 0;
  tgvc::add_run_command(app, exit_code);
  tgvc::add_measure_command(app, exit_code);
  tgvc::add_list_command(app, exit_code);
  tgvc::add_compare_command(app, exit_code);
  tgvc::add_bd_command(app, exit_code);
  tgvc::add_report_command(app, exit_code);
  tgvc::add_tgvc_commands(app, exit_code);
  tgvc::add_inspect_command(app, exit_code);
  tgvc::add_models_command(app, exit_code);
  tgvc::add_slurm_commands(app, exit_code);
  tgvc::add_cache_command(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const tgvc::InputError& e) {
    fmt::print(stderr, "tgvc-bench: error: {}\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    fmt::print(stderr, "tgvc-bench: error: {}\n", e.what());
    return 3;
  }
  return exit_code;
}
