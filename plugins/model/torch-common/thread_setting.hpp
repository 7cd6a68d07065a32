// How many threads a torch model's computation uses on the calling thread, which BLAS library
// does its dense algebra, and how the process's allocator treats the models' large tensors.
#pragma once

#include <string>

namespace gantry::plugins::torch_backend {

// Makes the calling thread's torch operations use `threads` intra-op threads, and OpenBLAS (when
// it is the loaded libblas.so.3) use as many. Called at the start of every model entry point:
// with OpenMP, at::set_num_threads sets the calling thread's OpenMP thread count only (a worker
// thread that never called it inherits whatever count was set last anywhere), and the harness
// may call a model from any worker thread. Cheap when the count is already right.
void use_threads(int threads);

// Makes glibc's malloc serve large blocks from its heap and keep freed memory instead of
// mapping every block of 128 KB or more fresh from the kernel and unmapping it when freed: the
// torch models allocate and free tensors of many megabytes at every step, and faulting those
// pages in again (zeroed by the kernel) took 70 % of a DCGAN iteration. Process-wide and done
// once; the process then keeps up to its peak memory.
void keep_freed_memory();

// The file of the shared library that provides sgemm_ in this process (after symlinks, e.g.
// /usr/lib/x86_64-linux-gnu/openblas-pthread/libblas.so.3), or "unknown".
std::string blas_library();

}  // namespace gantry::plugins::torch_backend
