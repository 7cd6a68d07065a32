#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "gantry/base/errors.hpp"
#include "gantry/base/process.hpp"
#include "test_support.hpp"

using Catch::Matchers::Contains;
using gantry::ProcessRequest;
using gantry::run_process;

TEST_CASE("a program's exit status and output come back", "[process]") {
  gantry::ProcessResult result =
      run_process(ProcessRequest{"sh", {"sh", "-c", "echo out; echo err >&2; exit 3"}, "", ""});
  CHECK(result.status == 3);
  CHECK(result.output == "out\nerr\n");  // stdout and stderr together, in order
}

TEST_CASE("a program runs in its directory and writes to its output file", "[process]") {
  gantry::testing::ScratchDir dir;
  std::string log = (dir / "log.txt").string();
  gantry::ProcessResult result =
      run_process(ProcessRequest{"sh", {"sh", "-c", "pwd; cat"}, dir.path().string(), log});
  CHECK(result.status == 0);
  CHECK(result.output.empty());
  std::ifstream in(log);
  std::stringstream text;
  text << in.rdbuf();
  // pwd names the directory; cat read /dev/null, so nothing follows.
  CHECK(text.str() == std::filesystem::canonical(dir.path()).string() + "\n");
}

TEST_CASE("a program that cannot start is a ProcessError saying why", "[process]") {
  CHECK_THROWS_MATCHES(
      run_process(ProcessRequest{"nothing", {"/nonexistent/program"}, "", ""}),
      gantry::ProcessError, Catch::Matchers::Predicate<gantry::ProcessError>([](const auto& e) {
        return std::string(e.what()).find("cannot execute '/nonexistent/program'") !=
               std::string::npos;
      }));
  CHECK_THROWS_WITH(run_process(ProcessRequest{"sh", {"sh", "-c", "true"}, "/nonexistent", ""}),
                    Contains("cannot enter the directory '/nonexistent'"));
  CHECK(run_process(ProcessRequest{"sh", {"sh", "-c", "kill -9 $$"}, "", ""}).status == 128 + 9);
}
