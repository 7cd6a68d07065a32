#include "support/layer_spec.hpp"

#include <stdexcept>
#include <string_view>

#include "gantry/options.hpp"

namespace gantry::plugins {

namespace {

// Wide enough for any network this backend can train; stops typos such as "1500000" early.
constexpr long long kMaxUnits = 1000000;

std::string_view trimmed(std::string_view text) {
  const char* blanks = " \t\r\n";
  std::size_t first = text.find_first_not_of(blanks);
  if (first == std::string_view::npos) return {};
  std::size_t last = text.find_last_not_of(blanks);
  return text.substr(first, last - first + 1);
}

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find(separator, start);
    parts.push_back(trimmed(text.substr(start, end - start)));
    if (end == std::string_view::npos) return parts;
    start = end + 1;
  }
}

// Digits only: std::stoi would accept "15abc", "+15" and " 15".
std::optional<int> parse_units(std::string_view text) {
  if (text.empty() || text.size() > 7) return std::nullopt;
  long long units = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    units = units * 10 + (c - '0');
  }
  if (units < 1 || units > kMaxUnits) return std::nullopt;
  return static_cast<int>(units);
}

class LayerParser {
 public:
  explicit LayerParser(const std::string& option_name) : option_name_(option_name) {}

  LayerSpec parse(std::string_view layer_text) const {
    std::vector<std::string_view> parts = split(layer_text, ':');
    if (parts.size() < 2 || parts.size() > 3) {
      fail("layer '" + std::string(layer_text) + "' is not units:activation[:initializer]");
    }
    LayerSpec layer{0, Activation::linear};
    std::optional<int> units = parse_units(parts[0]);
    if (!units) {
      fail("units '" + std::string(parts[0]) + "' in '" + std::string(layer_text) +
           "' must be a whole number from 1 to " + std::to_string(kMaxUnits));
    }
    layer.units = *units;
    std::optional<Activation> activation = parse_activation(parts[1]);
    if (!activation) {
      fail("unknown activation '" + std::string(parts[1]) + "' in '" + std::string(layer_text) +
           "'; expected " + activation_names_listed());
    }
    layer.activation = *activation;
    if (parts.size() == 3) {
      std::optional<Initializer> initializer = parse_initializer(parts[2]);
      if (!initializer) {
        fail("unknown initializer '" + std::string(parts[2]) + "' in '" + std::string(layer_text) +
             "'; expected glorot_uniform or he_uniform");
      }
      layer.initializer = *initializer;
    }
    return layer;
  }

  [[noreturn]] void fail(const std::string& message) const {
    throw OptionError(option_name_ + ": " + message);
  }

 private:
  const std::string& option_name_;
};

}  // namespace

std::vector<LayerSpec> parse_layer_specs(const std::string& option_name, const std::string& text) {
  LayerParser parser(option_name);
  if (trimmed(text).empty()) parser.fail("no layers given; expected e.g. '15:relu, 2:linear'");
  std::vector<LayerSpec> layers;
  for (std::string_view layer_text : split(text, ',')) {
    if (layer_text.empty()) parser.fail("empty layer in '" + text + "'");
    layers.push_back(parser.parse(layer_text));
  }
  return layers;
}

void require_dense_stack(int input_dimensions, const std::vector<LayerSpec>& layers) {
  if (input_dimensions < 1) throw std::invalid_argument("a network needs at least one input");
  if (layers.empty()) throw std::invalid_argument("a network needs at least one layer");
  for (const LayerSpec& layer : layers) {
    if (layer.units < 1) throw std::invalid_argument("a layer needs at least one unit");
  }
}

std::string to_string(const LayerSpec& layer) {
  return std::to_string(layer.units) + ":" + activation_name(layer.activation) + ":" +
         initializer_name(layer.initializer);
}

}  // namespace gantry::plugins
