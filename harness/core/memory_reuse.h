// How the process's allocator treats freed memory. Encoders and metrics allocate and free whole
// frames all the time (planes of 0.1-6 MB); glibc's defaults hand such blocks back to the kernel
// (munmap, heap trimming), and the next frame faults every page in again. Those page faults were
// 7% of a T-GVC encode of real footage (docs/performance.md, "Freed frames kept for reuse").
#pragma once

namespace tgvc {

// Keeps freed memory in the process for reuse: blocks below 32 MB come from the heap instead of
// their own mappings, and a heap is trimmed only when over 1 GB of it lies free at its top. The
// resident size then stays at its peak until exit. Changes nothing where the C library is not
// glibc. Call it in main() before the work starts; it applies to every thread's allocations.
void keep_freed_memory_for_reuse();

}  // namespace tgvc
