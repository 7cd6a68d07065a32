// How many threads a torch model's computation uses on the calling thread, and which BLAS
// library does its dense algebra.
#pragma once

#include <string>

namespace gantry::plugins::torch_backend {

// Makes the calling thread's torch operations use `threads` intra-op threads, and OpenBLAS (when
// it is the loaded libblas.so.3) use as many. Called at the start of every model entry point:
// with OpenMP, at::set_num_threads sets the calling thread's OpenMP thread count only (a worker
// thread that never called it inherits whatever count was set last anywhere), and the harness
// may call a model from any worker thread. Cheap when the count is already right.
void use_threads(int threads);

// The file of the shared library that provides sgemm_ in this process (after symlinks, e.g.
// /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3), or "unknown".
std::string blas_library();

}  // namespace gantry::plugins::torch_backend
