#include "gantry/run/random_streams.hpp"

#include <sstream>
#include <stdexcept>

namespace gantry {

Random& RandomStreams::stream(std::string_view name) {
  auto found = streams_.find(name);
  if (found == streams_.end()) {
    found = streams_.emplace(std::string(name), make_stream(seed_, name)).first;
  }
  return found->second;
}

void RandomStreams::save(StateWriter& out) const {
  out.number<std::uint64_t>(streams_.size());
  for (const auto& [name, engine] : streams_) {
    std::ostringstream state;  // the standard's text form of a Mersenne Twister, exact
    state << engine;
    out.text(name);
    out.text(state.str());
  }
}

void RandomStreams::restore(StateReader& in) {
  const auto count = in.number<std::uint64_t>();
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::string name = in.text();
    std::istringstream state(in.text());
    Random engine;
    if (!(state >> engine)) throw std::invalid_argument("random stream '" + name + "' is damaged");
    stream(name) = engine;
  }
}

}  // namespace gantry
