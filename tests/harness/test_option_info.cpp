#include <catch2/catch.hpp>

#include "gantry/options.hpp"
#include "gantry/plugin/option_info.hpp"

using gantry::OptionInfo;
namespace option = gantry::option;

TEST_CASE("integer options check type and bounds", "[option_info]") {
  OptionInfo k = OptionInfo::from_spec(option::integer("k", "1", "steps", 1, 1000));
  CHECK_FALSE(k.problem_with("3"));
  CHECK(k.problem_with("0"));
  CHECK(k.problem_with("1001"));
  CHECK(k.problem_with("2.5"));
  CHECK(k.problem_with("three"));
  CHECK(k.problem_with("0")->find("out of range") != std::string::npos);
  CHECK(k.describe_type() == "integer in [1, 1000]");
  CHECK(std::get<std::int64_t>(k.typed("3")) == 3);
}

TEST_CASE("real options above a bound reject the bound itself", "[option_info]") {
  OptionInfo lr = OptionInfo::from_spec(option::real_above("lr", "0.001", "learning rate", 0));
  CHECK_FALSE(lr.problem_with("1e-4"));
  CHECK(lr.problem_with("0"));
  CHECK(lr.problem_with("-0.1"));
  CHECK(lr.problem_with("nan"));
  CHECK(lr.problem_with("inf"));
  CHECK(lr.describe_type() == "real > 0");
  CHECK(std::get<double>(lr.typed("0.5")) == 0.5);
}

TEST_CASE("choice and boolean options accept only their values", "[option_info]") {
  OptionInfo latent =
      OptionInfo::from_spec(option::choice("latent", "normal", "normal|uniform", ""));
  CHECK_FALSE(latent.problem_with("uniform"));
  CHECK(latent.problem_with("gaussian"));
  CHECK(latent.choices.size() == 2);
  OptionInfo flag = OptionInfo::from_spec(option::boolean("keep", "true", ""));
  CHECK_FALSE(flag.problem_with("false"));
  CHECK(flag.problem_with("maybe"));
  CHECK(std::get<std::int64_t>(flag.typed("true")) == 1);
}

TEST_CASE("resolved options convert values and name the option when they cannot", "[options]") {
  gantry::Options options(std::map<std::string, std::string>{
      {"mode", "fast"}, {"count", "3"}, {"rate", "0.5"}, {"flag", "yes"}, {"word", "x"}});
  CHECK(options.choice("mode", {"slow", "fast"}) == "fast");
  CHECK_THROWS_WITH(options.choice("mode", {"slow", "steady"}),
                    Catch::Contains("'mode'") && Catch::Contains("slow|steady"));
  CHECK(options.integer("count") == 3);
  CHECK(options.real("rate") == 0.5);
  CHECK(options.boolean("flag"));
  CHECK_THROWS_AS(options.integer("word"), gantry::OptionError);
  CHECK_THROWS_WITH(options.text("missing"), Catch::Contains("'missing' is not set"));
}
