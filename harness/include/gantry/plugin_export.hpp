// GANTRY_PLUGIN: the one way a plugin exports itself.
//
//   static constexpr gantry::OptionSpec kOptions[] = {gantry::option::integer("k", "1", "...")};
//   GANTRY_PLUGIN(trainer, MyTrainer, "my-trainer", "1.0.0", "one-line summary", kOptions)
//
// KIND is the token data, model or trainer; CLASS derives from the matching interface and has a
// constructor taking `const gantry::PluginArgs&`. The macro exports the descriptor and a
// factory named after the kind, so a model can never be imported as a trainer.
#pragma once

#include <iterator>
#include <type_traits>

#include <boost/dll/alias.hpp>

#include "gantry/data_source.hpp"
#include "gantry/descriptor.hpp"
#include "gantry/gan_model.hpp"
#include "gantry/plugin_args.hpp"
#include "gantry/trainer.hpp"

namespace gantry::detail {
using data_interface = DataSource;
using model_interface = GanModel;
using trainer_interface = Trainer;
}  // namespace gantry::detail

#define GANTRY_PLUGIN(KIND, CLASS, NAME, VERSION, SUMMARY, OPTIONS)              \
  namespace gantry_plugin_export {                                               \
  static_assert(std::is_base_of_v<::gantry::detail::KIND##_interface, CLASS>,    \
                #CLASS " must derive from the " #KIND " plugin interface");      \
  static_assert(std::is_constructible_v<CLASS, const ::gantry::PluginArgs&>,     \
                #CLASS " needs a constructor taking const gantry::PluginArgs&"); \
  const ::gantry::PluginDescriptor descriptor = {                                \
      ::gantry::kDescriptorMagic,                                                \
      ::gantry::kPluginAbiVersion,                                               \
      static_cast<std::uint32_t>(sizeof(::gantry::PluginDescriptor)),            \
      static_cast<std::uint32_t>(std::size(OPTIONS)),                            \
      GANTRY_COMPILER_ABI,                                                       \
      #KIND,                                                                     \
      NAME,                                                                      \
      VERSION,                                                                   \
      SUMMARY,                                                                   \
      OPTIONS};                                                                  \
  ::gantry::detail::KIND##_interface* create(const ::gantry::PluginArgs& args) { \
    return new CLASS(args);                                                      \
  }                                                                              \
  }                                                                              \
  BOOST_DLL_ALIAS(gantry_plugin_export::descriptor, gantry_descriptor)           \
  BOOST_DLL_ALIAS(gantry_plugin_export::create, gantry_create_##KIND)
