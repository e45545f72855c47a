// Sanitizer defaults of the test programs that load LibTorch with dlopen (unit_tgvc_torch and
// unit_learned_codec_torch; tests/CMakeLists.txt adds this file to both). Read only by
// AddressSanitizer builds (the asan preset); a release build never calls it.
//
// Why: LibTorch loaded with dlopen keeps its thread_local variables in dynamic TLS, which
// LeakSanitizer tracks per thread by intercepting __tls_get_addr. at::set_num_threads (the torch
// layer's init_torch_threads) starts and stops LibTorch's pthreadpool workers, and OpenMP's worker
// then starts on a recycled thread stack; that worker is still parked in libgomp's pool at exit,
// and GCC 12's LeakSanitizer reads a garbage dynamic-TLS record for it ("DTLS 25 at
// 0x000400001f64-0x000500003066") and its tracer dies with SIGSEGV ("Tracer caught signal 11"),
// so a test that ran one parallel LibTorch kernel (the CLIP resize and mean of
// TorchScriptEmbedder.WithoutAttributesUsesOpenClipsSizeMeanAndStd, the modules of
// DiffusionGenerator.MissingOrBrokenModulesAreInputErrorsNamingKeyAndFile, and every test of the
// learned codec's networks) failed after passing.
// Without the interception LeakSanitizer still scans every thread's stack and static TLS, and the
// heap; only LibTorch's own dynamic-TLS blocks stop being roots (its leftovers are suppressed in
// tests/lsan.supp already). LSAN_OPTIONS given at run time still apply on top of this.
extern "C" const char* __lsan_default_options() {
  return "intercept_tls_get_addr=0";
}
