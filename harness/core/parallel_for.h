// Runs independent tasks on a few threads: the caller's and up to threads - 1 more.
#pragma once

#include <functional>

namespace tgvc {

// The default thread count of commands that take --threads: the machine's cores
// (std::thread::hardware_concurrency), or 1 when the machine does not say.
int default_thread_count();

// Calls body(i) once for every i in [0, count), on at most `threads` threads (values below 1 count
// as 1; with 1, or one task, everything runs on the calling thread, in order). Tasks are taken in
// index order by whichever thread is free, so the body must not depend on which thread runs it.
// Returns once every task is done; if any task threw, rethrows the exception of the lowest index.
void parallel_for(int count, int threads, const std::function<void(int)>& body);

}  // namespace tgvc
