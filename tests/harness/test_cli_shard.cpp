// Sharded sweeps through the real command line: --shard K/N shares merged with gantry merge equal
// a local sweep, a --shard-dir share publishes and resumes (also when a requeued task finds its
// runs left "running" by another node), and --slurm --dry-run writes what a Slurm array needs.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <sstream>

#include "cli_process.hpp"
#include "test_support.hpp"
#include "tiny_images_experiment.hpp"

using gantry::testing::count;
using gantry::testing::query;
using gantry::testing::run_gantry;
using gantry::testing::ScratchDir;

namespace {

const char* const kExperiment = R"([data]
plugin = x2
[trainer]
epochs = 200
eval_every = 100
log_every = 10
[eval]
heldout_rows = 100
generated_rows = 100
final_rows = 50
)";

const std::string kSweep = "sweep small.ini --seeds 1-3 --grid trainer.k=1,2 --jobs 2 ";

// Everything a run measured and its settings, keyed by identity.
std::string measurements(const std::filesystem::path& db) {
  return query(db,
               "SELECT r.identity, r.status, r.seed, r.config, m.key, m.step, m.value FROM metrics "
               "m JOIN runs r ON r.id = m.run_id ORDER BY 1, 5, 6") +
         query(db,
               "SELECT r.identity, s.key, s.value FROM summaries s JOIN runs r ON r.id = s.run_id "
               "ORDER BY 1, 2") +
         query(db,
               "SELECT r.identity, p.key, p.value FROM params p JOIN runs r ON r.id = p.run_id "
               "ORDER BY 1, 2");
}

// A report's CSV without what names the database or run ids (a merged database numbers its runs
// in merge order), lines sorted: the numbers, by group.
std::string report_numbers(const std::string& csv) {
  std::vector<std::string> lines;
  std::istringstream in(csv);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("settings,,,,,database,", 0) == 0) continue;
    bool names_runs = line.find("_ids,") != std::string::npos ||
                      line.find(",best_run,") != std::string::npos ||
                      line.find(",worst_run,") != std::string::npos;
    if (names_runs) continue;
    if (line.rfind("overpowering_run,", 0) == 0) {
      std::size_t group_end = line.find(',', 17);
      line.erase(group_end, line.find(',', group_end + 1) - group_end);
    }
    lines.push_back(line);
  }
  std::sort(lines.begin(), lines.end());
  std::string text;
  for (const auto& line : lines) text += line + "\n";
  return text;
}

}  // namespace

TEST_CASE("shares run anywhere and merge into what a local sweep records", "[shard][merge][cli]") {
  ScratchDir dir;
  dir.write("small.ini", kExperiment);
  REQUIRE(run_gantry(dir.path(), kSweep + "--db local.sqlite --artifacts local").exit_code == 0);
  std::string merge = "merge merged.sqlite";
  for (int index = 1; index <= 4; ++index) {
    std::string name = "share" + std::to_string(index);
    auto share = run_gantry(dir.path(), kSweep + "--shard " + std::to_string(index) + "/4 --db " +
                                            name + ".sqlite --artifacts " + name);
    INFO(share.output);
    REQUIRE(share.exit_code == 0);
    CHECK(count(dir / (name + ".sqlite"), "1") == (index <= 2 ? "2" : "1"));
    merge += " " + name + ".sqlite";
  }
  auto merged = run_gantry(dir.path(), merge);
  INFO(merged.output);
  REQUIRE(merged.exit_code == 0);
  CHECK_THAT(merged.output, Catch::Contains("merged 4 of 4 databases"));
  auto db = dir / "merged.sqlite";
  CHECK(count(db, "status = 'finished'") == "6");
  CHECK(measurements(db) == measurements(dir / "local.sqlite"));
  CHECK(query(db, "PRAGMA integrity_check") == "integrity_check\nok\n");
  // The report reads the merged database as it reads the local one.
  auto local_report = run_gantry(dir.path(), "report --db local.sqlite --sweep small --format csv");
  auto merged_report =
      run_gantry(dir.path(), "report --db merged.sqlite --sweep small --format csv");
  REQUIRE(local_report.exit_code == 0);
  CHECK(report_numbers(merged_report.output).size() > 1000);
  CHECK(report_numbers(merged_report.output) == report_numbers(local_report.output));

  SECTION("merging again changes nothing") {
    std::string before = measurements(db);
    auto again = run_gantry(dir.path(), merge);
    CHECK(again.exit_code == 0);
    CHECK_THAT(again.output,
               Catch::Contains("0 runs added, 0 replaced by a better copy, 2 already held"));
    CHECK(measurements(db) == before);
    CHECK(count(db, "1") == "6");
  }
  SECTION("a missing or corrupt share is named, and the rest merge") {
    dir.write("broken.sqlite", "this is not SQLite");
    auto partial = run_gantry(
        dir.path(), "merge partial.sqlite share1.sqlite gone.sqlite broken.sqlite share2.sqlite");
    CHECK(partial.exit_code == 1);
    CHECK_THAT(partial.output, Catch::Contains("'gone.sqlite' not merged: no such file") &&
                                   Catch::Contains("'broken.sqlite' not merged") &&
                                   Catch::Contains("shards 3, 4 of 4 not merged yet"));
    CHECK(count(dir / "partial.sqlite", "1") == "4");
  }
  SECTION("a merge with no databases to merge says so and writes nothing") {
    auto nothing = run_gantry(dir.path(), "merge empty.sqlite");
    CHECK(nothing.exit_code != 0);
    CHECK_THAT(nothing.output, Catch::Contains("nothing to merge"));
    CHECK_FALSE(std::filesystem::exists(dir / "empty.sqlite"));
  }
}

TEST_CASE("a --shard-dir share works in scratch, publishes, and resumes from what it published",
          "[shard][cli]") {
  ScratchDir dir;
  dir.write("small.ini", kExperiment);
  const std::string share = kSweep + "--shard 2/2 --shard-dir shared --scratch scratch";
  auto first = run_gantry(dir.path(), share);
  INFO(first.output);
  REQUIRE(first.exit_code == 0);
  auto published = dir / "shared" / "shard-2-of-2.sqlite";
  REQUIRE(std::filesystem::exists(published));
  CHECK_FALSE(std::filesystem::exists(dir / "shared" / "shard-2-of-2.sqlite-wal"));
  CHECK(count(published, "status = 'finished'") == "3");
  CHECK(query(published, "SELECT shard_index, shard_count, runs, plan_runs FROM shards") ==
        "shard_index,shard_count,runs,plan_runs\n2,2,3,6\n");
  // Scratch is cleaned up; the HDF5 files are where the published database says.
  CHECK(std::filesystem::is_empty(dir / "scratch"));
  std::string paths = query(published, "SELECT hdf5_path FROM runs");
  CHECK_THAT(paths, Catch::StartsWith("hdf5_path\nshard-2-of-2-artifacts/small/run-"));
  std::string first_path = paths.substr(10, paths.find('\n', 10) - 10);
  CHECK(std::filesystem::exists(dir / "shared" / first_path));

  SECTION("rerun: finished runs are kept") {
    auto again = run_gantry(dir.path(), share);
    CHECK(again.exit_code == 0);
    CHECK_THAT(again.output, Catch::Contains("resuming shard-2-of-2") &&
                                 Catch::Contains("recorded earlier 3 finished"));
  }
  SECTION("a share resubmitted with more seeds keeps its runs and records only its new plan") {
    auto more = run_gantry(dir.path(),
                           "sweep small.ini --seeds 1-4 --grid trainer.k=1,2 --jobs 2 "
                           "--shard 2/2 --shard-dir shared --scratch scratch");
    INFO(more.output);
    CHECK(more.exit_code == 0);
    // The larger plan interleaves differently: one of the share's runs stays in it, and the
    // two that moved to share 1 are kept here too (merging deduplicates them).
    CHECK_THAT(more.output, Catch::Contains("recorded earlier 1 finished"));
    CHECK(count(published, "status = 'finished'") == "6");
    CHECK(query(published, "SELECT shard_index, shard_count, runs, plan_runs FROM shards") ==
          "shard_index,shard_count,runs,plan_runs\n2,2,4,8\n");
    CHECK(run_gantry(dir.path(), "merge merged.sqlite shared/shard-2-of-2.sqlite").exit_code == 0);
  }
  SECTION("a requeued task reruns the runs an earlier attempt left running on another node") {
    {
      gantry::sqlite::Connection raw(published.string(),
                                     gantry::sqlite::Connection::Mode::read_write_create, 1000);
      raw.execute(
          "UPDATE runs SET status = 'running', host = 'node-that-died', error = 'interrupted' "
          "WHERE seed = 2");
    }
    auto requeued = run_gantry(dir.path(), share);
    INFO(requeued.output);
    CHECK(requeued.exit_code == 0);
    CHECK(count(published, "status = 'finished'") == "3");
    CHECK(count(published, "attempt = 2") == "1");
  }
}

TEST_CASE("sweep --slurm --dry-run prints both sbatch scripts and submits nothing",
          "[slurm][cli]") {
  ScratchDir dir;
  dir.write("small.ini", kExperiment);
  auto dry = run_gantry(dir.path(),
                        "sweep small.ini --seeds 1-3 --grid trainer.k=1,2 --set trainer.epochs=50 "
                        "--slurm --array 4%2 --partition short --time 00:10:00 --mem 1G "
                        "--cpus-per-task 2 --dry-run");
  INFO(dry.output);
  REQUIRE(dry.exit_code == 0);
  std::string root = std::filesystem::canonical(dir.path()).string();
  std::string shards = root + "/gantry-shards/small";
  CHECK_THAT(
      dry.output,
      Catch::Contains("#SBATCH --array=1-4%2") && Catch::Contains("#SBATCH --partition=short") &&
          Catch::Contains("#SBATCH --time=00:10:00") && Catch::Contains("#SBATCH --mem=1G") &&
          Catch::Contains("#SBATCH --cpus-per-task=2") && Catch::Contains("#SBATCH --requeue"));
  CHECK_THAT(dry.output, Catch::Contains("exec " + gantry::testing::gantry_executable().string() +
                                         " sweep " + shards +
                                         "/experiment.ini --seeds 1-3 --threads-per-run 1 --grid "
                                         "trainer.k=1,2 --set trainer.epochs=50 --sweep small"));
  CHECK_THAT(dry.output,
             Catch::Contains("--shard \"${SLURM_ARRAY_TASK_ID}/4\" --shard-dir " + shards));
  CHECK_THAT(dry.output, Catch::Contains(" merge " + root + "/gantry.sqlite --artifacts " + root +
                                         "/gantry-artifacts"));
  CHECK_THAT(dry.output, Catch::Contains(shards + "/shard-4-of-4.sqlite"));
  CHECK_THAT(dry.output, Catch::Contains("sbatch --parsable --dependency=afterany:<array job id> " +
                                         shards + "/merge.sbatch"));
  CHECK_FALSE(std::filesystem::exists(dir / "gantry-shards"));
  CHECK_FALSE(std::filesystem::exists(dir / "gantry.sqlite"));

  SECTION("more tasks than runs: one task per run") {
    auto capped =
        run_gantry(dir.path(), "sweep small.ini --seeds 1-3 --slurm --array 10 --dry-run");
    CHECK(capped.exit_code == 0);
    CHECK_THAT(capped.output,
               Catch::Contains("submitting 3 tasks") && Catch::Contains("#SBATCH --array=1-3\n"));
  }
  SECTION("a failed submission says what sbatch said") {
    auto failed = run_gantry(dir.path(), "sweep small.ini --seeds 1-3 --slurm --array 2",
                             "GANTRY_SBATCH=/bin/false");
    CHECK(failed.exit_code == 1);
    CHECK_THAT(failed.output, Catch::Contains("sbatch could not submit the job array"));
    // The scripts it would have submitted are there to submit by hand.
    CHECK(std::filesystem::exists(dir / "gantry-shards" / "small" / "sweep.sbatch"));
  }
  SECTION("options that need another are refused") {
    for (const char* bad :
         {"--array 4", "--slurm", "--slurm --array 4 --shard 1/2", "--slurm --array 0",
          "--slurm --array 4%x", "--shard 3/2", "--shard-dir x", "--slurm --array 2 --jobs 4"}) {
      INFO(bad);
      auto refused = run_gantry(dir.path(), std::string("sweep small.ini --seeds 1-3 ") + bad);
      CHECK(refused.exit_code == 1);
      CHECK_FALSE(refused.output.empty());
    }
  }
}

TEST_CASE("merging shards of image runs brings each run's PNG grids along", "[shard][merge][cli]") {
  ScratchDir dir;
  dir.write("images.ini", gantry::testing::kTinyImagesExperiment);
  const std::string sweep =
      "sweep images.ini --seeds 1-2" + gantry::testing::tiny_images_plugin_dir_option() + " ";
  REQUIRE(run_gantry(dir.path(), sweep + "--shard 1/2 --shard-dir shared --scratch scratch")
              .exit_code == 0);
  REQUIRE(run_gantry(dir.path(), sweep + "--shard 2/2 --shard-dir shared --scratch scratch")
              .exit_code == 0);
  auto merged = run_gantry(dir.path(),
                           "merge out/merged.sqlite shared/shard-1-of-2.sqlite "
                           "shared/shard-2-of-2.sqlite");
  INFO(merged.output);
  REQUIRE(merged.exit_code == 0);
  std::string paths =
      query(dir / "out" / "merged.sqlite", "SELECT hdf5_path FROM runs ORDER BY id");
  std::istringstream lines(paths.substr(paths.find('\n') + 1));
  int runs = 0;
  for (std::string path; std::getline(lines, path); ++runs) {
    INFO(path);
    std::filesystem::path h5 = dir / "out" / path;
    CHECK(std::filesystem::exists(h5));
    CHECK(std::filesystem::exists(h5.parent_path() / h5.stem() / "step_20.png"));
  }
  CHECK(runs == 2);
}
