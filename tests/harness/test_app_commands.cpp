// The command line's commands called in-process, as main() calls them: the same bad input the
// child-process tests (test_cli_errors.cpp) feed the real binary, and a sweep, its listing and a
// query, without spawning gantry.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <atomic>
#include <iostream>
#include <sstream>

#include "commands.hpp"
#include "gantry/base/errors.hpp"
#include "small_experiment.hpp"
#include "test_support.hpp"

using Catch::Matchers::Contains;
using gantry::testing::kSmallExperiment;
using gantry::testing::ScratchDir;

namespace {

// Runs the test body in `dir` as the current directory, as a user would run gantry there.
class InDirectory {
 public:
  explicit InDirectory(const std::filesystem::path& dir)
      : previous_(std::filesystem::current_path()) {
    std::filesystem::current_path(dir);
  }
  ~InDirectory() {
    std::error_code ignored;
    std::filesystem::current_path(previous_, ignored);
  }

 private:
  std::filesystem::path previous_;
};

// What a command prints to standard output.
class CapturedOutput {
 public:
  CapturedOutput() : previous_(std::cout.rdbuf(text_.rdbuf())) {}
  ~CapturedOutput() { std::cout.rdbuf(previous_); }
  std::string text() const { return text_.str(); }

 private:
  std::ostringstream text_;
  std::streambuf* previous_;
};

std::vector<std::string> words(const std::string& line) {
  std::istringstream in(line);
  std::vector<std::string> result;
  for (std::string word; in >> word;) result.push_back(word);
  return result;
}

int call(const std::string& line) {
  static const std::atomic<bool> stop{false};
  std::vector<std::string> args = words(line);
  std::string command = args.front();
  args.erase(args.begin());
  if (command == "run") return gantry::cli::command_run(args, stop);
  if (command == "sweep") return gantry::cli::command_sweep(args, stop);
  if (command == "runs") return gantry::cli::command_runs(args);
  if (command == "query") return gantry::cli::command_query(args);
  if (command == "report") return gantry::cli::command_report(args, stop);
  if (command == "plugins") return gantry::cli::command_plugins(args);
  throw std::logic_error("no command " + command);
}

}  // namespace

TEST_CASE("bad input is one GantryError naming the problem, and nothing is recorded", "[app]") {
  ScratchDir dir;
  dir.write("small.ini", kSmallExperiment);
  InDirectory here(dir.path());
  struct Case {
    std::string arguments;
    std::string expected;
  };
  std::vector<Case> cases = {
      {"run missing.ini", "cannot read experiment file 'missing.ini'"},
      {"run small.ini --set trainer.epoch=5", "did you mean 'trainer.epochs'"},
      {"run small.ini --set trainer.k=0", "trainer.k: '0' is out of range"},
      {"run small.ini --set model.d_layers=25:rleu,1:sigmoid", "rleu"},
      {"sweep small.ini --seeds 3-1", "runs backwards"},
      {"sweep small.ini --seeds 1-2 --grid trainer.k=1,0", "trainer.k: '0' is out of range"},
      {"run small.ini --sweep ../escape", "sweep name '../escape'"},
      {"run small.ini --plugin-dir no-such-dir", "--plugin-dir 'no-such-dir' is not a directory"},
      {"run small.ini --seed 1,2", "--seed takes one seed"},
      {"sweep small.ini --seeds 1 --jobs -1", "--jobs must be at least 1"},
      {"sweep small.ini --seeds 1 --array 4", "--array goes with --slurm"},
      {"sweep small.ini --seeds 1 --shard 3/2", "3/2"},
      {"report --confidence 2", "--confidence 2 is out of range"},
      {"plugins --kind bogus", "--kind 'bogus': expected data, model or trainer"},
  };
  for (const Case& c : cases) {
    INFO("gantry " << c.arguments);
    CHECK_THROWS_WITH(call(c.arguments), Contains(c.expected));
  }
  CHECK_FALSE(std::filesystem::exists(dir / "gantry.sqlite"));
}

TEST_CASE("a run, its listing and a query, in-process", "[app]") {
  ScratchDir dir;
  dir.write("small.ini", kSmallExperiment);
  InDirectory here(dir.path());
  {
    CapturedOutput out;
    CHECK(call("run small.ini --seed 4") == 0);
    CHECK_THAT(out.text(), Contains("1 finished, 0 failed"));
    CHECK_THAT(out.text(), Contains("eval.energy_distance"));  // the run's summaries
  }
  {
    CapturedOutput out;
    CHECK(call("runs --format csv") == 0);
    CHECK_THAT(out.text(), Contains(",small,4,finished,"));
  }
  {
    CapturedOutput out;
    CHECK(gantry::cli::command_query({"SELECT count(*) AS n FROM runs", "--format", "json"}) == 0);
    CHECK_THAT(out.text(), Contains("\"n\": 1"));
  }
  CHECK_THROWS_WITH(call("runs --status bogus"), Contains("expected running, finished or failed"));
  CHECK_THROWS_WITH(gantry::cli::command_query({"DELETE FROM runs"}), Contains("read-only"));
  SECTION("running it again records nothing new") {
    CapturedOutput out;
    CHECK(call("run small.ini --seed 4") == 0);
    CHECK_THAT(out.text(), Contains("already recorded; --rerun runs them again"));
  }
}
