#include <catch2/catch.hpp>

#include "gantry/options.hpp"
#include "support/layer_spec.hpp"

using gantry::OptionError;
using gantry::plugins::Activation;
using gantry::plugins::Initializer;
using gantry::plugins::LayerSpec;
using gantry::plugins::parse_layer_specs;

TEST_CASE("layer specs parse units, activation and initializer", "[eigen_mlp][layer_spec]") {
  SECTION("the default generator") {
    std::vector<LayerSpec> layers = parse_layer_specs("g_layers", "15:relu:he_uniform, 2:linear");
    REQUIRE(layers.size() == 2);
    CHECK(layers[0].units == 15);
    CHECK(layers[0].activation == Activation::relu);
    CHECK(layers[0].initializer == Initializer::he_uniform);
    CHECK(layers[1].units == 2);
    CHECK(layers[1].activation == Activation::linear);
    CHECK(layers[1].initializer == Initializer::glorot_uniform);
  }
  SECTION("every activation, blanks around the parts, explicit glorot_uniform") {
    std::vector<LayerSpec> layers = parse_layer_specs(
        "d_layers", " 4 : linear ,3:relu,\t2:leaky_relu:glorot_uniform, 6:tanh, 1:sigmoid ");
    REQUIRE(layers.size() == 5);
    CHECK(layers[0].units == 4);
    CHECK(layers[0].activation == Activation::linear);
    CHECK(layers[1].activation == Activation::relu);
    CHECK(layers[2].activation == Activation::leaky_relu);
    CHECK(layers[2].initializer == Initializer::glorot_uniform);
    CHECK(layers[3].activation == Activation::tanh);
    CHECK(layers[4].activation == Activation::sigmoid);
    CHECK(layers[4].units == 1);
  }
  SECTION("to_string spells the canonical form") {
    CHECK(to_string(parse_layer_specs("g_layers", "200:tanh")[0]) == "200:tanh:glorot_uniform");
  }
}

TEST_CASE("bad layer specs name the option and the bad part", "[eigen_mlp][layer_spec]") {
  SECTION("an unknown activation") {
    CHECK_THROWS_WITH(parse_layer_specs("d_layers", "25:rleu, 1:sigmoid"),
                      "d_layers: unknown activation 'rleu' in '25:rleu'; expected linear, relu, "
                      "leaky_relu, tanh or sigmoid");
  }
  SECTION("an unknown initializer") {
    CHECK_THROWS_WITH(parse_layer_specs("g_layers", "15:relu:he, 2:linear"),
                      "g_layers: unknown initializer 'he' in '15:relu:he'; expected "
                      "glorot_uniform or he_uniform");
  }
  SECTION("units that are not a positive whole number") {
    for (const char* spec :
         {"0:relu", "-3:relu", "x:relu", "15abc:relu", "1.5:relu", ":relu", "99999999:relu"}) {
      INFO(spec);
      CHECK_THROWS_AS(parse_layer_specs("g_layers", spec), OptionError);
      CHECK_THROWS_WITH(parse_layer_specs("g_layers", spec),
                        Catch::StartsWith("g_layers: units '") && Catch::Contains(spec));
    }
  }
  SECTION("a layer without activation or with too many parts") {
    CHECK_THROWS_WITH(parse_layer_specs("g_layers", "15, 2:linear"),
                      Catch::Contains("g_layers: layer '15'") &&
                          Catch::Contains("units:activation[:initializer]"));
    CHECK_THROWS_WITH(parse_layer_specs("g_layers", "15:relu:he_uniform:x"),
                      Catch::Contains("layer '15:relu:he_uniform:x'"));
  }
  SECTION("empty layers and empty specs") {
    CHECK_THROWS_WITH(parse_layer_specs("d_layers", "25:relu,, 1:sigmoid"),
                      Catch::Contains("d_layers: empty layer"));
    CHECK_THROWS_WITH(parse_layer_specs("d_layers", "25:relu, 1:sigmoid,"),
                      Catch::Contains("d_layers: empty layer"));
    CHECK_THROWS_WITH(parse_layer_specs("d_layers", "  "), Catch::Contains("d_layers: no layers"));
  }
}
