#include "gantry/run/random_streams.hpp"

namespace gantry {

Random& RandomStreams::stream(std::string_view name) {
  auto found = streams_.find(name);
  if (found == streams_.end()) {
    found = streams_.emplace(std::string(name), make_stream(seed_, name)).first;
  }
  return found->second;
}

}  // namespace gantry
