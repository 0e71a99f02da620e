// parevo's side of the candidate library: the C entry points the harness's candidate process
// calls. Compiled as its own translation unit (it sees the task's harness header; the candidate's
// translation unit does not) and linked with the candidate into one shared object.
#include <cstdio>
#include <exception>
#include <memory>

#include "parevo/wire.hpp"
#include "task.hpp"

#ifdef PAREVO_WITH_TBB
#include <oneapi/tbb/global_control.h>
#endif
#ifdef PAREVO_WITH_MPI
#include "entry_mpi.hpp"
#endif
#ifdef PAREVO_WITH_KOKKOS
#include <Kokkos_Core.hpp>
#endif
#ifdef PAREVO_WITH_CUDA
extern "C" int parevo_cuda_init();  // the task's CUDA view (verify/cxx/cuda_view.hpp)
extern "C" unsigned long long parevo_cuda_launches();
#endif
#ifdef PAREVO_WITH_RAYON
extern "C" int parevo_rust_init(int threads);  // the generated Rust crate's (verify/rustbuild.py)
#endif

extern "C" {

// Once per candidate process, before any input exists.
__attribute__((visibility("default"))) int parevo_entry_init(int threads) {
#ifdef PAREVO_WITH_TBB
  static std::unique_ptr<oneapi::tbb::global_control> workers;
  workers = std::make_unique<oneapi::tbb::global_control>(oneapi::tbb::global_control::max_allowed_parallelism,
                                                          static_cast<std::size_t>(threads));
#elif defined(PAREVO_WITH_MPI)
  parevo_mpi::init(threads);
#elif defined(PAREVO_WITH_KOKKOS)
  // The harness, not the candidate, owns Kokkos's lifetime (ParEval's prompts: "Assume Kokkos has
  // already been initialized"); its warnings (OMP_PROC_BIND unset) would only add noise.
  Kokkos::InitArguments args;
  args.num_threads = threads;
  args.disable_warnings = true;
  Kokkos::initialize(args);
#elif defined(PAREVO_WITH_RAYON)
  if (parevo_rust_init(threads) != 0) return -1;
#elif defined(PAREVO_WITH_CUDA)
  (void)threads;  // one GPU; the CUDA context is made now, before any input exists
  if (parevo_cuda_init() != 0) return -1;
#else
  (void)threads;
#endif
  return 0;
}

// Calls the function on the input the harness mapped at `input` and writes the output's bytes to
// [out, out + cap). Returns the byte count, or a negative parevo::proto code.
__attribute__((visibility("default"))) long long parevo_entry_call(void* input, char* out, unsigned long long cap,
                                                                   char* err, unsigned errcap) {
  try {
    task::Input& in = *static_cast<task::Input*>(input);
#ifdef PAREVO_WITH_CUDA
    const unsigned long long launched = parevo_cuda_launches();
#endif
#ifdef PAREVO_WITH_MPI
    task::Output result = parevo_mpi::call_root(in);
#else
    task::Output result = task::invoke(in);
#endif
#ifdef PAREVO_WITH_CUDA
    // The view launches the kernel on every call; a call without a launch is not the GPU's work.
    if (parevo_cuda_launches() == launched) {
      std::snprintf(err, errcap, "the call launched no CUDA kernel");
      return -1;
    }
#endif
    parevo::wire::Writer w{out, out + cap};
    parevo::wire::put(w, result);
    if (w.overflow(out)) return -2;
    return static_cast<long long>(w.needed);
  } catch (const std::exception& e) {
    std::snprintf(err, errcap, "%s", e.what());
  } catch (...) {
    std::snprintf(err, errcap, "a non-standard exception");
  }
  return -1;
}

#ifdef PAREVO_WITH_KOKKOS
// Called by the candidate process before it exits normally (Kokkos wants its finalize).
__attribute__((visibility("default"))) void parevo_entry_fini() {
  if (Kokkos::is_initialized()) Kokkos::finalize();
}
#endif

}  // extern "C"
