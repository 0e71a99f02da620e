// parevo's side of an MPI candidate library (included by entry.cpp for the mpi models).
//
// ParEval's MPI contract: MPI is initialised, every rank holds a complete copy of the input, and
// rank 0's result is the answer. The harness hands the same input to every rank at the start of
// its timed call (each rank maps it privately: cxx/mpi_launch.hpp), every rank calls the
// function, and only rank 0's output is read.
//
// Nothing here reports work: the harness reads each rank's CPU time from outside the rank's
// process, so a candidate that writes any of this library's memory changes no witness.
#pragma once
#include <mpi.h>

namespace parevo_mpi {

inline void init(int) {
  int provided = 0;
  PMPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided);
}

inline task::Output call_root(task::Input& in) { return task::invoke(in); }  // some tasks move their output buffer out of the input

}  // namespace parevo_mpi

extern "C" {

// Every rank, when the harness says quit.
__attribute__((visibility("default"))) void parevo_entry_fini() { PMPI_Finalize(); }

}  // extern "C"
