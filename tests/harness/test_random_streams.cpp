#include <catch2/catch.hpp>

#include "gantry/run/random_streams.hpp"

TEST_CASE("a run's streams depend on the seed and the stream's name alone", "[random_streams]") {
  gantry::RandomStreams streams(7);
  gantry::Random& eval = streams.stream("eval");
  CHECK(&streams.stream("eval") == &eval);  // the same stream on every call
  std::uint64_t first = eval();

  SECTION("drawing from another stream first changes nothing of this one") {
    gantry::RandomStreams other(7);
    for (int i = 0; i < 100; ++i) other.stream("heldout")();
    CHECK(other.stream("eval")() == first);
  }
  SECTION("another seed or another name gives other numbers") {
    gantry::RandomStreams reseeded(8);
    CHECK(reseeded.stream("eval")() != first);
    gantry::RandomStreams renamed(7);
    CHECK(renamed.stream("final")() != first);
  }
}
