#include <catch2/catch.hpp>

#include "gantry/base/suggest.hpp"

TEST_CASE("suggestions find the nearest keys to a typo", "[suggest]") {
  std::vector<std::string> keys = {"trainer.k", "trainer.batch", "trainer.epochs", "model.g_lr"};
  auto close = gantry::nearest("trainer.epoch", keys);
  REQUIRE_FALSE(close.empty());
  CHECK(close.front() == "trainer.epochs");
  CHECK(gantry::did_you_mean("trainer.bacth", keys) == " (did you mean 'trainer.batch'?)");
  CHECK(gantry::did_you_mean("completely.different", keys).empty());
}
