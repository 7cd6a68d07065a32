# gantry_add_plugin(NAME <name> KIND <data|model|trainer> SOURCES <files...> [LIBRARIES <targets...>])
#
# Builds a Gantry plugin as a loadable module named gantry-<kind>-<name>.so with hidden
# visibility (only the GANTRY_PLUGIN exports are visible), into the directory the harness
# searches by default.
set(GANTRY_PLUGIN_EXPORT_MAP ${CMAKE_CURRENT_LIST_DIR}/plugin-exports.map)

# Every plugin built in this project, so tests can depend on all of them at once.
if(NOT TARGET gantry_bundled_plugins)
  add_custom_target(gantry_bundled_plugins)
endif()

function(gantry_add_plugin)
  cmake_parse_arguments(PLUGIN "" "NAME;KIND" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT PLUGIN_KIND MATCHES "^(data|model|trainer)$")
    message(FATAL_ERROR "gantry_add_plugin(${PLUGIN_NAME}): KIND must be data, model or trainer")
  endif()
  set(target gantry-${PLUGIN_KIND}-${PLUGIN_NAME})
  add_library(${target} MODULE ${PLUGIN_SOURCES})
  target_link_libraries(${target} PRIVATE gantry::sdk ${PLUGIN_LIBRARIES})
  set_target_properties(${target} PROPERTIES
    PREFIX ""
    OUTPUT_NAME ${target}
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY ${GANTRY_PLUGIN_OUTPUT_DIR})
  target_link_options(${target} PRIVATE
    "LINKER:--version-script=${GANTRY_PLUGIN_EXPORT_MAP}" "LINKER:--no-undefined")
  set_property(TARGET ${target} APPEND PROPERTY LINK_DEPENDS ${GANTRY_PLUGIN_EXPORT_MAP})
  add_dependencies(gantry_bundled_plugins ${target})
endfunction()
