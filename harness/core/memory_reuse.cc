#include "harness/core/memory_reuse.h"

#include <cstdlib>  // defines __GLIBC__ where the C library is glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace tgvc {

void keep_freed_memory_for_reuse() {
#if defined(__GLIBC__)
  // Setting either threshold turns off glibc's own adjustment of both, so both are set: the trim
  // threshold alone left every block over 128 kB in a mapping of its own (20% slower).
  mallopt(M_MMAP_THRESHOLD, 32 << 20);  // glibc's largest allowed value on 64-bit systems
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}

}  // namespace tgvc
