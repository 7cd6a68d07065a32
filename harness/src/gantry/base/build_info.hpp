// What this gantry binary is: its version and the git commit it was built from. Recorded with
// every run so a result can be traced back to the code that produced it.
#pragma once

#include <string>

namespace gantry {

std::string gantry_version();
// Commit hash, with "-dirty" when the work tree had uncommitted changes at build time, or
// "unknown" outside a git checkout.
std::string gantry_git_commit();
// Compiler and flags that shape the numbers (e.g. -march=native changes floating point results).
std::string gantry_build_flags();
// The model backends this build includes, with versions: "eigen 3.4.0, torch 1.13.0".
std::string gantry_backends();

}  // namespace gantry
