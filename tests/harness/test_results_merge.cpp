// gantry merge's library: runs keyed by identity, the better copy winning in any order, HDF5
// files copied with their paths and run ids rewritten, and bad inputs named while the rest merge.
#include <H5Cpp.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "gantry/artifacts/run_artifacts.hpp"
#include "gantry/base/errors.hpp"
#include "gantry/run/run_executor.hpp"
#include "gantry/store/results_db.hpp"
#include "gantry/store/results_merge.hpp"
#include "gantry/store/results_reader.hpp"
#include "gantry/store/schema.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using gantry::testing::ScratchDir;

namespace {

struct FakeRun {
  std::int64_t seed;
  std::string status;  // finished, failed or running (interrupted)
  double value;
};

const gantry::ShardRecord kShard1{"plan-p", 1, 2, 2, 3};
const gantry::ShardRecord kShard2{"plan-p", 2, 2, 1, 3};

// A database of `runs` in sweep "demo", each with params, metrics, a summary and an HDF5 file
// under <stem>-artifacts next to it.
void make_db(const fs::path& path, const std::vector<FakeRun>& runs,
             std::optional<gantry::ShardRecord> shard = std::nullopt,
             const std::string& sweep = "demo") {
  gantry::ResultsDb db(path.string());
  std::int64_t sweep_id = db.ensure_sweep(sweep, "demo.ini", "gantry sweep demo.ini");
  if (shard) db.record_shard(sweep_id, *shard);
  for (const FakeRun& run : runs) {
    std::string identity = "identity-" + std::to_string(run.seed);
    gantry::RunStart start{sweep_id,        run.seed,
                           identity,        "[trainer]\nk = 2\n",
                           "data=x2@1.0.0", {{"trainer.k", std::int64_t{2}}}};
    std::int64_t id = db.begin_run(start, {}).value();
    fs::path file = path.parent_path() / (path.stem().string() + "-artifacts") / sweep /
                    gantry::artifact_file_name(id, identity);
    gantry::RunArtifacts artifacts(file.string(),
                                   {id, sweep, run.seed, identity, start.config, "0.1.0", "abc"});
    db.set_hdf5_path(id, gantry::recorded_path(file, path.parent_path()));
    db.append_metrics(id, {{"g_loss", 10, run.value}, {"g_loss", 20, run.value / 3}});
    if (run.status != "running") {
      db.end_run(id, {*gantry::parse_status(run.status),
                      1.0,
                      20,
                      run.status == "failed" ? "broke" : "",
                      {{"g_loss", run.value / 3}}});
    }
  }
}

std::string query(const fs::path& db, const std::string& sql) {
  gantry::ResultsReader reader(db.string());
  std::ostringstream out;
  gantry::write_table(out, reader.query(sql), gantry::TableFormat::csv);
  return out.str();
}

// Everything recorded, keyed by sweep and identity, so run ids and merge order do not matter.
std::string dump(const fs::path& db) {
  const std::string run = "JOIN runs r ON r.id = t.run_id JOIN sweeps s ON s.id = r.sweep_id";
  return query(db,
               "SELECT s.name, r.identity, r.seed, r.status, r.config, r.plugins, r.error, "
               "r.steps, r.attempt, r.host, r.git_commit, r.started_at, r.ended_at "
               "FROM runs r JOIN sweeps s ON s.id = r.sweep_id ORDER BY 1, 2") +
         query(db, "SELECT s.name, r.identity, t.key, t.step, t.value FROM metrics t " + run +
                       " ORDER BY 1, 2, 3, 4") +
         query(db, "SELECT s.name, r.identity, t.key, t.value FROM params t " + run +
                       " ORDER BY 1, 2, 3") +
         query(db, "SELECT s.name, r.identity, t.key, t.value FROM summaries t " + run +
                       " ORDER BY 1, 2, 3") +
         query(db, "SELECT plan, shard_index, shard_count FROM shards ORDER BY 1, 2, 3");
}

gantry::MergeResult merge(const fs::path& out, const std::vector<fs::path>& inputs) {
  return gantry::merge_results({out, out.parent_path() / "gantry-artifacts", inputs});
}

std::int64_t run_id_attribute(const fs::path& file) {
  H5::H5File h5(file.string(), H5F_ACC_RDONLY);
  std::int64_t id = 0;
  h5.openAttribute("run_id").read(H5::PredType::NATIVE_INT64, &id);
  return id;
}

}  // namespace

TEST_CASE("merging shards keeps every run once with all it recorded", "[merge]") {
  ScratchDir dir;
  make_db(dir / "a.sqlite", {{1, "finished", 0.9}, {2, "finished", 0.6}}, kShard1);
  make_db(dir / "b.sqlite", {{3, "failed", 0.3}}, kShard2);
  fs::path out = dir / "merged" / "out.sqlite";
  gantry::MergeResult result = merge(out, {dir / "a.sqlite", dir / "b.sqlite"});
  REQUIRE(result.all_merged());
  CHECK(result.inputs[0].added == 2);
  CHECK(result.inputs[1].added == 1);
  CHECK(result.incomplete.empty());
  CHECK(query(out, "SELECT count(*), sum(status = 'finished') FROM runs") ==
        "count(*),sum(status = 'finished')\n3,2\n");
  CHECK(query(out, "SELECT count(*) FROM metrics") == "count(*)\n6\n");
  CHECK(query(out, "SELECT count(*) FROM params") == "count(*)\n3\n");
  CHECK(query(out, "SELECT count(*) FROM summaries") == "count(*)\n3\n");
  CHECK(query(out, "SELECT error FROM runs WHERE seed = 3") == "error\nbroke\n");
  CHECK(query(out, "PRAGMA integrity_check") == "integrity_check\nok\n");

  // HDF5 files are copied next to the output and their recorded paths and run ids follow.
  gantry::ResultsReader reader(out.string());
  auto rows = reader.query("SELECT id, hdf5_path FROM runs ORDER BY id").rows;
  REQUIRE(rows.size() == 3);
  for (const auto& row : rows) {
    std::string recorded = gantry::value_text(row[1]);
    INFO(recorded);
    CHECK(recorded.rfind("gantry-artifacts/demo/run-", 0) == 0);
    REQUIRE(fs::exists(out.parent_path() / recorded));
    CHECK(run_id_attribute(out.parent_path() / recorded) == std::get<std::int64_t>(row[0]));
  }

  SECTION("a share not merged yet is named") {
    fs::path partial = dir / "partial.sqlite";
    gantry::MergeResult only_first = merge(partial, {dir / "a.sqlite"});
    CHECK(only_first.all_merged());
    REQUIRE(only_first.incomplete.size() == 1);
    CHECK(only_first.incomplete[0] == "sweep 'demo': shard 2 of 2 not merged yet");
  }
}

TEST_CASE("merging is idempotent and independent of the order", "[merge]") {
  ScratchDir dir;
  make_db(dir / "a.sqlite", {{1, "finished", 0.9}, {2, "running", 0.6}}, kShard1);
  make_db(dir / "b.sqlite", {{3, "finished", 0.3}}, kShard2);
  // Overlaps both: seed 2 finished (better than a's), seed 3 failed (worse than b's).
  make_db(dir / "c.sqlite", {{2, "finished", 0.5}, {3, "failed", 0.1}});
  fs::path forward = dir / "forward.sqlite";
  REQUIRE(merge(forward, {dir / "a.sqlite", dir / "b.sqlite", dir / "c.sqlite"}).all_merged());
  std::string once = dump(forward);
  CHECK(query(forward, "SELECT count(*) FROM runs") == "count(*)\n3\n");
  CHECK(query(forward,
              "SELECT status, value = 0.5 / 3 FROM runs JOIN summaries ON run_id = "
              "runs.id WHERE seed = 2") == "status,value = 0.5 / 3\nfinished,1\n");

  gantry::MergeResult again =
      merge(forward, {dir / "c.sqlite", dir / "b.sqlite", dir / "a.sqlite"});
  REQUIRE(again.all_merged());
  CHECK(again.inputs[0].added + again.inputs[0].replaced == 0);
  CHECK(dump(forward) == once);

  fs::path backward = dir / "backward.sqlite";
  REQUIRE(merge(backward, {dir / "c.sqlite", dir / "b.sqlite", dir / "a.sqlite"}).all_merged());
  CHECK(dump(backward) == once);
}

TEST_CASE("a finished copy wins over a failed or interrupted one, in any order", "[merge]") {
  ScratchDir dir;
  make_db(dir / "failed.sqlite", {{1, "failed", 0.2}});
  make_db(dir / "finished.sqlite", {{1, "finished", 0.7}});
  make_db(dir / "interrupted.sqlite", {{1, "running", 0.4}});
  std::vector<std::vector<std::string>> orders = {{"failed", "finished", "interrupted"},
                                                  {"interrupted", "finished", "failed"},
                                                  {"finished", "interrupted", "failed"}};
  for (const auto& order : orders) {
    fs::path out = dir / ("out-" + order[0] + ".sqlite");
    std::vector<fs::path> inputs;
    for (const auto& name : order) inputs.push_back(dir / (name + ".sqlite"));
    REQUIRE(merge(out, inputs).all_merged());
    CHECK(query(out, "SELECT status, error FROM runs") == "status,error\nfinished,\n");
    // The finished copy's metrics, not the others'.
    CHECK(query(out, "SELECT max(value) = 0.7 FROM metrics") == "max(value) = 0.7\n1\n");
  }
  fs::path out = dir / "no-finished.sqlite";
  REQUIRE(merge(out, {dir / "interrupted.sqlite", dir / "failed.sqlite"}).all_merged());
  CHECK(query(out, "SELECT status FROM runs") == "status\nfailed\n");
}

TEST_CASE("inputs that cannot be merged are named and the rest still merge", "[merge]") {
  ScratchDir dir;
  make_db(dir / "good.sqlite", {{1, "finished", 0.9}}, kShard1);
  make_db(dir / "newer.sqlite", {{2, "finished", 0.6}}, kShard2);
  {
    gantry::sqlite::Connection raw((dir / "newer.sqlite").string(),
                                   gantry::sqlite::Connection::Mode::read_write_create, 1000);
    raw.execute("PRAGMA user_version = " + std::to_string(gantry::kResultsSchemaVersion + 1));
  }
  make_db(dir / "truncated.sqlite", {{2, "finished", 0.6}, {4, "finished", 0.1}}, kShard2);
  fs::resize_file(dir / "truncated.sqlite", fs::file_size(dir / "truncated.sqlite") / 2);
  make_db(dir / "other.sqlite", {{3, "finished", 0.2}}, gantry::ShardRecord{"plan-q", 1, 2, 1, 2},
          "other");
  std::ofstream(dir / "text.sqlite") << "not a database at all, just some text\n";
  fs::path out = dir / "out.sqlite";
  gantry::MergeResult result =
      merge(out, {dir / "good.sqlite", dir / "newer.sqlite", dir / "truncated.sqlite",
                  dir / "other.sqlite", dir / "missing.sqlite", dir / "text.sqlite"});
  CHECK_FALSE(result.all_merged());
  REQUIRE(result.inputs.size() == 6);
  CHECK(result.inputs[0].merged);
  CHECK_THAT(result.inputs[1].problem, Catch::Contains("newer than this gantry"));
  CHECK_FALSE(result.inputs[2].merged);
  CHECK_THAT(result.inputs[2].problem, Catch::Contains("truncated or damaged"));
  CHECK_THAT(result.inputs[3].problem, Catch::Contains("another sweep plan") &&
                                           Catch::Contains("'other'") &&
                                           Catch::Contains((dir / "good.sqlite").string()));
  CHECK(result.inputs[4].problem == "no such file");
  CHECK_THAT(result.inputs[5].problem, Catch::Contains("not a database"));
  CHECK(query(out, "SELECT seed FROM runs") == "seed\n1\n");
  CHECK(query(out, "PRAGMA integrity_check") == "integrity_check\nok\n");
  CHECK(result.incomplete == std::vector<std::string>{"sweep 'demo': shard 2 of 2 not merged yet"});
}

TEST_CASE("a share whose sweep name would leave the artifacts directory is refused", "[merge]") {
  ScratchDir dir;
  make_db(dir / "share.sqlite", {{1, "finished", 0.9}});
  {
    gantry::sqlite::Connection raw((dir / "share.sqlite").string(),
                                   gantry::sqlite::Connection::Mode::read_write_create, 1000);
    raw.execute("UPDATE sweeps SET name = '../escaped'");
  }
  gantry::MergeResult result = merge(dir / "out.sqlite", {dir / "share.sqlite"});
  REQUIRE(result.inputs.size() == 1);
  CHECK_FALSE(result.inputs[0].merged);
  CHECK_THAT(result.inputs[0].problem, Catch::Contains("sweep name '../escaped'"));
  CHECK_FALSE(fs::exists(dir / "escaped"));
  CHECK(query(dir / "out.sqlite", "SELECT count(*) FROM runs") == "count(*)\n0\n");
}

TEST_CASE("files a killed merge left half-copied are removed by the next merge", "[merge]") {
  ScratchDir dir;
  make_db(dir / "share.sqlite", {{1, "finished", 0.9}});
  fs::path sweep_dir = dir / "gantry-artifacts" / "demo";
  fs::create_directories(sweep_dir);
  // pid 999999999 does not exist: its merge is gone. Our own pid is a merge still running.
  const fs::path abandoned = sweep_dir / ".run-000007-abcdef12.h5.merging-999999999";
  const fs::path abandoned_folder = sweep_dir / ".run-000007-abcdef12.merging-999999999";
  const fs::path live = sweep_dir / (".run-000008-abcdef12.h5.merging-" + std::to_string(getpid()));
  std::ofstream(abandoned) << "half a copy";
  fs::create_directories(abandoned_folder);
  std::ofstream(live) << "being copied";
  REQUIRE(merge(dir / "out.sqlite", {dir / "share.sqlite"}).all_merged());
  CHECK_FALSE(fs::exists(abandoned));
  CHECK_FALSE(fs::exists(abandoned_folder));
  CHECK(fs::exists(live));
}

TEST_CASE("an output gantry cannot use is refused before anything is merged", "[merge]") {
  ScratchDir dir;
  make_db(dir / "good.sqlite", {{1, "finished", 0.9}});
  make_db(dir / "out.sqlite", {{2, "finished", 0.5}});
  {
    gantry::sqlite::Connection raw((dir / "out.sqlite").string(),
                                   gantry::sqlite::Connection::Mode::read_write_create, 1000);
    raw.execute("PRAGMA user_version = 99");
  }
  auto size = fs::file_size(dir / "out.sqlite");
  CHECK_THROWS_AS(merge(dir / "out.sqlite", {dir / "good.sqlite"}), gantry::SchemaError);
  CHECK(fs::file_size(dir / "out.sqlite") == size);
  SECTION("an input that is the output itself is not merged into itself") {
    make_db(dir / "self.sqlite", {{3, "finished", 0.5}});
    gantry::MergeResult result = merge(dir / "self.sqlite", {dir / "self.sqlite"});
    CHECK_THAT(result.inputs[0].problem, Catch::Contains("output database itself"));
    CHECK(query(dir / "self.sqlite", "SELECT count(*) FROM runs") == "count(*)\n1\n");
  }
}

TEST_CASE("a version 1 database migrates to the current version and merges",
          "[merge][results_db]") {
  ScratchDir dir;
  make_db(dir / "v1.sqlite", {{1, "finished", 0.9}, {2, "running", 0.5}});
  {
    gantry::sqlite::Connection raw((dir / "v1.sqlite").string(),
                                   gantry::sqlite::Connection::Mode::read_write_create, 1000);
    // Back to version 1: without the shards (version 2), the search tables (version 3), the
    // lease columns (version 4) and where the last attempt started (version 5).
    raw.execute(
        "DROP TABLE shards; DROP TABLE search_decisions; DROP TABLE search_rounds; "
        "DROP TABLE search_configurations; DROP TABLE searches; "
        "ALTER TABLE runs DROP COLUMN heartbeat_at; ALTER TABLE runs DROP COLUMN lease_seconds; "
        "ALTER TABLE runs DROP COLUMN resumed_from_step; PRAGMA user_version = 1");
  }
  gantry::MergeResult merged = merge(dir / "out.sqlite", {dir / "v1.sqlite"});
  INFO(merged.inputs[0].problem);
  REQUIRE(merged.all_merged());
  CHECK(query(dir / "out.sqlite", "SELECT count(*) FROM runs") == "count(*)\n2\n");
  { gantry::ResultsDb migrated((dir / "v1.sqlite").string()); }
  // The run left running gets a lease from the migration on; the finished one needs none.
  CHECK(query(dir / "v1.sqlite",
              "SELECT seed, lease_seconds, heartbeat_at > 0 FROM runs ORDER BY seed") ==
        "seed,lease_seconds,heartbeat_at > 0\n1,,\n2,300,1\n");
  CHECK(query(dir / "v1.sqlite", "PRAGMA user_version") ==
        "user_version\n" + std::to_string(gantry::kResultsSchemaVersion) + "\n");
  CHECK(query(dir / "v1.sqlite", "SELECT count(*) FROM shards") == "count(*)\n0\n");
  CHECK(query(dir / "v1.sqlite", "SELECT count(*) FROM searches") == "count(*)\n0\n");
  CHECK(query(dir / "v1.sqlite", "SELECT DISTINCT resumed_from_step FROM runs") ==
        "resumed_from_step\n0\n");
}
