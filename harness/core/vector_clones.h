// Marks a hot loop's function to be compiled twice, for AVX2 and for the baseline, with the CPU
// choosing at load time: the build targets baseline x86-64, which has only 128-bit vectors. The
// clones run the same operations in the same order (no FMA), so results are identical.
#pragma once

#if defined(__x86_64__) && defined(__ELF__) && (defined(__GNUC__) || defined(__clang__))
#define TGVC_VECTOR_CLONES __attribute__((target_clones("avx2", "default")))
// For a template body that must be compiled inside each clone rather than called from it.
#define TGVC_INLINE_INTO_CLONES [[gnu::always_inline]] inline
#else
#define TGVC_VECTOR_CLONES
#define TGVC_INLINE_INTO_CLONES inline
#endif
