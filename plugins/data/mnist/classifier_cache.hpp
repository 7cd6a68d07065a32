// Trains the mnist plugin's classifier once and reuses it: first from this process's memory,
// then from a file in the cache directory named by a hash of the data files' contents and the
// classifier settings, and only then by training (and writing the file).
//
// The runs of a sweep construct the plugin in parallel threads of one process, so load-or-train
// holds one process-wide mutex: the classifier is trained once per process and key. Processes
// racing on one cache directory each write a private temporary file and rename it into place,
// so they can at worst train twice, never leave a partial file. A cache file that is truncated,
// corrupt or written for other settings is detected and retrained over.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "mnist/mnist_files.hpp"
#include "mnist/trained_classifier.hpp"

namespace gantry::plugins {

enum class ClassifierOrigin {
  trained,     // trained now (no usable cache file); the file was written if possible
  cache_file,  // read from the cache file
  in_process,  // already loaded or trained by this process
};

struct ClassifierHandle {
  std::shared_ptr<const TrainedClassifier> trained;
  ClassifierOrigin origin;
  std::filesystem::path cache_file;
  std::string note;  // why a cache file was not used or could not be written; empty if fine
};

// `cache_dir` empty: default_cache_dir().
ClassifierHandle load_or_train_classifier(const MnistFiles& files,
                                          const ClassifierSettings& settings,
                                          const std::filesystem::path& cache_dir);

// $XDG_CACHE_HOME/gantry when XDG_CACHE_HOME is set and absolute, else $HOME/.cache/gantry.
std::filesystem::path default_cache_dir();

// Forgets the classifiers held in this process's memory (for tests of the file cache).
void forget_classifiers_in_process();

}  // namespace gantry::plugins
