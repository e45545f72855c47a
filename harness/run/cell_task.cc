#include "harness/run/cell_task.h"

#include <map>
#include <mutex>
#include <optional>

#include "harness/core/atomic_file.h"
#include "harness/core/error.h"
#include "harness/core/parallel_for.h"
#include "harness/plan/plan.h"
#include "harness/results/cell_json.h"
#include "harness/run/bitstream_store.h"
#include "harness/run/cell_cache.h"
#include "harness/run/cell_key.h"
#include "harness/run/cell_runner.h"
#include "harness/run/run_directory.h"
#include "harness/run/sequence_cache.h"

namespace tgvc {

CellTaskOutcome run_cell_task(const Experiment& e, const std::string& run_dir,
                              const std::vector<size_t>& indices, int threads) {
  const std::vector<Cell> cells = make_plan(e);
  CellTaskOutcome outcome;
  std::vector<size_t> pending;
  std::vector<std::string> hashes(cells.size());
  std::vector<std::string> bitstream_keys(cells.size());
  std::vector<int> uses(e.sequences.size(), 0);
  std::map<std::string, int> bitstream_uses;
  for (size_t i : indices) {
    if (i >= cells.size()) {
      throw InputError("run-cell INDEX", "a cell index below " + std::to_string(cells.size()),
                       std::to_string(i));
    }
    hashes[i] = cell_inputs_hash(e, cells[i]);
    if (reusable_result(cell_file(run_dir, cells[i]), hashes[i])) {
      ++outcome.reused;
      continue;
    }
    pending.push_back(i);
    ++uses[cells[i].sequence];
    bitstream_keys[i] = encoder_inputs_hash(e, cells[i]);
    ++bitstream_uses[bitstream_keys[i]];
  }
  SequenceCache cache(e, uses);
  // Tasks share encoded bitstreams through the config's cache, when it names one.
  std::optional<CellCache> shared;
  if (!e.cache.empty()) shared.emplace(e.cache);
  BitstreamStore bitstreams(std::move(bitstream_uses), shared ? &*shared : nullptr);
  std::mutex mutex;
  parallel_for(static_cast<int>(pending.size()), threads, [&](int k) {
    const size_t i = pending[static_cast<size_t>(k)];
    CellWork work;
    const CellResult r =
        run_cell(e, cells[i], cache, bitstreams, bitstream_keys[i], hashes[i], run_dir, &work);
    write_file_atomically(cell_file(run_dir, cells[i]), cell_to_json(r).dump(1) + "\n");
    std::lock_guard<std::mutex> lock(mutex);
    ++outcome.run;
    outcome.failed += r.ok() ? 0 : 1;
  });
  return outcome;
}

}  // namespace tgvc
