// Catch2 for tests that include LibTorch headers. Debian's LibTorch includes glog, whose CHECK
// macro replaces Catch's (and passes silently whatever Catch would check): the torch headers
// come first here, glog's CHECK is dropped, and Catch's is defined last.
#pragma once

#include <ATen/ATen.h>

#undef CHECK
#include <catch2/catch.hpp>
