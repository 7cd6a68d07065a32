// The plain, versioned record every plugin exports under the alias "gantry_descriptor". The
// loader reads and checks it (magic, ABI version, size, compiler ABI) before it imports any
// typed symbol, because importing a function with the wrong signature crashes instead of failing.
#pragma once

#include <cstdint>

#include <Eigen/Core>

#include "gantry/option_spec.hpp"

#define GANTRY_STRINGIFY_DETAIL(x) #x
#define GANTRY_STRINGIFY(x) GANTRY_STRINGIFY_DETAIL(x)

// Everything that must match between the harness and a plugin for C++ objects (std::string,
// std::map, Eigen matrices) to cross the boundary safely.
#define GANTRY_COMPILER_ABI \
  "cxxabi=" GANTRY_STRINGIFY(__GXX_ABI_VERSION) " cxx11_strings=" GANTRY_STRINGIFY( \
      _GLIBCXX_USE_CXX11_ABI) " eigen=" GANTRY_STRINGIFY(EIGEN_WORLD_VERSION) "." \
      GANTRY_STRINGIFY(EIGEN_MAJOR_VERSION) " eigen_align=" GANTRY_STRINGIFY(EIGEN_MAX_ALIGN_BYTES)

namespace gantry {

// Raised whenever a change to an interface, the descriptor or the factory signatures would
// break plugins built against an older harness. 3 added ModelWeights (model_weights.hpp), an
// interface a model may implement besides GanModel; nothing else changed, so plugins of
// version 2 still load and run, without it.
inline constexpr std::uint32_t kPluginAbiVersion = 3;
inline constexpr std::uint32_t kOldestPluginAbiVersion = 2;
inline constexpr std::uint32_t kDescriptorMagic = 0x59544E47;  // "GNTY" in memory order

struct PluginDescriptor {
  // These first three fields keep their place in every ABI version, so any harness can read
  // them from any plugin and say precisely what does not match.
  std::uint32_t magic;
  std::uint32_t abi_version;
  std::uint32_t descriptor_size;
  std::uint32_t option_count;
  const char* compiler_abi;
  const char* kind;  // "data", "model" or "trainer"
  const char* name;
  const char* version;
  const char* summary;
  const OptionSpec* options;
};

}  // namespace gantry
