// A shared library that is not a Gantry plugin: it exports a function, but no descriptor.
extern "C" __attribute__((visibility("default"))) int some_other_library_function() {
  return 42;
}
