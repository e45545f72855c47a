// `tgvc-bench models list|fetch|verify|path [NAME]`: the model files of the learned metrics and
// of T-GVC's TorchScript stages (docs/models.md).
#include <cstdio>
#include <iostream>

#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include "harness/cli/commands.h"
#include "harness/core/atomic_file.h"
#include "harness/models/model_fetch.h"
#include "harness/models/model_manifest.h"
#include "harness/models/model_store.h"

namespace tgvc {

void add_models_command(CLI::App& app, int& exit_code);

namespace {

struct ModelsArgs {
  std::string name = "all";
  std::string dir;              // --dir: instead of the environment's models directory
  std::string manifest;         // --manifest: instead of the built-in one
  bool accept_license = false;  // --accept-license: fetch models whose licence must be accepted
};

ModelManifest manifest_of(const ModelsArgs& a) {
  if (a.manifest.empty()) return builtin_model_manifest();
  return parse_model_manifest(read_file(a.manifest), a.manifest);
}

std::string dir_of(const ModelsArgs& a) {
  return a.dir.empty() ? models_directory() : a.dir;
}

std::string size_text(int64_t size) {
  if (size < 0) return "?";
  if (size >= 1000000) return fmt::format("{:.0f} MB", size / 1e6);
  return fmt::format("{:.0f} kB", size / 1e3);
}

int list(const ModelsArgs& a) {
  const ModelManifest m = manifest_of(a);
  const std::string dir = dir_of(a);
  fmt::print("models directory: {}\n\n", dir);
  fmt::print("{:<26} {:<11} {:>8}  {}\n", "name", "state", "size", "used by");
  for (const ModelEntry* e : m.select(a.name)) {
    const ModelStatus s = model_status(m, *e, dir, false);
    std::string used;
    for (const std::string& u : e->used_by) used += (used.empty() ? "" : "; ") + u;
    fmt::print("{:<26} {:<11} {:>8}  {}\n", e->name, to_string(s.state), size_text(e->source.size), used);
  }
  fmt::print("\nfetch names: all");
  for (const auto& [group, members] : m.groups) fmt::print(", {}", group);
  fmt::print("; `tgvc-bench models verify` checks SHA-256 digests\n");
  return 0;
}

int fetch(const ModelsArgs& a) {
  const ModelManifest m = manifest_of(a);
  const std::string dir = dir_of(a);
  int failed = 0;
  for (const ModelEntry* e : m.select(a.name)) {
    if (e->requires_acceptance) {
      fmt::print("{}: licence {}\n", e->name, e->licence);
      if (!a.accept_license) {
        fmt::print(
            "{}: not fetched: its licence must be accepted; rerun with --accept-license to accept it\n",
            e->name);
        ++failed;
        continue;
      }
    }
    const FetchResult r = fetch_model(m, *e, dir, std::cerr);
    fmt::print("{}\n", r.message);
    if (r.outcome == FetchOutcome::kFailed) ++failed;
  }
  return failed == 0 ? 0 : 1;
}

int verify(const ModelsArgs& a) {
  const ModelManifest m = manifest_of(a);
  const std::string dir = dir_of(a);
  int bad = 0;
  for (const ModelEntry* e : m.select(a.name)) {
    const ModelStatus s = model_status(m, *e, dir, true);
    if (s.state == ModelState::kMismatch || s.state == ModelState::kUnrecorded) ++bad;
    fmt::print(
        "{:<26} {:<11} {}\n", e->name, to_string(s.state),
        s.state == ModelState::kReady ? s.path + " (SHA-256 " + s.actual.substr(0, 16) + "...)" : s.detail);
  }
  return bad == 0 ? 0 : 1;
}

int path(const ModelsArgs& a) {
  if (a.name == "all") {
    fmt::print("{}\n", dir_of(a));
    return 0;
  }
  const ModelManifest m = manifest_of(a);
  for (const ModelEntry* e : m.select(a.name)) fmt::print("{}\n", model_status(m, *e, dir_of(a), false).path);
  return 0;
}

}  // namespace

void add_models_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ModelsArgs>();
  CLI::App* cmd =
      app.add_subcommand("models", "Model files of the learned metrics and T-GVC: list, fetch, verify, path");
  cmd->require_subcommand(1);
  const auto add = [&](const char* name, const char* help, int (*run)(const ModelsArgs&)) -> CLI::App* {
    CLI::App* sub = cmd->add_subcommand(name, help);
    sub->add_option("name", args->name, "A model, a group (lpips, lpips-alex, fvd, clipsim, tgvc...) or all");
    sub->add_option("--dir", args->dir,
                    "Models directory (default: $TGVC_MODELS_DIR, $XDG_CACHE_HOME/tgvc-bench/models or "
                    "~/.cache/tgvc-bench/models)");
    sub->add_option("--manifest", args->manifest, "A manifest JSON file instead of the built-in one");
    sub->callback([args, run, &exit_code] { exit_code = run(*args); });
    return sub;
  };
  add("list", "Every model with its state, size and users", list);
  add("fetch", "Download and verify (prints the conversion step, or where to put files when offline)", fetch)
      ->add_flag("--accept-license", args->accept_license,
                 "Accept the licence of models that require it (MS-ILLM: CC-BY-NC 4.0) and fetch them");
  add("verify", "Check the SHA-256 of the files present; non-zero exit on a mismatch", verify);
  add("path", "The models directory, or the file a model is loaded from", path);
}

}  // namespace tgvc
