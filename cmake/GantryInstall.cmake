# What `cmake --install <build> --prefix P` puts into P:
#   bin/gantry                    the command line; it finds P/lib/gantry/plugins next to itself
#   lib/gantry/plugins/*.so       the bundled plugins (installed by gantry_add_plugin)
#   include/gantry/*.hpp          the plugin SDK headers
#   lib/cmake/Gantry/             the CMake package: find_package(Gantry) gives Gantry::sdk and
#                                 gantry_add_plugin (this directory's GantryPlugin.cmake)
# Included by the top-level CMakeLists.txt once every target exists.
include(CMakePackageConfigHelpers)

set(GANTRY_INSTALL_CMAKEDIR lib/cmake/Gantry)
set(GANTRY_INSTALL_INCLUDEDIR include)

install(TARGETS gantry RUNTIME DESTINATION bin)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/harness/include/gantry
  DESTINATION ${GANTRY_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.hpp")

# The compile options an installed-SDK plugin needs for its ABI fingerprint (descriptor.hpp's
# GANTRY_COMPILER_ABI: C++ ABI, std::string ABI, Eigen version, Eigen's alignment) to equal
# the harness's: -march=native changes EIGEN_MAX_ALIGN_BYTES, so it goes with GANTRY_NATIVE.
set(GANTRY_SDK_COMPILE_OPTIONS "")
if(GANTRY_NATIVE)
  list(APPEND GANTRY_SDK_COMPILE_OPTIONS -march=native)
endif()

# The fingerprint this build's harness checks plugins against, read from a compiled probe (as
# CMake reads compiler identities): GantryConfig.cmake records it, and gantry_add_plugin
# turns a mismatch into a compile error instead of a refusal at load time.
set(probe_dir ${PROJECT_BINARY_DIR}/CMakeFiles/GantryAbiProbe)
file(WRITE ${probe_dir}/probe.cpp [=[
#include "gantry/descriptor.hpp"
const char* gantry_abi_probe = "GANTRY_ABI_PROBE[" GANTRY_COMPILER_ABI "]";
int main(int argc, char**) { return gantry_abi_probe[argc]; }
]=])
try_compile(probe_compiled ${probe_dir}/build ${probe_dir}/probe.cpp
  CMAKE_FLAGS "-DINCLUDE_DIRECTORIES=${PROJECT_SOURCE_DIR}/harness/include"
  COMPILE_DEFINITIONS ${GANTRY_SDK_COMPILE_OPTIONS}
  LINK_LIBRARIES Eigen3::Eigen
  CXX_STANDARD 17
  OUTPUT_VARIABLE probe_output
  COPY_FILE ${probe_dir}/probe)
set(GANTRY_COMPILER_ABI "")
if(probe_compiled)
  file(STRINGS ${probe_dir}/probe probe_strings REGEX "GANTRY_ABI_PROBE\\[[^]]*\\]")
  if(probe_strings MATCHES "GANTRY_ABI_PROBE\\[([^]]*)\\]")
    set(GANTRY_COMPILER_ABI "${CMAKE_MATCH_1}")
  endif()
endif()
if(GANTRY_COMPILER_ABI STREQUAL "")
  message(WARNING "Could not read the plugin ABI fingerprint; the installed SDK will not "
                  "check it at compile time (gantry still checks it at load time)")
else()
  message(STATUS "Plugin ABI fingerprint: ${GANTRY_COMPILER_ABI}")
endif()

set(GANTRY_EIGEN_VERSION "${Eigen3_VERSION}")
set(GANTRY_BOOST_VERSION "${Boost_VERSION}")
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/GantryConfig.cmake.in
  ${PROJECT_BINARY_DIR}/GantryConfig.cmake
  INSTALL_DESTINATION ${GANTRY_INSTALL_CMAKEDIR}
  PATH_VARS GANTRY_INSTALL_INCLUDEDIR)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/GantryConfigVersion.cmake
  VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion)
install(FILES
  ${PROJECT_BINARY_DIR}/GantryConfig.cmake
  ${PROJECT_BINARY_DIR}/GantryConfigVersion.cmake
  ${PROJECT_SOURCE_DIR}/cmake/GantryPlugin.cmake
  ${PROJECT_SOURCE_DIR}/cmake/plugin-exports.map
  DESTINATION ${GANTRY_INSTALL_CMAKEDIR})
