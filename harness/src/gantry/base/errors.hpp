// The harness's typed errors. C status codes (SQLite, HDF5, dlopen) and plugin exceptions are
// turned into these in one thin layer each; `main` catches GantryError and prints its message.
#pragma once

#include <stdexcept>
#include <string>

namespace gantry {

class GantryError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A malformed experiment file, unknown key, bad value or bad command-line argument.
class ConfigError : public GantryError {
 public:
  using GantryError::GantryError;
};

// A plugin that cannot be found, loaded, trusted or created.
class PluginError : public GantryError {
 public:
  using GantryError::GantryError;
};

// The results database or the HDF5 artifacts cannot be read or written.
class StorageError : public GantryError {
 public:
  using GantryError::GantryError;
};

// Another process holds the database lock for longer than the busy timeout.
class DatabaseBusyError : public StorageError {
 public:
  using StorageError::StorageError;
};

// A database written by a newer gantry, or a file that is not a Gantry results database.
class SchemaError : public StorageError {
 public:
  using StorageError::StorageError;
};

// An external program (gnuplot, sbatch) that could not be started or waited for. Not a
// StorageError: nothing recorded is at stake.
class ProcessError : public GantryError {
 public:
  using GantryError::GantryError;
};

// A run that failed while training: a plugin threw, or a loss diverged.
class RunError : public GantryError {
 public:
  using GantryError::GantryError;
};

// The user asked the sweep to stop (Ctrl-C); the run is left to be resumed.
class Interrupted : public GantryError {
 public:
  Interrupted() : GantryError("interrupted") {}
};

}  // namespace gantry
