#include "harness/core/memory_reuse.h"

#include <malloc.h>

#include <cstdlib>
#include <cstring>

#include <gtest/gtest.h>

namespace tgvc {
namespace {

// ctest runs each test in a process of its own, where glibc would map a 24 MB block by itself and
// unmap it on free (its threshold starts at 128 kB). After the call the block comes from the heap
// and stays there, free, for the next one: no mapping and no trim, round after round.
TEST(MemoryReuse, FreedFramesStayInTheHeapForTheNextOne) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "AddressSanitizer replaces glibc's allocator";
#endif
  keep_freed_memory_for_reuse();
  constexpr size_t kBlock = 24u << 20;
  const size_t mappings = mallinfo2().hblks;
  for (int round = 0; round < 3; ++round) {
    void* block = std::malloc(kBlock);
    ASSERT_NE(block, nullptr);
    std::memset(block, round, kBlock);
    EXPECT_EQ(mallinfo2().hblks, mappings) << "round " << round << ": the block got a mapping of its own";
    std::free(block);
    EXPECT_GE(mallinfo2().keepcost, kBlock) << "round " << round << ": the heap was trimmed";
  }
}

}  // namespace
}  // namespace tgvc
