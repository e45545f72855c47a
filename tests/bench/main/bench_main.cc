// The main() of every benchmark program: Google Benchmark's, after the allocator setting that
// tgvc-bench's main() makes (memory_reuse.h), so that timings include it as the product runs.
#include <benchmark/benchmark.h>

#include "harness/core/memory_reuse.h"

int main(int argc, char** argv) {
  tgvc::keep_freed_memory_for_reuse();
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
