// Plugins whose exported aliases are null pointers: the descriptor (NULL_DESCRIPTOR), or the
// factory of a well-formed descriptor. The loader must check before it dereferences either.
#include <boost/dll/alias.hpp>

#include "gantry/descriptor.hpp"

#ifdef NULL_DESCRIPTOR
extern "C" __attribute__((visibility("default"))) const void* gantry_descriptor = nullptr;
#else
namespace {
constexpr gantry::OptionSpec kOptions[] = {gantry::option::integer("n", "1", "unused")};
const gantry::PluginDescriptor descriptor = {gantry::kDescriptorMagic,
                                             gantry::kPluginAbiVersion,
                                             sizeof(gantry::PluginDescriptor),
                                             1,
                                             GANTRY_COMPILER_ABI,
                                             "data",
                                             "nullfactory",
                                             "1.0.0",
                                             "exports a null gantry_create_data",
                                             kOptions};
}  // namespace

BOOST_DLL_ALIAS(descriptor, gantry_descriptor)
extern "C" __attribute__((visibility("default"))) const void* gantry_create_data = nullptr;
#endif
