// A plugin whose descriptor is fine but which exports no factory for its kind.
#include <boost/dll/alias.hpp>

#include "gantry/descriptor.hpp"

namespace {
constexpr gantry::OptionSpec kOptions[] = {gantry::option::integer("n", "1", "unused")};
const gantry::PluginDescriptor descriptor = {gantry::kDescriptorMagic,
                                             gantry::kPluginAbiVersion,
                                             sizeof(gantry::PluginDescriptor),
                                             1,
                                             GANTRY_COMPILER_ABI,
                                             "model",
                                             "factoryless",
                                             "1.0.0",
                                             "has no gantry_create_model",
                                             kOptions};
}  // namespace

BOOST_DLL_ALIAS(descriptor, gantry_descriptor)
