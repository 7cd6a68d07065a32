// A plugin built against a (pretend) future ABI version: the loader must refuse it from the
// descriptor alone, without importing its factory.
#include <boost/dll/alias.hpp>

#include "gantry/descriptor.hpp"

namespace {
constexpr gantry::OptionSpec kOptions[] = {gantry::option::integer("n", "1", "unused")};
const gantry::PluginDescriptor descriptor = {gantry::kDescriptorMagic,
                                             99,  // a future plugin ABI version
                                             sizeof(gantry::PluginDescriptor),
                                             1,
                                             GANTRY_COMPILER_ABI,
                                             "data",
                                             "future",
                                             "9.0.0",
                                             "built for another ABI",
                                             kOptions};
}  // namespace

BOOST_DLL_ALIAS(descriptor, gantry_descriptor)
