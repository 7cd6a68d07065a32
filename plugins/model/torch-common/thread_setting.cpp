#include "torch-common/thread_setting.hpp"

#include <dlfcn.h>
#include <malloc.h>

#include <cstdlib>
#include <mutex>
#include <stdexcept>

#include <ATen/Parallel.h>

namespace gantry::plugins::torch_backend {

namespace {

using SetThreads = void (*)(int);
using GetThreads = int (*)();

// OpenBLAS keeps its own thread pool, which at::set_num_threads does not control. Looked up at
// run time: libblas.so.3 may be the reference BLAS (or another), which has no such functions.
// The plugins are loaded with RTLD_LOCAL, so their libraries are not in the global scope:
// symbols are looked up through the already loaded libblas.so.3 (and its dependencies).
void* blas_handle() {
  static void* const handle = [] {
    void* loaded = dlopen("libblas.so.3", RTLD_LAZY | RTLD_NOLOAD);
    return loaded != nullptr ? loaded : RTLD_DEFAULT;
  }();
  return handle;
}

struct OpenBlasThreads {
  SetThreads set = reinterpret_cast<SetThreads>(dlsym(blas_handle(), "openblas_set_num_threads"));
  GetThreads get = reinterpret_cast<GetThreads>(dlsym(blas_handle(), "openblas_get_num_threads"));
};

const OpenBlasThreads& openblas() {
  static const OpenBlasThreads functions;
  return functions;
}

}  // namespace

void use_threads(int threads) {
  if (threads < 1) {
    throw std::invalid_argument("a torch model needs at least one thread, got " +
                                std::to_string(threads));
  }
  if (at::get_num_threads() != threads) at::set_num_threads(threads);
  // Process-wide, unlike the OpenMP count: parallel runs of one sweep all ask for the same count.
  const OpenBlasThreads& blas = openblas();
  if (blas.set != nullptr && (blas.get == nullptr || blas.get() != threads)) blas.set(threads);
}

void keep_freed_memory() {
  static std::once_flag once;
  std::call_once(once, [] {
    // Blocks below 1 GB come from the heap (glibc's default threshold rises only to 32 MB), and
    // the heap's top is returned to the kernel only beyond 1 GB free.
    mallopt(M_MMAP_THRESHOLD, 1 << 30);
    mallopt(M_TRIM_THRESHOLD, 1 << 30);  // also the largest value mallopt takes as an int
  });
}

std::string blas_library() {
  void* symbol = dlsym(blas_handle(), "sgemm_");
  Dl_info info{};
  if (symbol == nullptr || dladdr(symbol, &info) == 0 || info.dli_fname == nullptr) {
    return "unknown";
  }
  char* resolved = realpath(info.dli_fname, nullptr);
  if (resolved == nullptr) return info.dli_fname;
  std::string path(resolved);
  std::free(resolved);
  return path;
}

}  // namespace gantry::plugins::torch_backend
